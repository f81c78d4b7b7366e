import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { nowIso } from '../client.js';
import { containsText } from '../columns.js';
import { categories, donationLines, itemBarcodes, items, lots, shipmentLines, stockLevels, type CategoryRow, type ItemBarcodeRow, type ItemRow } from '../schema.js';

export function listCategories(db: DbOrTx, foodBankId: number): CategoryRow[] {
  return db.select().from(categories).where(eq(categories.foodBankId, foodBankId)).orderBy(asc(categories.kind), asc(categories.id)).all();
}

export function findCategory(db: DbOrTx, foodBankId: number, id: number): CategoryRow | undefined {
  return db.select().from(categories).where(and(eq(categories.foodBankId, foodBankId), eq(categories.id, id))).get();
}

export function findCategoryByName(db: DbOrTx, foodBankId: number, name: string): CategoryRow | undefined {
  return db.select().from(categories).where(and(eq(categories.foodBankId, foodBankId), eq(categories.name, name))).get();
}

export function insertCategory(db: DbOrTx, values: typeof categories.$inferInsert): CategoryRow {
  return db.insert(categories).values(values).returning().get();
}

export function updateCategory(db: DbOrTx, id: number, values: Partial<typeof categories.$inferInsert>): CategoryRow {
  return db.update(categories).set(values).where(eq(categories.id, id)).returning().get()!;
}

export function findItem(db: DbOrTx, foodBankId: number, id: number): ItemRow | undefined {
  return db.select().from(items).where(and(eq(items.foodBankId, foodBankId), eq(items.id, id))).get();
}

export function findItemByKey(db: DbOrTx, foodBankId: number, nameKey: string): ItemRow | undefined {
  return db.select().from(items).where(and(eq(items.foodBankId, foodBankId), eq(items.nameKey, nameKey))).get();
}

export function insertItem(db: DbOrTx, values: typeof items.$inferInsert): ItemRow {
  return db.insert(items).values(values).returning().get();
}

export function updateItem(db: DbOrTx, id: number, values: Partial<typeof items.$inferInsert>): ItemRow {
  return db.update(items).set({ ...values, updatedAt: nowIso() }).where(eq(items.id, id)).returning().get()!;
}

export function deleteItem(db: DbOrTx, id: number): void {
  db.delete(itemBarcodes).where(eq(itemBarcodes.itemId, id)).run();
  db.delete(items).where(eq(items.id, id)).run();
}

export interface ItemFilters {
  q?: string;
  /** `q` folded like item names, so "신 라면" finds "신라면". */
  qKey?: string;
  categoryId?: number;
  active?: boolean;
  limit: number;
  offset: number;
}

export function searchItems(db: DbOrTx, foodBankId: number, filters: ItemFilters): { rows: ItemRow[]; total: number } {
  const conditions: SQL[] = [eq(items.foodBankId, foodBankId)];
  if (filters.q) {
    const byName = containsText(items.name, filters.q);
    conditions.push(filters.qKey ? or(byName, containsText(items.nameKey, filters.qKey))! : byName);
  }
  if (filters.categoryId) conditions.push(eq(items.categoryId, filters.categoryId));
  if (filters.active !== undefined) conditions.push(eq(items.active, filters.active));
  const where = and(...conditions);
  const rows = db.select().from(items).where(where).orderBy(asc(items.name), asc(items.id)).limit(filters.limit).offset(filters.offset).all();
  const total = db.select({ n: count() }).from(items).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function listBarcodes(db: DbOrTx, itemIds: number[]): ItemBarcodeRow[] {
  if (itemIds.length === 0) return [];
  return db.select().from(itemBarcodes).where(inArray(itemBarcodes.itemId, itemIds)).orderBy(asc(itemBarcodes.id)).all();
}

/** The food bank's barcode stored under any of the given spellings of one code. */
export function findBarcode(db: DbOrTx, foodBankId: number, codes: string[]): ItemBarcodeRow | undefined {
  return db.select().from(itemBarcodes).where(and(eq(itemBarcodes.foodBankId, foodBankId), inArray(itemBarcodes.code, codes))).limit(1).get();
}

export function insertBarcode(db: DbOrTx, values: typeof itemBarcodes.$inferInsert): ItemBarcodeRow {
  return db.insert(itemBarcodes).values(values).returning().get();
}

export function deleteBarcode(db: DbOrTx, itemId: number, barcodeId: number): boolean {
  return db.delete(itemBarcodes).where(and(eq(itemBarcodes.id, barcodeId), eq(itemBarcodes.itemId, itemId))).run().changes === 1;
}

/**
 * An item is in use once any donation line, lot or received shipment line refers to it: the
 * record must keep it (and the foreign keys would refuse the delete anyway).
 */
export function itemInUse(db: DbOrTx, itemId: number): boolean {
  const line = db.select({ id: donationLines.id }).from(donationLines).where(eq(donationLines.itemId, itemId)).limit(1).get();
  const lot = db.select({ id: lots.id }).from(lots).where(eq(lots.itemId, itemId)).limit(1).get();
  const received = db.select({ id: shipmentLines.id }).from(shipmentLines).where(eq(shipmentLines.receivedItemId, itemId)).limit(1).get();
  return line !== undefined || lot !== undefined || received !== undefined;
}

export function itemOnHand(db: DbOrTx, itemId: number): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)`.mapWith(Number) })
      .from(stockLevels)
      .innerJoin(lots, eq(lots.id, stockLevels.lotId))
      .where(eq(lots.itemId, itemId))
      .get()?.n ?? 0
  );
}
