import type { DbOrTx } from '../db/client.js';
import { appendMovement, findStockLevel } from '../db/repositories/stock.js';
import type { LotRow } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { MovementReason } from '../domain/inventory.js';
import type { Actor } from '../domain/roles.js';

export interface LedgerDocument {
  reason: MovementReason;
  documentType: string;
  documentId: number;
  note?: string | null;
}

/**
 * Takes units of a lot out of one location. Only available stock can leave (reserved units
 * belong to an allocation); a refusal carries the facts staff need. Call inside the document's
 * transaction so the check and the write cannot be separated by another request.
 */
export function takeFromStock(tx: DbOrTx, actor: Actor, lot: LotRow, locationId: number, quantity: number, document: LedgerDocument): void {
  const level = findStockLevel(tx, lot.id, locationId);
  const available = level ? level.onHand - level.reserved : 0;
  if (quantity > available) {
    throw new AppError(409, 'insufficient_stock', `Only ${available} available of lot ${lot.id} at this location`, {
      facts: { itemId: lot.itemId, lotId: lot.id, locationId, requested: quantity, available },
    });
  }
  appendMovement(tx, { foodBankId: actor.foodBankId, lotId: lot.id, locationId, quantity: -quantity, actorUserId: actor.userId, ...document });
}

export function addToStock(tx: DbOrTx, actor: Actor, lotId: number, locationId: number, quantity: number, document: LedgerDocument): void {
  appendMovement(tx, { foodBankId: actor.foodBankId, lotId, locationId, quantity, actorUserId: actor.userId, ...document });
}
