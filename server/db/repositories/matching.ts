import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  agencies,
  allocationRequests,
  allocations,
  items,
  locations,
  lots,
  matchingRounds,
  requestLines,
  roundLines,
  stockLevels,
  type MatchingRoundRow,
  type RoundLineRow,
} from '../schema.js';
import { OPEN_FOR_MATCHING } from '../../domain/distribution.js';

/** Open request lines of approved agencies, with what is still open (asked − held or handed over). */
export function openRequestLines(db: DbOrTx, foodBankId: number) {
  const held = db
    .select({ requestLineId: allocations.requestLineId, quantity: sql<number>`sum(${allocations.quantity})`.as('held') })
    .from(allocations)
    .where(ne(allocations.status, 'released'))
    .groupBy(allocations.requestLineId)
    .as('held');
  return db
    .select({
      requestLineId: requestLines.id,
      requestId: requestLines.requestId,
      agencyId: allocationRequests.agencyId,
      itemId: requestLines.itemId,
      categoryId: requestLines.categoryId,
      quantity: sql<number>`${requestLines.quantity} - coalesce(${held.quantity}, 0)`,
      neededBy: allocationRequests.neededBy,
    })
    .from(requestLines)
    .innerJoin(allocationRequests, eq(allocationRequests.id, requestLines.requestId))
    .innerJoin(agencies, eq(agencies.id, allocationRequests.agencyId))
    .leftJoin(held, eq(held.requestLineId, requestLines.id))
    .where(
      and(
        eq(allocationRequests.foodBankId, foodBankId),
        inArray(allocationRequests.status, [...OPEN_FOR_MATCHING]),
        eq(agencies.status, 'approved'),
        sql`${requestLines.quantity} - coalesce(${held.quantity}, 0) > 0`,
      ),
    )
    .orderBy(asc(requestLines.id))
    .all();
}

/** Stock free to allocate: on hand − reserved at each place, not past its date today. */
export function freeStock(db: DbOrTx, foodBankId: number, today: string) {
  return db
    .select({
      lotId: lots.id,
      itemId: lots.itemId,
      categoryId: items.categoryId,
      zone: lots.zone,
      dateLabel: lots.dateLabel,
      locationId: stockLevels.locationId,
      locationSortOrder: locations.sortOrder,
      available: sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`,
    })
    .from(stockLevels)
    .innerJoin(lots, eq(lots.id, stockLevels.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, stockLevels.locationId))
    .where(
      and(
        eq(stockLevels.foodBankId, foodBankId),
        gt(stockLevels.onHand, 0),
        sql`${stockLevels.onHand} - ${stockLevels.reserved} > 0`,
        sql`(${lots.dateLabel} is null or ${lots.dateLabel} >= ${today})`,
      ),
    )
    .all();
}

/** Units already held (not yet handed over) for each agency, by zone: they take room at the agency too. */
export function heldByAgencyZone(db: DbOrTx, foodBankId: number) {
  return db
    .select({ agencyId: allocations.agencyId, zone: lots.zone, quantity: sql<number>`sum(${allocations.quantity})` })
    .from(allocations)
    .innerJoin(lots, eq(lots.id, allocations.lotId))
    .where(and(eq(allocations.foodBankId, foodBankId), eq(allocations.status, 'reserved')))
    .groupBy(allocations.agencyId, lots.zone)
    .all();
}

export function insertRound(tx: DbOrTx, values: typeof matchingRounds.$inferInsert): MatchingRoundRow {
  return tx.insert(matchingRounds).values(values).returning().get();
}

export function updateRound(tx: DbOrTx, id: number, values: Partial<typeof matchingRounds.$inferInsert>): MatchingRoundRow {
  return tx.update(matchingRounds).set(values).where(eq(matchingRounds.id, id)).returning().get()!;
}

export function findRound(db: DbOrTx, foodBankId: number, id: number): MatchingRoundRow | undefined {
  return db.select().from(matchingRounds).where(and(eq(matchingRounds.foodBankId, foodBankId), eq(matchingRounds.id, id))).get();
}

export function listRounds(db: DbOrTx, foodBankId: number): MatchingRoundRow[] {
  return db.select().from(matchingRounds).where(eq(matchingRounds.foodBankId, foodBankId)).orderBy(desc(matchingRounds.id)).limit(100).all();
}

export function replaceRoundLines(tx: DbOrTx, roundId: number, lines: Omit<RoundLineRow, 'roundId'>[]): void {
  tx.delete(roundLines).where(eq(roundLines.roundId, roundId)).run();
  if (lines.length > 0) tx.insert(roundLines).values(lines.map((line) => ({ ...line, roundId }))).run();
}

/** A round's lines with names for review: agency, item, lot date and location. */
export function roundLinesWithNames(db: DbOrTx, roundId: number) {
  return db
    .select({
      requestLineId: roundLines.requestLineId,
      requestId: requestLines.requestId,
      agencyId: allocationRequests.agencyId,
      agencyName: agencies.name,
      lotId: roundLines.lotId,
      locationId: roundLines.locationId,
      locationName: locations.name,
      itemId: lots.itemId,
      itemName: items.name,
      unit: items.unit,
      zone: lots.zone,
      dateLabel: lots.dateLabel,
      quantity: roundLines.quantity,
    })
    .from(roundLines)
    .innerJoin(requestLines, eq(requestLines.id, roundLines.requestLineId))
    .innerJoin(allocationRequests, eq(allocationRequests.id, requestLines.requestId))
    .innerJoin(agencies, eq(agencies.id, allocationRequests.agencyId))
    .innerJoin(lots, eq(lots.id, roundLines.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, roundLines.locationId))
    .where(eq(roundLines.roundId, roundId))
    .orderBy(asc(agencies.name), asc(roundLines.requestLineId), asc(lots.dateLabel), asc(roundLines.lotId))
    .all();
}

export function insertAllocations(tx: DbOrTx, values: (typeof allocations.$inferInsert)[]): void {
  if (values.length > 0) tx.insert(allocations).values(values).run();
}
