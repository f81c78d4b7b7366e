import type { Db } from '../db/client.js';
import { findLocationsInFoodBank } from '../db/repositories/donations.js';
import { findLotInFoodBank } from '../db/repositories/stock.js';
import { transfers } from '../db/schema.js';
import { notFound, unprocessable } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { assertZoneFits } from '../domain/storage.js';
import type { TransferBody } from '../schemas/stock.js';
import { addToStock, takeFromStock } from './ledger.js';

/**
 * Moves units of a lot between two locations of the food bank. The destination must keep the
 * lot's storage zone (frozen stays frozen); both legs are in the ledger under one transfer.
 */
export function transferStock(db: Db, actor: Actor, input: TransferBody) {
  return db.transaction(
    (tx) => {
      const lot = findLotInFoodBank(tx, actor.foodBankId, input.lotId);
      if (!lot) throw notFound('Lot');
      if (input.fromLocationId === input.toLocationId) {
        throw unprocessable('same_location', 'Choose a different destination', { locationId: input.toLocationId });
      }
      const found = new Map(findLocationsInFoodBank(tx, actor.foodBankId, [input.fromLocationId, input.toLocationId]).map((l) => [l.id, l]));
      const to = found.get(input.toLocationId);
      if (!found.has(input.fromLocationId)) throw unprocessable('unknown_location', 'No such location', { locationId: input.fromLocationId });
      if (!to || !to.active) throw unprocessable('unknown_location', 'No such active location', { locationId: input.toLocationId });
      assertZoneFits(lot.zone, to);
      const transfer = tx
        .insert(transfers)
        .values({ foodBankId: actor.foodBankId, ...input, note: input.note ?? null, createdBy: actor.userId })
        .returning()
        .get();
      const document = { documentType: 'transfer', documentId: transfer.id, note: transfer.note };
      takeFromStock(tx, actor, lot, input.fromLocationId, input.quantity, { ...document, reason: 'transfer_out' });
      addToStock(tx, actor, lot.id, input.toLocationId, input.quantity, { ...document, reason: 'transfer_in' });
      return {
        id: transfer.id,
        lotId: transfer.lotId,
        fromLocationId: transfer.fromLocationId,
        toLocationId: transfer.toLocationId,
        quantity: transfer.quantity,
        note: transfer.note,
        createdAt: transfer.createdAt,
      };
    },
    { behavior: 'immediate' },
  );
}
