import type { Db } from '../db/client.js';
import { disposals } from '../db/schema.js';
import { findLotInFoodBank } from '../db/repositories/stock.js';
import { itemsBelowMinimum, lotMovements, lotStock, stockByItem, type MovementFilters, type StockFilters } from '../db/repositories/stock-views.js';
import { notFound } from '../domain/errors.js';
import type { StorageZone } from '../domain/inventory.js';
import type { Actor } from '../domain/roles.js';
import { addDays, today } from '../lib/dates.js';
import type { DisposalBody } from '../schemas/stock.js';
import { takeFromStock } from './ledger.js';

export function listItemStock(db: Db, actor: Actor, filters: StockFilters & { belowMinimum?: boolean }) {
  if (filters.belowMinimum) {
    return itemsBelowMinimum(db, actor.foodBankId).map((row) => ({
      ...row,
      reserved: 0,
      available: row.onHand,
      earliestDate: null,
      lotCount: 0,
    }));
  }
  return stockByItem(db, actor.foodBankId, filters).map((row) => ({ ...row, available: row.onHand - row.reserved }));
}

export function listLotStock(
  db: Db,
  actor: Actor,
  filters: { lotId?: number; itemId?: number; locationId?: number; zone?: StorageZone; expiringWithinDays?: number },
) {
  const now = today();
  const datedBy = filters.expiringWithinDays === undefined ? undefined : addDays(now, filters.expiringWithinDays);
  return lotStock(db, actor.foodBankId, { ...filters, ...(datedBy ? { datedBy } : {}) }).map((row) => ({
    ...row,
    available: row.onHand - row.reserved,
    expired: row.dateLabel !== null && row.dateLabel < now,
  }));
}

export function listLotMovements(db: Db, actor: Actor, lotId: number, filters: MovementFilters) {
  if (!findLotInFoodBank(db, actor.foodBankId, lotId)) throw notFound('Lot');
  return lotMovements(db, lotId, filters);
}

/**
 * 폐기: takes stock out of use with a reason and who authorised it. Only available stock can be
 * disposed of (reserved units belong to an allocation); the check and the write share one
 * transaction, so parallel disposals can never drive stock below zero.
 */
export function disposeStock(db: Db, actor: Actor, input: DisposalBody) {
  return db.transaction(
    (tx) => {
      const lot = findLotInFoodBank(tx, actor.foodBankId, input.lotId);
      if (!lot) throw notFound('Lot');
      const disposal = tx
        .insert(disposals)
        .values({
          foodBankId: actor.foodBankId,
          lotId: lot.id,
          locationId: input.locationId,
          quantity: input.quantity,
          reason: input.reason,
          note: input.note ?? null,
          authorizedBy: input.authorizedBy.trim(),
          recordedBy: actor.userId,
        })
        .returning()
        .get();
      takeFromStock(tx, actor, lot, input.locationId, input.quantity, {
        reason: 'disposal',
        documentType: 'disposal',
        documentId: disposal.id,
        note: input.note ?? null,
      });
      return {
        id: disposal.id,
        lotId: disposal.lotId,
        locationId: disposal.locationId,
        quantity: disposal.quantity,
        reason: disposal.reason,
        authorizedBy: disposal.authorizedBy,
        note: disposal.note,
        createdAt: disposal.createdAt,
      };
    },
    { behavior: 'immediate' },
  );
}
