import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, items, locations } from '../../server/db/schema.js';
import { rebuildProjection, verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let headers: { authorization: string };
let milk: number;
let shelf: number;
let fridge: number;
let bankId: number;

beforeEach(async () => {
  t = await createTestApp();
  const bank = makeFoodBank(t.app);
  bankId = bank.id;
  const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
  ({ headers } = await signIn(t.app, staff.email));
  const dairy = t.app.db.insert(categories).values({ foodBankId: bank.id, name: '유제품', kind: 'food' }).returning().get().id;
  milk = t.app.db
    .insert(items)
    .values({ foodBankId: bank.id, name: '흰우유 1L', nameKey: '흰우유1l', categoryId: dairy, unit: '개', defaultZone: 'chilled', defaultUnitValue: 2500, minStock: 100 })
    .returning()
    .get().id;
  fridge = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '본관', name: '냉장실', nameKey: '냉장실', zone: 'chilled', sortOrder: 2 }).returning().get().id;
  shelf = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '본관', name: '냉장실 2', nameKey: '냉장실2', zone: 'chilled', sortOrder: 1 }).returning().get().id;
  const donor = await t.app.inject({ method: 'POST', url: '/api/donors', headers, payload: { kind: 'individual', name: '윤서준', phone: '010-1234-5678' } });
  // Two lots of milk: one dated in 3 days (sell-by, as refrigerated milk still is), one in 20 days.
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/donations',
    headers,
    payload: {
      donorId: donor.json().id,
      receivedOn: today(),
      channel: 'walk_in',
      complete: true,
      lines: [
        { itemId: milk, quantity: 30, dateLabelKind: 'sell_by', dateLabel: addDays(today(), 20), locationId: fridge },
        { itemId: milk, quantity: 12, dateLabelKind: 'sell_by', dateLabel: addDays(today(), 3), locationId: shelf },
      ],
    },
  });
  expect(response.statusCode).toBe(201);
});
afterEach(async () => t.close());

const lots = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/stock/lots${query}`, headers })).json().items;
const dispose = (lotId: number, locationId: number, quantity: number) =>
  t.app.inject({ method: 'POST', url: '/api/disposals', headers, payload: { lotId, locationId, quantity, reason: 'expired', authorizedBy: '박민준 팀장' } });

describe('stock views', () => {
  it('show stock by item with the earliest date, and lots earliest-first (FEFO)', async () => {
    const byItem = (await t.app.inject({ method: 'GET', url: '/api/stock/items', headers })).json().items;
    expect(byItem).toEqual([
      expect.objectContaining({ itemId: milk, onHand: 42, reserved: 0, available: 42, lotCount: 2, earliestDate: addDays(today(), 3) }),
    ]);
    const all = await lots(`?itemId=${milk}`);
    expect(all.map((l: { onHand: number }) => l.onHand)).toEqual([12, 30]);
    expect(all[0]).toMatchObject({ dateLabelKind: 'sell_by', zone: 'chilled', expired: false, locationName: '냉장실 2' });
  });

  it('list lots expiring within N days and items below their minimum', async () => {
    expect((await lots('?expiringWithinDays=7')).map((l: { onHand: number }) => l.onHand)).toEqual([12]);
    expect(await lots('?expiringWithinDays=30')).toHaveLength(2);
    const low = (await t.app.inject({ method: 'GET', url: '/api/stock/items?belowMinimum=true', headers })).json().items;
    expect(low).toEqual([expect.objectContaining({ itemId: milk, onHand: 42, minStock: 100 })]);
  });
});

describe('disposal', () => {
  it('takes stock out through the ledger and shows in the lot’s history', async () => {
    const [soonest] = await lots();
    const response = await dispose(soonest.lotId, soonest.locationId, 5);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ quantity: 5, reason: 'expired', authorizedBy: '박민준 팀장' });
    expect((await lots())[0].onHand).toBe(7);
    const history = (await t.app.inject({ method: 'GET', url: `/api/lots/${soonest.lotId}/movements`, headers })).json().items;
    expect(history.map((m: { reason: string; quantity: number }) => [m.reason, m.quantity])).toEqual([
      ['intake', 12],
      ['disposal', -5],
    ]);
    const onlyDisposals = (await t.app.inject({ method: 'GET', url: `/api/lots/${soonest.lotId}/movements?reason=disposal`, headers })).json().items;
    expect(onlyDisposals).toHaveLength(1);
  });

  it('refuses more than is available, with the facts, and writes nothing', async () => {
    const [soonest] = await lots();
    const response = await dispose(soonest.lotId, soonest.locationId, 13);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'insufficient_stock',
      facts: { itemId: milk, lotId: soonest.lotId, locationId: soonest.locationId, requested: 13, available: 12 },
    });
    // The lot is not at the other location at all.
    expect((await dispose(soonest.lotId, fridge, 1)).json().facts.available).toBe(0);
    expect((t.app.sqlite.prepare('select count(*) n from disposals').get() as { n: number }).n).toBe(0);
  });

  it('never drives stock negative under parallel requests', async () => {
    const [soonest] = await lots();
    const attempts = await Promise.all(Array.from({ length: 20 }, () => dispose(soonest.lotId, soonest.locationId, 1)));
    const accepted = attempts.filter((r) => r.statusCode === 201).length;
    expect(accepted).toBe(12);
    expect(attempts.filter((r) => r.statusCode === 409)).toHaveLength(8);
    const level = t.app.sqlite.prepare('select on_hand from stock_levels where lot_id = ? and location_id = ?').get(soonest.lotId, soonest.locationId);
    expect(level).toEqual({ on_hand: 0 });
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('answers 404 for another food bank’s lot', async () => {
    const [soonest] = await lots();
    const other = makeFoodBank(t.app);
    const stranger = await makeUser(t.app, { foodBankId: other.id, role: 'staff' });
    const strangerHeaders = (await signIn(t.app, stranger.email)).headers;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/disposals',
      headers: strangerHeaders,
      payload: { lotId: soonest.lotId, locationId: soonest.locationId, quantity: 1, reason: 'expired', authorizedBy: 'x' },
    });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/lots/${soonest.lotId}/movements`, headers: strangerHeaders })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/stock/items', headers: strangerHeaders })).json().items).toEqual([]);
  });
});

describe('transfers between locations', () => {
  it('move units within a zone, both legs in the ledger', async () => {
    const [soonest] = await lots();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/transfers',
      headers,
      payload: { lotId: soonest.lotId, fromLocationId: shelf, toLocationId: fridge, quantity: 4, note: '선반 정리' },
    });
    expect(response.statusCode).toBe(201);
    const atLocations = (await lots(`?itemId=${milk}`)).filter((l: { lotId: number }) => l.lotId === soonest.lotId);
    expect(atLocations.map((l: { locationId: number; onHand: number }) => [l.locationId, l.onHand]).sort()).toEqual(
      [[shelf, 8], [fridge, 4]].sort(),
    );
    const history = (await t.app.inject({ method: 'GET', url: `/api/lots/${soonest.lotId}/movements`, headers })).json().items;
    expect(history.map((m: { reason: string; quantity: number }) => [m.reason, m.quantity])).toEqual([
      ['intake', 12],
      ['transfer_out', -4],
      ['transfer_in', 4],
    ]);
  });

  it('refuse another zone, the same place, or more than is there, writing nothing', async () => {
    const [soonest] = await lots();
    const ambient = t.app.db.insert(locations).values({ foodBankId: bankId, warehouse: '본관', name: 'A-1', nameKey: 'a-1', zone: 'ambient' }).returning().get().id;
    const attempt = (toLocationId: number, quantity: number) =>
      t.app.inject({ method: 'POST', url: '/api/transfers', headers, payload: { lotId: soonest.lotId, fromLocationId: shelf, toLocationId, quantity } });
    expect((await attempt(ambient, 1)).json()).toMatchObject({ status: 422, code: 'zone_mismatch' });
    expect((await attempt(shelf, 1)).json()).toMatchObject({ status: 422, code: 'same_location' });
    expect((await attempt(fridge, 13)).json()).toMatchObject({ status: 409, code: 'insufficient_stock', facts: { requested: 13, available: 12 } });
    expect((t.app.sqlite.prepare('select count(*) n from transfers').get() as { n: number }).n).toBe(0);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });
});

describe('the projection', () => {
  it('verifies against the ledger, reports tampering, and is rebuilt from it', async () => {
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
    const [soonest] = await lots();
    t.app.sqlite.prepare('update stock_levels set on_hand = 99 where lot_id = ?').run(soonest.lotId);
    t.app.sqlite.prepare('insert into stock_levels (food_bank_id, lot_id, location_id, on_hand) values (?, ?, ?, 4)').run(bankId, soonest.lotId, fridge);
    expect(verifyProjection(t.app.sqlite)).toEqual([
      { lotId: soonest.lotId, locationId: shelf, ledger: 12, projection: 99 },
      { lotId: soonest.lotId, locationId: fridge, ledger: 0, projection: 4 },
    ].sort((a, b) => a.locationId - b.locationId));
    expect(rebuildProjection(t.app.sqlite)).toBe(2);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
    expect((await lots())[0].onHand).toBe(12);
  });
});
