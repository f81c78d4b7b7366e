import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { lots, stockLevels, stockMovements, type LotRow, type StockLevelRow } from '../schema.js';
import type { MovementReason } from '../../domain/inventory.js';

export interface NewMovement {
  foodBankId: number;
  lotId: number;
  locationId: number;
  quantity: number;
  reason: MovementReason;
  documentType: string;
  documentId: number;
  actorUserId: number;
  note?: string | null;
}

/**
 * Appends one ledger row and applies it to the stock projection. Call inside the transaction of
 * the document it belongs to; the projection's CHECK refuses a negative result as a last resort.
 */
export function appendMovement(tx: DbOrTx, movement: NewMovement): void {
  tx.insert(stockMovements).values(movement).run();
  if (movement.quantity > 0) {
    tx.insert(stockLevels)
      .values({ foodBankId: movement.foodBankId, lotId: movement.lotId, locationId: movement.locationId, onHand: movement.quantity })
      .onConflictDoUpdate({
        target: [stockLevels.lotId, stockLevels.locationId],
        set: { onHand: sql`${stockLevels.onHand} + ${movement.quantity}` },
      })
      .run();
    return;
  }
  // Stock can only leave a place it is at: no row to take from is a caller's bug, not a 0.
  const taken = tx
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} + ${movement.quantity}` })
    .where(and(eq(stockLevels.lotId, movement.lotId), eq(stockLevels.locationId, movement.locationId)))
    .run();
  if (taken.changes !== 1) throw new Error(`no stock of lot ${movement.lotId} at location ${movement.locationId}`);
}

export function findStockLevel(db: DbOrTx, lotId: number, locationId: number): StockLevelRow | undefined {
  return db
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.lotId, lotId), eq(stockLevels.locationId, locationId)))
    .get();
}

export function insertLot(tx: DbOrTx, values: typeof lots.$inferInsert): LotRow {
  return tx.insert(lots).values(values).returning().get();
}

export function findLotInFoodBank(db: DbOrTx, foodBankId: number, lotId: number): LotRow | undefined {
  return db
    .select()
    .from(lots)
    .where(and(eq(lots.id, lotId), eq(lots.foodBankId, foodBankId)))
    .get();
}

/**
 * Holds units of a lot at a location for an allocation: only what is available (on hand − already
 * reserved) can be held, checked in the same statement, so two rounds can never hold one unit.
 */
export function reserveStock(tx: DbOrTx, lotId: number, locationId: number, quantity: number): boolean {
  return (
    tx
      .update(stockLevels)
      .set({ reserved: sql`${stockLevels.reserved} + ${quantity}` })
      .where(and(eq(stockLevels.lotId, lotId), eq(stockLevels.locationId, locationId), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${quantity}`))
      .run().changes === 1
  );
}

/** Lets go of held units (a cancelled request, or just before they leave at handover). */
export function releaseStock(tx: DbOrTx, lotId: number, locationId: number, quantity: number): void {
  const released = tx
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} - ${quantity}` })
    .where(and(eq(stockLevels.lotId, lotId), eq(stockLevels.locationId, locationId), sql`${stockLevels.reserved} >= ${quantity}`))
    .run();
  if (released.changes !== 1) throw new Error(`lot ${lotId} at location ${locationId} holds fewer than ${quantity} reserved units`);
}
