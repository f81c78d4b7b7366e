import { and, asc, eq, gt, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { containsText } from '../columns.js';
import { items, locations, lots, stockLevels, stockMovements, users } from '../schema.js';
import type { MovementReason, StorageZone } from '../../domain/inventory.js';

export interface StockFilters {
  zone?: StorageZone;
  categoryId?: number;
  locationId?: number;
  q?: string;
}

/** Stock by item: totals over all lots and locations with stock, earliest date first seen. */
export function stockByItem(db: DbOrTx, foodBankId: number, filters: StockFilters) {
  const conditions: SQL[] = [eq(stockLevels.foodBankId, foodBankId), gt(stockLevels.onHand, 0)];
  if (filters.zone) conditions.push(eq(lots.zone, filters.zone));
  if (filters.categoryId) conditions.push(eq(items.categoryId, filters.categoryId));
  if (filters.locationId) conditions.push(eq(stockLevels.locationId, filters.locationId));
  if (filters.q) conditions.push(containsText(items.name, filters.q));
  return db
    .select({
      itemId: items.id,
      itemName: items.name,
      unit: items.unit,
      categoryId: items.categoryId,
      minStock: items.minStock,
      onHand: sql<number>`sum(${stockLevels.onHand})`.mapWith(Number),
      reserved: sql<number>`sum(${stockLevels.reserved})`.mapWith(Number),
      earliestDate: sql<string | null>`min(${lots.dateLabel})`,
      lotCount: sql<number>`count(distinct ${lots.id})`.mapWith(Number),
    })
    .from(stockLevels)
    .innerJoin(lots, eq(lots.id, stockLevels.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .where(and(...conditions))
    .groupBy(items.id)
    .orderBy(asc(items.name))
    .all();
}

/** Active items with a minimum whose stock is below it, including those with none at all. */
export function itemsBelowMinimum(db: DbOrTx, foodBankId: number) {
  const onHand = sql<number>`coalesce(sum(${stockLevels.onHand}), 0)`.mapWith(Number);
  return db
    .select({ itemId: items.id, itemName: items.name, unit: items.unit, categoryId: items.categoryId, minStock: items.minStock, onHand })
    .from(items)
    .leftJoin(lots, eq(lots.itemId, items.id))
    .leftJoin(stockLevels, eq(stockLevels.lotId, lots.id))
    .where(and(eq(items.foodBankId, foodBankId), eq(items.active, true), sql`${items.minStock} is not null`))
    .groupBy(items.id)
    .having(sql`coalesce(sum(${stockLevels.onHand}), 0) < ${items.minStock}`)
    .orderBy(asc(items.name))
    .all();
}

export interface LotFilters {
  lotId?: number;
  itemId?: number;
  locationId?: number;
  zone?: StorageZone;
  /** Dated on or before this day (expiring soon, or already expired). */
  datedBy?: string;
}

/** Lot stock per location, earliest date first (FEFO order), undated lots last. */
export function lotStock(db: DbOrTx, foodBankId: number, filters: LotFilters) {
  const conditions: SQL[] = [eq(stockLevels.foodBankId, foodBankId), gt(stockLevels.onHand, 0)];
  if (filters.lotId) conditions.push(eq(lots.id, filters.lotId));
  if (filters.itemId) conditions.push(eq(lots.itemId, filters.itemId));
  if (filters.locationId) conditions.push(eq(stockLevels.locationId, filters.locationId));
  if (filters.zone) conditions.push(eq(lots.zone, filters.zone));
  if (filters.datedBy) conditions.push(lte(lots.dateLabel, filters.datedBy));
  return db
    .select({
      lotId: lots.id,
      itemId: items.id,
      itemName: items.name,
      unit: items.unit,
      dateLabelKind: lots.dateLabelKind,
      dateLabel: lots.dateLabel,
      zone: lots.zone,
      receivedOn: lots.receivedOn,
      locationId: locations.id,
      locationName: locations.name,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels)
    .innerJoin(lots, eq(lots.id, stockLevels.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, stockLevels.locationId))
    .where(and(...conditions))
    .orderBy(sql`${lots.dateLabel} is null`, asc(lots.dateLabel), asc(lots.id), asc(locations.sortOrder))
    .all();
}

export interface MovementFilters {
  reason?: MovementReason;
  from?: string;
  to?: string;
}

export function lotMovements(db: DbOrTx, lotId: number, filters: MovementFilters) {
  const conditions: SQL[] = [eq(stockMovements.lotId, lotId)];
  if (filters.reason) conditions.push(eq(stockMovements.reason, filters.reason));
  if (filters.from) conditions.push(gte(stockMovements.occurredAt, filters.from));
  // `to` is a whole day: everything before the next midnight.
  if (filters.to) conditions.push(or(lte(stockMovements.occurredAt, filters.to), sql`substr(${stockMovements.occurredAt}, 1, 10) = ${filters.to}`)!);
  return db
    .select({
      id: stockMovements.id,
      lotId: stockMovements.lotId,
      locationId: stockMovements.locationId,
      locationName: locations.name,
      quantity: stockMovements.quantity,
      reason: stockMovements.reason,
      documentType: stockMovements.documentType,
      documentId: stockMovements.documentId,
      actorName: users.name,
      note: stockMovements.note,
      occurredAt: stockMovements.occurredAt,
    })
    .from(stockMovements)
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .innerJoin(users, eq(users.id, stockMovements.actorUserId))
    .where(and(...conditions))
    .orderBy(asc(stockMovements.id))
    .all();
}
