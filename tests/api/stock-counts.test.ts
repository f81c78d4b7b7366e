import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { categories, items, locations } from '../../server/db/schema.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let staff: { authorization: string };
let admin: { authorization: string };
let fridge: number;

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: { authorization: string }, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const movements = (reason: string) =>
  t.app.sqlite.prepare('select lot_id lotId, quantity from stock_movements where reason = ? order by id').all(reason) as { lotId: number; quantity: number }[];

beforeEach(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
  admin = (await signIn(t.app, DEMO_LOGINS.admin, DEMO_PASSWORD)).headers;
  fridge = (await req('GET', '/api/locations?zone=chilled', staff)).json().items[0].id;
});
afterEach(async () => t.close());

async function countFridge() {
  const started = await req('POST', '/api/stock-counts', staff, { locationId: fridge, note: '월말 실사' });
  expect(started.statusCode).toBe(201);
  return started.json();
}

describe('stock counts', () => {
  it('snapshot the location, take counted quantities, and turn differences into ledger adjustments on finalize', async () => {
    const count = await countFridge();
    expect(count.lines.length).toBeGreaterThanOrEqual(3);
    const [surplus, shortfall, ...rest] = count.lines;
    const entries = [
      { lineId: surplus.id, counted: surplus.expected + 2, note: '뒤쪽에서 2개 더 발견' },
      { lineId: shortfall.id, counted: shortfall.expected - 3 },
      ...rest.map((l: { id: number; expected: number }) => ({ lineId: l.id, counted: l.expected })),
    ];
    const entered = await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines: entries });
    expect(entered.json().lines.slice(0, 2).map((l: { difference: number }) => l.difference)).toEqual([2, -3]);

    expect((await req('POST', `/api/stock-counts/${count.id}/finalize`, staff)).statusCode).toBe(403);
    const finalized = await req('POST', `/api/stock-counts/${count.id}/finalize`, admin);
    expect(finalized.json().status).toBe('finalized');
    expect(movements('count_adjustment')).toEqual([
      { lotId: surplus.lotId, quantity: 2 },
      { lotId: shortfall.lotId, quantity: -3 },
    ]);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
    const level = t.app.sqlite.prepare('select on_hand from stock_levels where lot_id = ? and location_id = ?').get(shortfall.lotId, fridge);
    expect(level).toEqual({ on_hand: shortfall.expected - 3 });
  });

  it('refuse to finalize an incomplete count, writing nothing', async () => {
    const count = await countFridge();
    await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines: [{ lineId: count.lines[0].id, counted: 0 }] });
    const response = await req('POST', `/api/stock-counts/${count.id}/finalize`, admin);
    expect(response.json()).toMatchObject({ status: 422, code: 'count_incomplete', facts: { uncounted: count.lines.length - 1 } });
    expect(movements('count_adjustment')).toEqual([]);
    expect((await req('GET', `/api/stock-counts/${count.id}`, staff)).json().status).toBe('open');
  });

  it('finalize once, even when asked twice at the same time, and are immutable afterwards', async () => {
    const count = await countFridge();
    const lines = count.lines.map((l: { id: number; expected: number }) => ({ lineId: l.id, counted: l.expected - 1 }));
    await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines });
    const results = await Promise.all([1, 2, 3].map(() => req('POST', `/api/stock-counts/${count.id}/finalize`, admin)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(movements('count_adjustment')).toHaveLength(count.lines.length);

    const late = await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines: [{ lineId: count.lines[0].id, counted: 99 }] });
    expect(late.json()).toMatchObject({ status: 409, code: 'count_finalized' });
    expect(() => t.app.sqlite.prepare('update stock_count_lines set counted = 99 where count_id = ?').run(count.id)).toThrow(/immutable/);
    expect(() => t.app.sqlite.prepare("update stock_counts set note = 'x' where id = ?").run(count.id)).toThrow(/immutable/);
  });

  it('neither undo nor double-count stock that moves while the count is open', async () => {
    const count = await countFridge();
    const [first, second] = count.lines;
    const dispose = (lotId: number) =>
      req('POST', '/api/disposals', staff, { lotId, locationId: fridge, quantity: 1, reason: 'spoiled', authorizedBy: '박민준' });
    // Moved before its entry: the entry compares with what is there now, so no difference.
    expect((await dispose(first.lotId)).statusCode).toBe(201);
    const lines = count.lines.map((l: { id: number; expected: number }) => ({ lineId: l.id, counted: l.id === first.id ? l.expected - 1 : l.expected }));
    const entered = (await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines })).json();
    expect(entered.lines.map((l: { difference: number }) => l.difference).every((d: number) => d === 0)).toBe(true);
    // Moved after its entry: the disposal stands and the count adds nothing.
    expect((await dispose(second.lotId)).statusCode).toBe(201);
    await req('POST', `/api/stock-counts/${count.id}/finalize`, admin);
    expect(movements('count_adjustment')).toEqual([]);
    const level = t.app.sqlite.prepare('select on_hand from stock_levels where lot_id = ? and location_id = ?').get(second.lotId, fridge);
    expect(level).toEqual({ on_hand: second.expected - 1 });
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('refuse bad input and other food banks’ counts', async () => {
    expect((await req('POST', '/api/stock-counts', staff, {})).json()).toMatchObject({ status: 422, code: 'count_scope_required' });
    expect((await req('POST', '/api/stock-counts', staff, { locationId: 999 })).json().code).toBe('unknown_location');
    const count = await countFridge();
    const negative = await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines: [{ lineId: count.lines[0].id, counted: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('/lines/0/counted');
    const foreign = await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, { lines: [{ lineId: 999_999, counted: 1 }] });
    expect(foreign.json().code).toBe('unknown_count_line');
    const gangseo = (await signIn(t.app, 'admin@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await req('GET', `/api/stock-counts/${count.id}`, gangseo)).statusCode).toBe(404);
    expect((await req('POST', `/api/stock-counts/${count.id}/finalize`, gangseo)).statusCode).toBe(404);
  });
});

/**
 * A food bank of its own, stocked through a real donation: two lots of milk in the fridge
 * (category 유제품) and one lot of tuna on a shelf (통조림).
 */
describe('stock counts of a freshly stocked food bank', () => {
  let bankStaff: { authorization: string };
  let bankAdmin: { authorization: string };
  let dairy: number;
  let cans: number;
  let milk: number;
  let cold: number;
  let shelf: number;
  let lotIds: { milkLate: number; milkSoon: number; tuna: number };

  const level = (lotId: number, locationId: number) =>
    (t.app.sqlite.prepare('select on_hand onHand from stock_levels where lot_id = ? and location_id = ?').get(lotId, locationId) as { onHand: number }).onHand;
  const rowCount = (table: 'stock_counts' | 'stock_count_lines' | 'stock_movements') =>
    (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

  beforeEach(async () => {
    const bank = makeFoodBank(t.app);
    bankStaff = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'staff' })).email)).headers;
    bankAdmin = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'admin', name: '김관리' })).email)).headers;
    dairy = t.app.db.insert(categories).values({ foodBankId: bank.id, name: '유제품', kind: 'food' }).returning().get().id;
    cans = t.app.db.insert(categories).values({ foodBankId: bank.id, name: '통조림', kind: 'food' }).returning().get().id;
    milk = t.app.db
      .insert(items)
      .values({ foodBankId: bank.id, name: '흰우유 1L', nameKey: '흰우유1l', categoryId: dairy, unit: '개', defaultZone: 'chilled', defaultUnitValue: 2500 })
      .returning()
      .get().id;
    const tuna = t.app.db
      .insert(items)
      .values({ foodBankId: bank.id, name: '참치캔', nameKey: '참치캔', categoryId: cans, unit: '캔', defaultZone: 'ambient', defaultUnitValue: 1500 })
      .returning()
      .get().id;
    cold = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '본관', name: '냉장실', nameKey: '냉장실', zone: 'chilled', sortOrder: 1 }).returning().get().id;
    shelf = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '본관', name: '선반 A', nameKey: '선반a', zone: 'ambient', sortOrder: 2 }).returning().get().id;
    const donor = await req('POST', '/api/donors', bankStaff, { kind: 'individual', name: '윤서준', phone: '010-1234-5678' });
    const donation = await req('POST', '/api/donations', bankStaff, {
      donorId: donor.json().id,
      receivedOn: today(),
      channel: 'walk_in',
      complete: true,
      lines: [
        { itemId: milk, quantity: 30, dateLabelKind: 'sell_by', dateLabel: addDays(today(), 20), locationId: cold },
        { itemId: milk, quantity: 12, dateLabelKind: 'sell_by', dateLabel: addDays(today(), 3), locationId: cold },
        { itemId: tuna, quantity: 20, dateLabelKind: 'use_by', dateLabel: addDays(today(), 400), locationId: shelf },
      ],
    });
    expect(donation.statusCode).toBe(201);
    const lots = (await req('GET', '/api/stock/lots', bankStaff)).json().items as { lotId: number; onHand: number; itemId: number }[];
    lotIds = {
      milkSoon: lots.find((l) => l.itemId === milk && l.onHand === 12)!.lotId,
      milkLate: lots.find((l) => l.itemId === milk && l.onHand === 30)!.lotId,
      tuna: lots.find((l) => l.itemId === tuna)!.lotId,
    };
  });

  it('count a category: snapshot its lots, record a surplus and a shortfall, and finalize them into the ledger', async () => {
    const started = await req('POST', '/api/stock-counts', bankStaff, { categoryId: dairy });
    expect(started.statusCode).toBe(201);
    const count = started.json();
    expect(count).toMatchObject({ status: 'open', categoryId: dairy, locationId: null, finalizedAt: null, finalizedByName: null });
    // Only the category's lots, with what a counter needs to find them on the shelf.
    expect(count.lines.map((l: { lotId: number }) => l.lotId).sort()).toEqual([lotIds.milkLate, lotIds.milkSoon].sort());
    const late = count.lines.find((l: { lotId: number }) => l.lotId === lotIds.milkLate);
    const soon = count.lines.find((l: { lotId: number }) => l.lotId === lotIds.milkSoon);
    expect(late).toMatchObject({ itemName: '흰우유 1L', unit: '개', dateLabel: addDays(today(), 20), locationName: '냉장실', expected: 30, counted: null, difference: null });

    // Entries can be repeated while the count is open: the last one stands.
    await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, { lines: [{ lineId: late.id, counted: 31 }] });
    const entered = await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, {
      lines: [
        { lineId: late.id, counted: 33, note: '안쪽 박스에서 3개 더' },
        { lineId: soon.id, counted: 10 },
      ],
    });
    expect(entered.statusCode).toBe(200);
    const shown = (await req('GET', `/api/stock-counts/${count.id}`, bankStaff)).json();
    expect(shown.lines.map((l: { lotId: number; difference: number }) => [l.lotId, l.difference])).toEqual(
      expect.arrayContaining([
        [lotIds.milkLate, 3],
        [lotIds.milkSoon, -2],
      ]),
    );
    const before = movements('count_adjustment').length;

    const finalized = await req('POST', `/api/stock-counts/${count.id}/finalize`, bankAdmin);
    expect(finalized.statusCode).toBe(200);
    expect(finalized.json()).toMatchObject({ status: 'finalized', finalizedByName: '김관리' });
    const ledger = t.app.sqlite
      .prepare("select lot_id lotId, location_id locationId, quantity, document_type documentType, document_id documentId from stock_movements where reason = 'count_adjustment' order by id")
      .all();
    expect(ledger.slice(before)).toEqual(
      expect.arrayContaining([
        { lotId: lotIds.milkLate, locationId: cold, quantity: 3, documentType: 'stock_count', documentId: count.id },
        { lotId: lotIds.milkSoon, locationId: cold, quantity: -2, documentType: 'stock_count', documentId: count.id },
      ]),
    );
    expect(ledger.slice(before)).toHaveLength(2);
    expect([level(lotIds.milkLate, cold), level(lotIds.milkSoon, cold), level(lotIds.tuna, shelf)]).toEqual([33, 10, 20]);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
    const history = (await req('GET', `/api/lots/${lotIds.milkSoon}/movements?reason=count_adjustment`, bankStaff)).json().items;
    expect(history).toEqual([expect.objectContaining({ quantity: -2, documentType: 'stock_count', documentId: count.id, actorName: '김관리' })]);

    const ids = async (status: string) => (await req('GET', `/api/stock-counts?status=${status}`, bankStaff)).json().items.map((c: { id: number }) => c.id);
    expect(await ids('finalized')).toEqual([count.id]);
    expect(await ids('open')).toEqual([]);
  });

  it('refuse a shortfall that would cut into reserved stock, rolling back the whole finalize', async () => {
    const count = (await req('POST', '/api/stock-counts', bankStaff, { locationId: cold, categoryId: dairy })).json();
    const late = count.lines.find((l: { lotId: number }) => l.lotId === lotIds.milkLate);
    const soon = count.lines.find((l: { lotId: number }) => l.lotId === lotIds.milkSoon);
    await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, {
      lines: [
        { lineId: late.id, counted: 31 },
        { lineId: soon.id, counted: 5 },
      ],
    });
    // 10 of the 12 are held for an allocation (reservations are not ledger movements).
    t.app.sqlite.prepare('update stock_levels set reserved = 10 where lot_id = ? and location_id = ?').run(lotIds.milkSoon, cold);
    const ledgerBefore = rowCount('stock_movements');

    const refused = await req('POST', `/api/stock-counts/${count.id}/finalize`, bankAdmin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'insufficient_stock',
      facts: { itemId: milk, lotId: lotIds.milkSoon, locationId: cold, requested: 7, available: 2 },
    });
    expect(rowCount('stock_movements')).toBe(ledgerBefore);
    expect([level(lotIds.milkLate, cold), level(lotIds.milkSoon, cold)]).toEqual([30, 12]);
    expect((await req('GET', `/api/stock-counts/${count.id}`, bankStaff)).json()).toMatchObject({ status: 'open', finalizedAt: null });

    // Once the reservation is released the same count finalizes.
    t.app.sqlite.prepare('update stock_levels set reserved = 0 where lot_id = ? and location_id = ?').run(lotIds.milkSoon, cold);
    expect((await req('POST', `/api/stock-counts/${count.id}/finalize`, bankAdmin)).statusCode).toBe(200);
    expect([level(lotIds.milkLate, cold), level(lotIds.milkSoon, cold)]).toEqual([31, 5]);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('answer 400 naming the field, or 422 for another food bank’s location or category, writing nothing', async () => {
    const counts = rowCount('stock_counts');
    const badId = await req('POST', '/api/stock-counts', bankStaff, { locationId: 'fridge' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe('/locationId');
    const extra = await req('POST', '/api/stock-counts', bankStaff, { locationId: cold, zone: 'chilled' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.map((e: { field: string }) => e.field).join(' ')).toMatch(/zone/);
    const theirLocation = (await req('GET', '/api/locations?zone=chilled', staff)).json().items[0].id;
    const theirCategory = t.app.sqlite.prepare('select id from categories where food_bank_id <> (select food_bank_id from locations where id = ?) limit 1').get(cold) as { id: number };
    expect((await req('POST', '/api/stock-counts', bankStaff, { locationId: theirLocation })).json()).toMatchObject({ status: 422, code: 'unknown_location' });
    expect((await req('POST', '/api/stock-counts', bankStaff, { categoryId: theirCategory.id })).json()).toMatchObject({ status: 422, code: 'unknown_category' });
    expect(rowCount('stock_counts')).toBe(counts);

    const count = (await req('POST', '/api/stock-counts', bankStaff, { locationId: cold })).json();
    const [first] = count.lines;
    const fractional = await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, { lines: [{ lineId: first.id, counted: 1.5 }] });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().errors[0].field).toBe('/lines/0/counted');
    const empty = await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, { lines: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('/lines');
    // A line of another count: refused, and the valid entry before it is not kept either.
    const other = (await req('POST', '/api/stock-counts', bankStaff, { locationId: shelf })).json();
    const mixed = await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, {
      lines: [
        { lineId: first.id, counted: 1 },
        { lineId: other.lines[0].id, counted: 1 },
      ],
    });
    expect(mixed.json()).toMatchObject({ status: 422, code: 'unknown_count_line', facts: { lineId: other.lines[0].id } });
    const lines = (await req('GET', `/api/stock-counts/${count.id}`, bankStaff)).json().lines;
    expect(lines.every((l: { counted: number | null }) => l.counted === null)).toBe(true);
  });

  it('hide a count from every other food bank (404), leaving it untouched', async () => {
    const count = (await req('POST', '/api/stock-counts', bankStaff, { locationId: cold })).json();
    const entries = { lines: count.lines.map((l: { id: number; expected: number }) => ({ lineId: l.id, counted: 0 })) };
    expect((await req('GET', `/api/stock-counts/${count.id}`, staff)).statusCode).toBe(404);
    expect((await req('PUT', `/api/stock-counts/${count.id}/lines`, staff, entries)).statusCode).toBe(404);
    expect((await req('POST', `/api/stock-counts/${count.id}/finalize`, admin)).statusCode).toBe(404);
    const theirs = (await req('GET', '/api/stock-counts', staff)).json().items.map((c: { id: number }) => c.id);
    expect(theirs).not.toContain(count.id);
    const mine = (await req('GET', `/api/stock-counts/${count.id}`, bankStaff)).json();
    expect(mine).toMatchObject({ status: 'open' });
    expect(mine.lines.every((l: { counted: number | null }) => l.counted === null)).toBe(true);
    expect([level(lotIds.milkLate, cold), level(lotIds.milkSoon, cold)]).toEqual([30, 12]);
  });

  it('let staff count but not finalize', async () => {
    const count = (await req('POST', '/api/stock-counts', bankStaff, { locationId: shelf })).json();
    await req('PUT', `/api/stock-counts/${count.id}/lines`, bankStaff, { lines: [{ lineId: count.lines[0].id, counted: 18 }] });
    const refused = await req('POST', `/api/stock-counts/${count.id}/finalize`, bankStaff);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect(level(lotIds.tuna, shelf)).toBe(20);
    expect((await req('GET', `/api/stock-counts/${count.id}`, bankStaff)).json().status).toBe('open');
  });
});
