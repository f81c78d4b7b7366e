import { and, asc, desc, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { nowIso, type DbOrTx } from '../client.js';
import {
  agencies,
  allocationRequests,
  allocations,
  categories,
  handovers,
  items,
  locations,
  lots,
  receiptConfirmationLines,
  receiptConfirmations,
  requestLines,
  requestStatusChanges,
  users,
  type AllocationRequestRow,
  type RequestLineRow,
} from '../schema.js';
import type { RequestStatus } from '../../domain/distribution.js';

export function insertRequest(tx: DbOrTx, values: typeof allocationRequests.$inferInsert): AllocationRequestRow {
  return tx.insert(allocationRequests).values(values).returning().get();
}

export function updateRequestRow(tx: DbOrTx, id: number, values: Partial<typeof allocationRequests.$inferInsert>): AllocationRequestRow {
  return tx.update(allocationRequests).set(values).where(eq(allocationRequests.id, id)).returning().get()!;
}

export function replaceRequestLines(tx: DbOrTx, requestId: number, lines: Omit<typeof requestLines.$inferInsert, 'requestId'>[]): void {
  tx.delete(requestLines).where(eq(requestLines.requestId, requestId)).run();
  if (lines.length > 0) tx.insert(requestLines).values(lines.map((line) => ({ ...line, requestId }))).run();
}

export function findRequest(db: DbOrTx, foodBankId: number, id: number): AllocationRequestRow | undefined {
  return db.select().from(allocationRequests).where(and(eq(allocationRequests.foodBankId, foodBankId), eq(allocationRequests.id, id))).get();
}

export interface RequestFilters {
  status?: RequestStatus;
  agencyId?: number;
  /** Staff do not see an agency's drafts. */
  withoutDrafts?: boolean;
}

export function listRequestRows(db: DbOrTx, foodBankId: number, filters: RequestFilters) {
  const conditions: SQL[] = [eq(allocationRequests.foodBankId, foodBankId)];
  if (filters.status) conditions.push(eq(allocationRequests.status, filters.status));
  if (filters.agencyId) conditions.push(eq(allocationRequests.agencyId, filters.agencyId));
  if (filters.withoutDrafts) conditions.push(ne(allocationRequests.status, 'draft'));
  return db
    .select({ request: allocationRequests, agencyName: agencies.name })
    .from(allocationRequests)
    .innerJoin(agencies, eq(agencies.id, allocationRequests.agencyId))
    .where(and(...conditions))
    .orderBy(desc(allocationRequests.id))
    .limit(300)
    .all();
}

export type LineWithTarget = RequestLineRow & { targetName: string; unit: string | null; zone: string | null };

/** Request lines with the item's or category's name, for several requests at once. */
export function linesOfRequests(db: DbOrTx, requestIds: number[]): LineWithTarget[] {
  if (requestIds.length === 0) return [];
  return db
    .select({ line: requestLines, itemName: items.name, unit: items.unit, zone: items.defaultZone, categoryName: categories.name })
    .from(requestLines)
    .leftJoin(items, eq(items.id, requestLines.itemId))
    .leftJoin(categories, eq(categories.id, requestLines.categoryId))
    .where(inArray(requestLines.requestId, requestIds))
    .orderBy(asc(requestLines.requestId), asc(requestLines.lineNo))
    .all()
    .map((r) => ({ ...r.line, targetName: r.itemName ?? r.categoryName ?? '', unit: r.unit, zone: r.zone }));
}

/** Allocations that are not released, with what they hold and where, for several requests. */
export function allocationsOfRequests(db: DbOrTx, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      id: allocations.id,
      requestId: allocations.requestId,
      requestLineId: allocations.requestLineId,
      roundId: allocations.roundId,
      lotId: allocations.lotId,
      locationId: allocations.locationId,
      quantity: allocations.quantity,
      status: allocations.status,
      itemId: lots.itemId,
      itemName: items.name,
      unit: items.unit,
      zone: lots.zone,
      dateLabel: lots.dateLabel,
      dateLabelKind: lots.dateLabelKind,
      locationName: locations.name,
      warehouse: locations.warehouse,
      sortOrder: locations.sortOrder,
    })
    .from(allocations)
    .innerJoin(lots, eq(lots.id, allocations.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, allocations.locationId))
    .where(and(inArray(allocations.requestId, requestIds), ne(allocations.status, 'released')))
    .orderBy(asc(locations.warehouse), asc(locations.sortOrder), asc(locations.name), asc(items.name), asc(allocations.id))
    .all();
}
export type AllocationView = ReturnType<typeof allocationsOfRequests>[number];

/** The handovers of several requests, by request. */
export function handoversOf(db: DbOrTx, requestIds: number[]) {
  if (requestIds.length === 0) return new Map<number, typeof handovers.$inferSelect>();
  return new Map(db.select().from(handovers).where(inArray(handovers.requestId, requestIds)).all().map((h) => [h.requestId, h]));
}

/** The agencies' receipt confirmations of several requests, with their lines, by request. */
export function confirmationsOf(db: DbOrTx, requestIds: number[]) {
  const out = new Map<number, typeof receiptConfirmations.$inferSelect & { lines: (typeof receiptConfirmationLines.$inferSelect)[] }>();
  if (requestIds.length === 0) return out;
  for (const c of db.select().from(receiptConfirmations).where(inArray(receiptConfirmations.requestId, requestIds)).all()) out.set(c.requestId, { ...c, lines: [] });
  if (out.size === 0) return out;
  const lines = db
    .select()
    .from(receiptConfirmationLines)
    .where(inArray(receiptConfirmationLines.requestId, [...out.keys()]))
    .orderBy(asc(receiptConfirmationLines.allocationId))
    .all();
  for (const line of lines) out.get(line.requestId)!.lines.push(line);
  return out;
}

/** What an agency asked for the same item or category before: the basis of "more than usual". */
export function pastQuantities(db: DbOrTx, agencyId: number, exceptRequestId: number | null): { itemId: number | null; categoryId: number | null; quantity: number }[] {
  return db
    .select({ itemId: requestLines.itemId, categoryId: requestLines.categoryId, quantity: requestLines.quantity })
    .from(requestLines)
    .innerJoin(allocationRequests, eq(allocationRequests.id, requestLines.requestId))
    .where(
      and(
        eq(allocationRequests.agencyId, agencyId),
        // What the agency really asked for: a draft or a cancelled typo says nothing about its usual.
        notInArray(allocationRequests.status, ['draft', 'cancelled']),
        exceptRequestId === null ? sql`1 = 1` : ne(allocationRequests.id, exceptRequestId),
      ),
    )
    .all();
}

/**
 * Moves a request to a status and appends it to the request's history in the same transaction,
 * with who did it and why: the record of what happened to every request.
 */
export function setRequestStatus(
  tx: DbOrTx,
  requestId: number,
  change: { status: RequestStatus; by: number; note?: string | null },
  values: Partial<typeof allocationRequests.$inferInsert> = {},
): AllocationRequestRow {
  tx.insert(requestStatusChanges).values({ requestId, status: change.status, changedBy: change.by, note: change.note ?? null }).run();
  return updateRequestRow(tx, requestId, { ...values, status: change.status, updatedAt: nowIso() });
}

/** The status history of several requests, oldest first, with who changed it. */
export function statusHistory(db: DbOrTx, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ requestId: requestStatusChanges.requestId, status: requestStatusChanges.status, at: requestStatusChanges.changedAt, byName: users.name, note: requestStatusChanges.note })
    .from(requestStatusChanges)
    .innerJoin(users, eq(users.id, requestStatusChanges.changedBy))
    .where(inArray(requestStatusChanges.requestId, requestIds))
    .orderBy(asc(requestStatusChanges.id))
    .all();
}
