import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { findAgency } from '../db/repositories/agencies.js';
import {
  allocationsOfRequests,
  confirmationsOf,
  handoversOf,
  findRequest,
  insertRequest,
  linesOfRequests,
  listRequestRows,
  pastQuantities,
  replaceRequestLines,
  setRequestStatus,
  statusHistory,
  updateRequestRow,
  type RequestFilters,
} from '../db/repositories/requests.js';
import { findLotInFoodBank, releaseStock } from '../db/repositories/stock.js';
import {
  allocations,
  categories,
  handovers,
  items,
  lots,
  receiptConfirmationLines,
  receiptConfirmations,
  stockLevels,
  type AgencyRow,
  type AllocationRequestRow,
} from '../db/schema.js';
import { CANCELLABLE, unusualQuantity, type RequestStatus } from '../domain/distribution.js';
import { AppError, conflict, notFound, unprocessable } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { today } from '../lib/dates.js';
import type { AllocationRequestDto, ConfirmReceiptBody, PickListDto, RequestBody } from '../schemas/requests.js';
import { ownAgency } from './agencies.js';
import { takeFromStock } from './ledger.js';

/** Requests with their lines, what each line holds, and the handover and confirmation. */
export function toRequestDtos(db: DbOrTx, rows: { request: AllocationRequestRow; agencyName: string }[]): AllocationRequestDto[] {
  const ids = rows.map((r) => r.request.id);
  const lines = linesOfRequests(db, ids);
  const held = allocationsOfRequests(db, ids);
  const history = statusHistory(db, ids);
  const handoverOf = handoversOf(db, ids);
  const confirmationOf = confirmationsOf(db, ids);
  return rows.map(({ request, agencyName }) => {
    const own = held.filter((a) => a.requestId === request.id);
    const lineViews = lines
      .filter((l) => l.requestId === request.id)
      .map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        itemId: l.itemId,
        categoryId: l.categoryId,
        name: l.targetName,
        unit: l.unit,
        quantity: l.quantity,
        allocated: own.filter((a) => a.requestLineId === l.id).reduce((sum, a) => sum + a.quantity, 0),
      }));
    const requested = lineViews.reduce((sum, l) => sum + l.quantity, 0);
    const allocated = lineViews.reduce((sum, l) => sum + l.allocated, 0);
    const handover = handoverOf.get(request.id);
    const confirmation = confirmationOf.get(request.id);
    return {
      id: request.id,
      agencyId: request.agencyId,
      agencyName,
      status: request.status,
      neededBy: request.neededBy,
      fulfilment: request.fulfilment,
      note: request.note,
      cancelReason: request.cancelReason,
      submittedAt: request.submittedAt,
      createdAt: request.createdAt,
      lines: lineViews,
      history: history.filter((h) => h.requestId === request.id).map(({ status, at, byName, note }) => ({ status, at, byName, note })),
      requested,
      allocated,
      fillRate: requested > 0 ? allocated / requested : 0,
      allocations: own.map((a) => ({
        id: a.id,
        requestLineId: a.requestLineId,
        itemId: a.itemId,
        itemName: a.itemName,
        unit: a.unit,
        zone: a.zone,
        dateLabelKind: a.dateLabelKind,
        dateLabel: a.dateLabel,
        quantity: a.quantity,
        status: a.status,
        lotId: a.lotId,
        locationName: a.locationName,
      })),
      handover: handover
        ? { method: handover.method, receivedByName: handover.receivedByName, proxy: handover.proxy, note: handover.note, at: handover.createdAt }
        : null,
      confirmation: confirmation
        ? {
            at: confirmation.confirmedAt,
            note: confirmation.note,
            lines: confirmation.lines.map(({ allocationId, receivedQuantity, damagedQuantity, note }) => ({ allocationId, receivedQuantity, damagedQuantity, note })),
          }
        : null,
    };
  });
}

function loadRequest(db: DbOrTx, actor: Actor, id: number, agencyId?: number): AllocationRequestDto {
  const request = requireRequest(db, actor, id, agencyId);
  return toRequestDtos(db, [{ request, agencyName: findAgency(db, actor.foodBankId, request.agencyId)!.name }])[0]!;
}

/** A request of the food bank; with `agencyId`, only that agency's. Staff do not see drafts. */
function requireRequest(db: DbOrTx, actor: Actor, id: number, agencyId?: number): AllocationRequestRow {
  const request = findRequest(db, actor.foodBankId, id);
  if (!request || (agencyId !== undefined ? request.agencyId !== agencyId : request.status === 'draft')) throw notFound('Request');
  return request;
}

/** Requestable items and categories with a hint of availability; never exact stock or other agencies’ data. */
export function requestable(db: Db, actor: Actor) {
  const day = today();
  const free = db
    .select({ itemId: lots.itemId, units: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})` })
    .from(stockLevels)
    .innerJoin(lots, eq(lots.id, stockLevels.lotId))
    .where(and(eq(stockLevels.foodBankId, actor.foodBankId), sql`${stockLevels.onHand} > 0`, sql`(${lots.dateLabel} is null or ${lots.dateLabel} >= ${day})`))
    .groupBy(lots.itemId)
    .all();
  const units = new Map(free.map((f) => [f.itemId, f.units]));
  const rows = db
    .select({ id: items.id, name: items.name, unit: items.unit, zone: items.defaultZone, minStock: items.minStock, categoryId: categories.id, categoryName: categories.name })
    .from(items)
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(and(eq(items.foodBankId, actor.foodBankId), eq(items.active, true), eq(items.requestable, true), eq(categories.accepted, true)))
    .orderBy(categories.name, items.name)
    .all();
  const hint = (available: number, low: number) => (available <= 0 ? 'none' : available <= low ? 'low' : 'available') as 'none' | 'low' | 'available';
  const itemViews = rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    zone: r.zone,
    availability: hint(units.get(r.id) ?? 0, Math.max(r.minStock ?? 0, 10)),
  }));
  const byCategory = new Map<number, { id: number; name: string; units: number }>();
  for (const r of rows) {
    const c = byCategory.get(r.categoryId) ?? { id: r.categoryId, name: r.categoryName, units: 0 };
    c.units += units.get(r.id) ?? 0;
    byCategory.set(r.categoryId, c);
  }
  return { items: itemViews, categories: [...byCategory.values()].map((c) => ({ id: c.id, name: c.name, availability: hint(c.units, 10) })) };
}

interface KeptLine {
  lineNo: number;
  itemId: number | null;
  categoryId: number | null;
  name: string;
  unit: string | null;
  quantity: number;
}

/**
 * Checks every line's target (a requestable item, or a category of accepted goods) and merges
 * lines that ask for the same thing, keeping the order in which they were first asked.
 */
function keptLines(tx: DbOrTx, foodBankId: number, input: RequestBody['lines']): KeptLine[] {
  const itemIds = input.flatMap((l) => (l.itemId ? [l.itemId] : []));
  const categoryIds = input.flatMap((l) => (l.categoryId ? [l.categoryId] : []));
  const knownItems = new Map(
    (itemIds.length ? tx.select().from(items).where(and(eq(items.foodBankId, foodBankId), inArray(items.id, itemIds))).all() : []).map((i) => [i.id, i]),
  );
  const knownCategories = new Map(
    (categoryIds.length ? tx.select().from(categories).where(and(eq(categories.foodBankId, foodBankId), inArray(categories.id, categoryIds))).all() : []).map((c) => [
      c.id,
      c,
    ]),
  );
  const merged = new Map<string, KeptLine>();
  input.forEach((line, index) => {
    const lineNo = index + 1;
    if ((line.itemId === undefined) === (line.categoryId === undefined)) {
      throw unprocessable('line_target', `Line ${lineNo}: ask for one item or one category`, { lineNo });
    }
    const item = line.itemId ? knownItems.get(line.itemId) : undefined;
    const category = line.categoryId ? knownCategories.get(line.categoryId) : undefined;
    if (line.itemId && (!item || !item.active || !item.requestable)) throw unprocessable('unknown_item', `Line ${lineNo}: not requestable`, { lineNo, itemId: line.itemId });
    if (line.categoryId && (!category || !category.accepted)) {
      throw unprocessable('unknown_category', `Line ${lineNo}: no such category`, { lineNo, categoryId: line.categoryId });
    }
    const key = item ? `i${item.id}` : `c${category!.id}`;
    const existing = merged.get(key);
    if (existing) existing.quantity += line.quantity;
    else merged.set(key, { lineNo: merged.size + 1, itemId: item?.id ?? null, categoryId: category?.id ?? null, name: item?.name ?? category!.name, unit: item?.unit ?? null, quantity: line.quantity });
  });
  return [...merged.values()];
}

/** Lines far above what the agency usually asks for the same item or category. */
function unusualLines(tx: DbOrTx, agencyId: number, lines: KeptLine[], exceptRequestId: number | null) {
  const past = pastQuantities(tx, agencyId, exceptRequestId);
  return lines.flatMap((line) => {
    const same = past.filter((p) => (line.itemId ? p.itemId === line.itemId : p.categoryId === line.categoryId)).map((p) => p.quantity);
    const flag = unusualQuantity(line.quantity, same);
    return flag ? [{ lineNo: line.lineNo, quantity: line.quantity, usual: flag.usual }] : [];
  });
}

function assertCanRequest(agency: AgencyRow, neededBy: string): void {
  if (agency.status !== 'approved') throw conflict('agency_not_approved', 'Only an approved agency can request');
  if (neededBy < today()) throw unprocessable('date_in_past', 'The needed-by day has already passed', { neededBy });
}

function assertUsual(unusual: { lineNo: number; quantity: number; usual: number }[], confirmed: boolean | undefined): void {
  const first = unusual[0];
  if (first && !confirmed) {
    throw new AppError(422, 'unusual_quantity', `Line ${first.lineNo}: ${first.quantity} is far above the usual ${first.usual}; confirm it is meant`, {
      facts: { ...first, lines: unusual.length },
    });
  }
}

/** The confirmation step: lines as they will be kept and any quantity far above usual. */
export function previewRequest(db: Db, actor: Actor, input: RequestBody, requestId: number | null = null) {
  const agency = ownAgency(db, actor);
  const lines = keptLines(db, actor.foodBankId, input.lines);
  return { lines, unusual: unusualLines(db, agency.id, lines, requestId) };
}

/** An agency asks: kept as a draft, or submitted at once when `submit` is set. */
export function createRequest(db: Db, actor: Actor, input: RequestBody): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const agency = ownAgency(tx, actor);
      assertCanRequest(agency, input.neededBy);
      const lines = keptLines(tx, actor.foodBankId, input.lines);
      if (input.submit) assertUsual(unusualLines(tx, agency.id, lines, null), input.confirmUnusual);
      const request = insertRequest(tx, {
        foodBankId: actor.foodBankId,
        agencyId: agency.id,
        status: 'draft',
        neededBy: input.neededBy,
        fulfilment: input.fulfilment,
        note: input.note?.trim() || null,
        createdBy: actor.userId,
      });
      setRequestStatus(tx, request.id, { status: 'draft', by: actor.userId });
      if (input.submit) setRequestStatus(tx, request.id, { status: 'submitted', by: actor.userId }, { submittedAt: nowIso() });
      replaceRequestLines(tx, request.id, lines.map(({ lineNo, itemId, categoryId, quantity }) => ({ lineNo, itemId, categoryId, quantity })));
      return loadRequest(tx, actor, request.id, agency.id);
    },
    { behavior: 'immediate' },
  );
}

/** Replaces a draft (and submits it when asked). */
export function replaceDraftRequest(db: Db, actor: Actor, id: number, input: RequestBody): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const agency = ownAgency(tx, actor);
      const request = requireRequest(tx, actor, id, agency.id);
      // A retried "submit" whose first answer was lost finds the request submitted already.
      if (input.submit && request.status === 'submitted') return loadRequest(tx, actor, id, agency.id);
      if (request.status !== 'draft') throw conflict('request_not_draft', 'Only a draft can be changed');
      assertCanRequest(agency, input.neededBy);
      const lines = keptLines(tx, actor.foodBankId, input.lines);
      if (input.submit) assertUsual(unusualLines(tx, agency.id, lines, id), input.confirmUnusual);
      updateRequestRow(tx, id, { neededBy: input.neededBy, fulfilment: input.fulfilment, note: input.note?.trim() || null, updatedAt: nowIso() });
      if (input.submit) setRequestStatus(tx, id, { status: 'submitted', by: actor.userId }, { submittedAt: nowIso() });
      replaceRequestLines(tx, id, lines.map(({ lineNo, itemId, categoryId, quantity }) => ({ lineNo, itemId, categoryId, quantity })));
      return loadRequest(tx, actor, id, agency.id);
    },
    { behavior: 'immediate' },
  );
}

export function submitRequest(db: Db, actor: Actor, id: number, confirmUnusual?: boolean): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const agency = ownAgency(tx, actor);
      const request = requireRequest(tx, actor, id, agency.id);
      if (request.status === 'submitted') return loadRequest(tx, actor, id, agency.id);
      if (request.status !== 'draft') throw conflict('request_not_draft', 'Only a draft can be submitted');
      assertCanRequest(agency, request.neededBy);
      const lines = linesOfRequests(tx, [id]).map((l) => ({ lineNo: l.lineNo, itemId: l.itemId, categoryId: l.categoryId, name: l.targetName, unit: l.unit, quantity: l.quantity }));
      assertUsual(unusualLines(tx, agency.id, lines, id), confirmUnusual);
      setRequestStatus(tx, id, { status: 'submitted', by: actor.userId }, { submittedAt: nowIso() });
      return loadRequest(tx, actor, id, agency.id);
    },
    { behavior: 'immediate' },
  );
}

/** Lets go of every unit still held for a request. */
function releaseAllocations(tx: DbOrTx, requestId: number, reason: string): void {
  const held = tx.select().from(allocations).where(and(eq(allocations.requestId, requestId), eq(allocations.status, 'reserved'))).all();
  for (const allocation of held) {
    releaseStock(tx, allocation.lotId, allocation.locationId, allocation.quantity);
    tx.update(allocations).set({ status: 'released', releasedReason: reason }).where(eq(allocations.id, allocation.id)).run();
  }
}

/** Cancels a request with a reason (the agency its own, staff any) and releases what it held. */
export function cancelRequest(db: Db, actor: Actor, id: number, reason: string, agencyScoped: boolean): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const agencyId = agencyScoped ? ownAgency(tx, actor).id : undefined;
      const request = requireRequest(tx, actor, id, agencyId);
      if (request.status === 'cancelled') return loadRequest(tx, actor, id, agencyId);
      if (!CANCELLABLE.includes(request.status)) throw conflict('request_closed', `A request that is ${request.status} can no longer change`);
      releaseAllocations(tx, id, reason.trim());
      setRequestStatus(tx, id, { status: 'cancelled', by: actor.userId, note: reason.trim() }, { cancelReason: reason.trim() });
      return loadRequest(tx, actor, id, agencyId);
    },
    { behavior: 'immediate' },
  );
}

/** Staff mark a request picked and ready; what was not allocated by now is no longer waited for. */
export function markReady(db: Db, actor: Actor, id: number): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const request = requireRequest(tx, actor, id);
      if (request.status === 'ready') return loadRequest(tx, actor, id);
      if (request.status !== 'allocated' && request.status !== 'partly_allocated') throw conflict('request_not_allocated', 'Nothing is allocated to pick yet');
      setRequestStatus(tx, id, { status: 'ready', by: actor.userId });
      return loadRequest(tx, actor, id);
    },
    { behavior: 'immediate' },
  );
}

const HANDOVER_FROM: readonly RequestStatus[] = ['allocated', 'partly_allocated', 'ready'];

/**
 * Records who collected (or received the delivery of) a request. Every held unit leaves stock
 * through the ledger as a handover, in one transaction with the record of who took it.
 */
export function handOver(db: Db, actor: Actor, id: number, input: { receivedByName: string; proxy?: boolean; method?: 'pickup' | 'delivery'; note?: string | null }): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const request = requireRequest(tx, actor, id);
      if (request.status === 'handed_over' || request.status === 'received') return loadRequest(tx, actor, id);
      if (!HANDOVER_FROM.includes(request.status)) throw conflict('request_not_allocated', 'Nothing is allocated to hand over');
      const handover = tx
        .insert(handovers)
        .values({
          foodBankId: actor.foodBankId,
          requestId: id,
          method: input.method ?? request.fulfilment,
          receivedByName: input.receivedByName.trim(),
          proxy: input.proxy ?? false,
          note: input.note?.trim() || null,
          recordedBy: actor.userId,
        })
        .returning()
        .get();
      const held = tx.select().from(allocations).where(and(eq(allocations.requestId, id), eq(allocations.status, 'reserved'))).all();
      for (const allocation of held) {
        releaseStock(tx, allocation.lotId, allocation.locationId, allocation.quantity);
        takeFromStock(tx, actor, findLotInFoodBank(tx, actor.foodBankId, allocation.lotId)!, allocation.locationId, allocation.quantity, {
          reason: 'handover',
          documentType: 'handover',
          documentId: handover.id,
          note: `request ${id}`,
        });
        tx.update(allocations).set({ status: 'handed_over' }).where(eq(allocations.id, allocation.id)).run();
      }
      setRequestStatus(tx, id, { status: 'handed_over', by: actor.userId, note: handover.receivedByName });
      return loadRequest(tx, actor, id);
    },
    { behavior: 'immediate' },
  );
}

/** The agency confirms what arrived; shortfalls and damage are recorded per allocation. */
export function confirmReceipt(db: Db, actor: Actor, id: number, input: ConfirmReceiptBody): AllocationRequestDto {
  return db.transaction(
    (tx) => {
      const agency = ownAgency(tx, actor);
      const request = requireRequest(tx, actor, id, agency.id);
      if (request.status === 'received') return loadRequest(tx, actor, id, agency.id);
      if (request.status !== 'handed_over') throw conflict('request_not_handed_over', 'Confirm receipt once the goods are handed over');
      const given = tx.select().from(allocations).where(and(eq(allocations.requestId, id), eq(allocations.status, 'handed_over'))).all();
      const reported = new Map(input.lines.map((line) => [line.allocationId, line]));
      for (const line of input.lines) {
        const allocation = given.find((a) => a.id === line.allocationId);
        if (!allocation) throw unprocessable('unknown_allocation', 'No such handed-over line in this request', { allocationId: line.allocationId });
        if (line.receivedQuantity > allocation.quantity) {
          throw unprocessable('received_more_than_handed_over', 'More received than was handed over', { allocationId: allocation.id, handedOver: allocation.quantity, received: line.receivedQuantity });
        }
        if ((line.damagedQuantity ?? 0) > line.receivedQuantity) throw unprocessable('damaged_more_than_received', 'More damaged than received', { allocationId: allocation.id });
      }
      tx.insert(receiptConfirmations).values({ requestId: id, confirmedBy: actor.userId, note: input.note?.trim() || null }).run();
      if (given.length > 0) {
        tx.insert(receiptConfirmationLines)
          .values(
            given.map((a) => {
              const line = reported.get(a.id);
              return { requestId: id, allocationId: a.id, receivedQuantity: line?.receivedQuantity ?? a.quantity, damagedQuantity: line?.damagedQuantity ?? 0, note: line?.note?.trim() || null };
            }),
          )
          .run();
      }
      setRequestStatus(tx, id, { status: 'received', by: actor.userId, note: input.note?.trim() || null });
      return loadRequest(tx, actor, id, agency.id);
    },
    { behavior: 'immediate' },
  );
}

export function listRequests(db: Db, actor: Actor, filters: RequestFilters): AllocationRequestDto[] {
  return toRequestDtos(db, listRequestRows(db, actor.foodBankId, filters));
}

export function getRequest(db: Db, actor: Actor, id: number, agencyId?: number): AllocationRequestDto {
  return loadRequest(db, actor, id, agencyId);
}

/** The pick list of a request: held lots, by location in walking order. */
export function pickList(db: Db, actor: Actor, id: number): PickListDto {
  const request = requireRequest(db, actor, id);
  const held = allocationsOfRequests(db, [id]).filter((a) => a.status === 'reserved');
  return {
    requestId: id,
    agencyName: findAgency(db, actor.foodBankId, request.agencyId)!.name,
    neededBy: request.neededBy,
    fulfilment: request.fulfilment,
    lines: held.map((a) => ({
      allocationId: a.id,
      warehouse: a.warehouse,
      locationName: a.locationName,
      itemName: a.itemName,
      unit: a.unit,
      zone: a.zone,
      lotId: a.lotId,
      dateLabelKind: a.dateLabelKind,
      dateLabel: a.dateLabel,
      quantity: a.quantity,
    })),
  };
}
