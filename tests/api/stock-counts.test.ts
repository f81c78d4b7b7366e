import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

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
