import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { locations, stockLevels, type LocationRow } from '../schema.js';
import type { StorageZone } from '../../domain/inventory.js';

export function listLocationsWithStock(db: DbOrTx, foodBankId: number, filters: { zone?: StorageZone; active?: boolean }) {
  const conditions: SQL[] = [eq(locations.foodBankId, foodBankId)];
  if (filters.zone) conditions.push(eq(locations.zone, filters.zone));
  if (filters.active !== undefined) conditions.push(eq(locations.active, filters.active));
  return db
    .select({ location: locations, onHand: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)`.mapWith(Number) })
    .from(locations)
    .leftJoin(stockLevels, eq(stockLevels.locationId, locations.id))
    .where(and(...conditions))
    .groupBy(locations.id)
    .orderBy(asc(locations.sortOrder), asc(locations.warehouse), asc(locations.name))
    .all();
}

export function findLocation(db: DbOrTx, foodBankId: number, id: number): LocationRow | undefined {
  return db.select().from(locations).where(and(eq(locations.foodBankId, foodBankId), eq(locations.id, id))).get();
}

export function findLocationByKey(db: DbOrTx, foodBankId: number, nameKey: string): LocationRow | undefined {
  return db.select().from(locations).where(and(eq(locations.foodBankId, foodBankId), eq(locations.nameKey, nameKey))).get();
}

export function insertLocation(db: DbOrTx, values: typeof locations.$inferInsert): LocationRow {
  return db.insert(locations).values(values).returning().get();
}

export function updateLocation(db: DbOrTx, id: number, values: Partial<typeof locations.$inferInsert>): LocationRow {
  return db.update(locations).set(values).where(eq(locations.id, id)).returning().get()!;
}

export function locationOnHand(db: DbOrTx, locationId: number): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)`.mapWith(Number) })
      .from(stockLevels)
      .where(eq(stockLevels.locationId, locationId))
      .get()?.n ?? 0
  );
}
