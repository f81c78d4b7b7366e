import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { items, locations, lots, stockCountLines, stockCounts, stockLevels, users, type StockCountLineRow, type StockCountRow } from '../schema.js';

/** What a count covers: every lot with stock at the location and/or in the category, right now. */
export function stockInScope(db: DbOrTx, foodBankId: number, scope: { locationId?: number | null; categoryId?: number | null }) {
  const conditions: SQL[] = [eq(stockLevels.foodBankId, foodBankId), gt(stockLevels.onHand, 0)];
  if (scope.locationId) conditions.push(eq(stockLevels.locationId, scope.locationId));
  if (scope.categoryId) conditions.push(eq(items.categoryId, scope.categoryId));
  return db
    .select({ lotId: stockLevels.lotId, locationId: stockLevels.locationId, onHand: stockLevels.onHand })
    .from(stockLevels)
    .innerJoin(lots, eq(lots.id, stockLevels.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .where(and(...conditions))
    .all();
}

export function insertCount(tx: DbOrTx, values: typeof stockCounts.$inferInsert): StockCountRow {
  return tx.insert(stockCounts).values(values).returning().get();
}

export function insertCountLines(tx: DbOrTx, values: (typeof stockCountLines.$inferInsert)[]): void {
  if (values.length > 0) tx.insert(stockCountLines).values(values).run();
}

export function findCount(db: DbOrTx, foodBankId: number, id: number): StockCountRow | undefined {
  return db.select().from(stockCounts).where(and(eq(stockCounts.foodBankId, foodBankId), eq(stockCounts.id, id))).get();
}

export function listCounts(db: DbOrTx, foodBankId: number, status?: 'open' | 'finalized'): StockCountRow[] {
  const conditions: SQL[] = [eq(stockCounts.foodBankId, foodBankId)];
  if (status) conditions.push(eq(stockCounts.status, status));
  return db.select().from(stockCounts).where(and(...conditions)).orderBy(desc(stockCounts.id)).limit(100).all();
}

export function listCountLines(db: DbOrTx, countIds: number[]) {
  if (countIds.length === 0) return [];
  return db
    .select({ line: stockCountLines, itemId: items.id, itemName: items.name, unit: items.unit, dateLabel: lots.dateLabel, locationName: locations.name })
    .from(stockCountLines)
    .innerJoin(lots, eq(lots.id, stockCountLines.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, stockCountLines.locationId))
    .where(inArray(stockCountLines.countId, countIds))
    .orderBy(asc(locations.sortOrder), asc(items.name), asc(stockCountLines.id))
    .all();
}

export function updateCountLine(tx: DbOrTx, id: number, values: Pick<StockCountLineRow, 'counted' | 'expected' | 'note'>): void {
  tx.update(stockCountLines).set(values).where(eq(stockCountLines.id, id)).run();
}

export function updateCount(tx: DbOrTx, id: number, values: Partial<typeof stockCounts.$inferInsert>): void {
  tx.update(stockCounts).set(values).where(eq(stockCounts.id, id)).run();
}

/** Names of the people who started and finalized counts, for the record of who did what. */
export function userNames(db: DbOrTx, ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)).all().map((u) => [u.id, u.name]));
}
