import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { findCategory } from '../db/repositories/catalog.js';
import { findLocation } from '../db/repositories/locations.js';
import { findLotInFoodBank, findStockLevel } from '../db/repositories/stock.js';
import {
  findCount,
  insertCount,
  insertCountLines,
  listCountLines,
  listCounts,
  stockInScope,
  updateCount,
  updateCountLine,
  userNames,
} from '../db/repositories/stock-counts.js';
import type { StockCountRow } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import type { CountEntriesBody, StartCountBody, StockCountDto } from '../schemas/stock-counts.js';
import { addToStock, takeFromStock } from './ledger.js';

type LineView = ReturnType<typeof listCountLines>[number];

function toCountDto(count: StockCountRow, lines: LineView[], names: Map<number, string>): StockCountDto {
  return {
    id: count.id,
    locationId: count.locationId,
    categoryId: count.categoryId,
    status: count.status,
    note: count.note,
    startedByName: names.get(count.startedBy) ?? '',
    createdAt: count.createdAt,
    finalizedByName: count.finalizedBy === null ? null : (names.get(count.finalizedBy) ?? ''),
    finalizedAt: count.finalizedAt,
    lines: lines.map(({ line, itemId, itemName, unit, dateLabel, locationName }) => ({
      id: line.id,
      lotId: line.lotId,
      itemId,
      itemName,
      unit,
      dateLabel,
      locationId: line.locationId,
      locationName,
      expected: line.expected,
      counted: line.counted,
      difference: line.counted === null ? null : line.counted - line.expected,
      note: line.note,
    })),
  };
}

const people = (counts: StockCountRow[]) => counts.flatMap((c) => (c.finalizedBy === null ? [c.startedBy] : [c.startedBy, c.finalizedBy]));

const load = (db: DbOrTx, count: StockCountRow) => toCountDto(count, listCountLines(db, [count.id]), userNames(db, people([count])));

/** 재고 실사: starts a count of a location and/or a category, snapshotting what the system expects. */
export function startCount(db: Db, actor: Actor, input: StartCountBody): StockCountDto {
  return db.transaction(
    (tx) => {
      if (!input.locationId && !input.categoryId) throw unprocessable('count_scope_required', 'Count a location, a category or both');
      if (input.locationId && !findLocation(tx, actor.foodBankId, input.locationId)) {
        throw unprocessable('unknown_location', 'No such location', { locationId: input.locationId });
      }
      if (input.categoryId && !findCategory(tx, actor.foodBankId, input.categoryId)) {
        throw unprocessable('unknown_category', 'No such category', { categoryId: input.categoryId });
      }
      const count = insertCount(tx, {
        foodBankId: actor.foodBankId,
        locationId: input.locationId ?? null,
        categoryId: input.categoryId ?? null,
        note: input.note ?? null,
        startedBy: actor.userId,
      });
      insertCountLines(
        tx,
        stockInScope(tx, actor.foodBankId, input).map((s) => ({ countId: count.id, lotId: s.lotId, locationId: s.locationId, expected: s.onHand })),
      );
      return load(tx, count);
    },
    { behavior: 'immediate' },
  );
}

export function getCount(db: Db, actor: Actor, id: number): StockCountDto {
  const count = findCount(db, actor.foodBankId, id);
  if (!count) throw notFound('Stock count');
  return load(db, count);
}

export function getCounts(db: Db, actor: Actor, status?: 'open' | 'finalized'): StockCountDto[] {
  const counts = listCounts(db, actor.foodBankId, status);
  const lines = listCountLines(db, counts.map((c) => c.id));
  const names = userNames(db, people(counts));
  return counts.map((c) => toCountDto(c, lines.filter((l) => l.line.countId === c.id), names));
}

/**
 * Records counted quantities; any subset, as often as needed while the count is open. Each entry
 * also takes what the system holds at that moment as the line's expected quantity, so stock that
 * moved between the start of the count and the entry is not counted as a difference.
 */
export function enterCounts(db: Db, actor: Actor, id: number, input: CountEntriesBody): StockCountDto {
  return db.transaction(
    (tx) => {
      const count = findCount(tx, actor.foodBankId, id);
      if (!count) throw notFound('Stock count');
      if (count.status === 'finalized') throw conflict('count_finalized', 'A finalized count cannot change');
      const lines = new Map(listCountLines(tx, [id]).map((l) => [l.line.id, l.line]));
      for (const entry of input.lines) {
        const line = lines.get(entry.lineId);
        if (!line) throw unprocessable('unknown_count_line', 'No such line in this count', { lineId: entry.lineId });
        const expected = findStockLevel(tx, line.lotId, line.locationId)?.onHand ?? 0;
        updateCountLine(tx, entry.lineId, { counted: entry.counted, expected, note: entry.note?.trim() || null });
      }
      return load(tx, count);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Finalizes a count (admins only). Each line's difference — counted minus what the system held
 * when that line was entered — becomes a count adjustment in the ledger, applied to the stock as it
 * is now. Why not `counted − on hand at the start`: that would undo every disposal or handover made
 * while the count was open. Why not `counted − on hand now` either: a unit disposed of after its
 * line was entered would be added back. Anchoring each line at its entry respects both. An
 * adjustment that would take stock below what is reserved is refused (409 insufficient_stock) and
 * the whole finalize is rolled back. Finalizing again answers the count as it is and moves nothing.
 */
export function finalizeCount(db: Db, actor: Actor, id: number): StockCountDto {
  return db.transaction(
    (tx) => {
      const count = findCount(tx, actor.foodBankId, id);
      if (!count) throw notFound('Stock count');
      if (count.status === 'finalized') return load(tx, count);
      const lines = listCountLines(tx, [id]);
      const uncounted = lines.filter((l) => l.line.counted === null).length;
      if (uncounted > 0) throw unprocessable('count_incomplete', `${uncounted} line(s) are not counted yet`, { uncounted });
      const document = { reason: 'count_adjustment' as const, documentType: 'stock_count', documentId: id };
      for (const { line } of lines) {
        const adjustment = line.counted! - line.expected;
        if (adjustment > 0) addToStock(tx, actor, line.lotId, line.locationId, adjustment, document);
        if (adjustment < 0) takeFromStock(tx, actor, findLotInFoodBank(tx, actor.foodBankId, line.lotId)!, line.locationId, -adjustment, document);
      }
      updateCount(tx, id, { status: 'finalized', finalizedBy: actor.userId, finalizedAt: nowIso() });
      return load(tx, findCount(tx, actor.foodBankId, id)!);
    },
    { behavior: 'immediate' },
  );
}
