import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../server/domain/roles.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';
import { makeItem, makeLocation, putStock } from '../support/inventory-factories.js';

let t: TestApp;
let bankId: number;
let otherBankId: number;
const as = {} as Record<Role | 'stranger', { authorization: string }>;

const count = () => (t.app.sqlite.prepare('select count(*) n from locations').get() as { n: number }).n;
const row = (id: number) => t.app.sqlite.prepare('select * from locations where id = ?').get(id);
const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: keyof typeof as, payload?: unknown) =>
  t.app.inject({ method, url, headers: as[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
const shelf = (extra: object = {}) => ({ warehouse: '본관 창고', name: 'A-1', zone: 'ambient', ...extra });
const fields = (response: { json(): { errors?: { field: string }[] } }) => (response.json().errors ?? []).map((e) => e.field);

beforeEach(async () => {
  t = await createTestApp();
  bankId = makeFoodBank(t.app).id;
  for (const role of ['admin', 'staff', 'donor', 'agency'] as const) {
    as[role] = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bankId, role })).email)).headers;
  }
  otherBankId = makeFoodBank(t.app).id;
  as.stranger = (await signIn(t.app, (await makeUser(t.app, { foodBankId: otherBankId, role: 'admin' })).email)).headers;
});
afterEach(async () => t.close());

describe('GET /locations', () => {
  it('lists this food bank’s locations in walking order with the units at each, filtered by zone and active', async () => {
    const back = makeLocation(t.app, bankId, { name: 'C-9', sortOrder: 30 });
    const front = makeLocation(t.app, bankId, { name: 'A-1', sortOrder: 10 });
    const freezer = makeLocation(t.app, bankId, { name: '냉동고', zone: 'frozen', sortOrder: 20 });
    makeLocation(t.app, bankId, { name: '폐쇄', sortOrder: 5, active: false });
    makeLocation(t.app, otherBankId, { name: '남의 선반' });
    const item = makeItem(t.app, bankId);
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: front.id, onHand: 12 });
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: front.id, onHand: 3 });

    const all = await req('GET', '/api/locations', 'staff');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((l: { name: string }) => l.name)).toEqual(['폐쇄', 'A-1', '냉동고', 'C-9']);
    expect(all.json().items[1]).toEqual({ id: front.id, warehouse: '본관', name: 'A-1', zone: 'ambient', capacity: null, sortOrder: 10, active: true, onHand: 15 });
    expect((await req('GET', '/api/locations?zone=frozen', 'admin')).json().items.map((l: { id: number }) => l.id)).toEqual([freezer.id]);
    expect((await req('GET', '/api/locations?active=true&zone=ambient', 'admin')).json().items.map((l: { id: number }) => l.id)).toEqual([front.id, back.id]);
  });

  it('refuses a bad filter naming it', async () => {
    const response = await req('GET', '/api/locations?zone=warm', 'staff');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('validation_failed');
    expect(fields(response)).toContain('/zone');
  });

  it.each(['donor', 'agency'] as const)('is refused to %s', async (role) => {
    expect((await req('GET', '/api/locations', role)).json()).toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('POST /locations', () => {
  it('adds a location with cleaned names', async () => {
    const created = await req('POST', '/api/locations', 'admin', shelf({ warehouse: ' 본관   창고 ', name: ' 냉장고  2 ', zone: 'chilled', capacity: 400, sortOrder: 7 }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ warehouse: '본관 창고', name: '냉장고 2', zone: 'chilled', capacity: 400, sortOrder: 7, active: true, onHand: 0 });
    expect(row(created.json().id)).toMatchObject({ food_bank_id: bankId, name_key: '냉장고2' });
  });

  it.each([
    [{ zone: 'warm' }, '/zone'],
    [{ name: '' }, '/name'],
    [{ warehouse: undefined }, '/warehouse'],
    [{ capacity: 0 }, '/capacity'],
    [{ sortOrder: -1 }, '/sortOrder'],
    [{ active: false }, '/active'],
  ])('refuses %j naming %s, writing nothing', async (change, field) => {
    const response = await req('POST', '/api/locations', 'admin', shelf(change));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(fields(response)).toContain(field);
    expect(count()).toBe(0);
  });

  it('refuses a name taken in this food bank whatever its case and spaces; another food bank may use it', async () => {
    expect((await req('POST', '/api/locations', 'admin', shelf({ name: 'Freezer 1' }))).statusCode).toBe(201);
    for (const name of ['freezer1', ' FREEZER  1 ', 'Freezer 1']) {
      const again = await req('POST', '/api/locations', 'admin', shelf({ name, warehouse: '별관' }));
      expect(again.json()).toMatchObject({ status: 409, code: 'location_name_taken', facts: { name: 'Freezer 1' } });
    }
    expect(count()).toBe(1);
    expect((await req('POST', '/api/locations', 'stranger', shelf({ name: 'Freezer 1' }))).statusCode).toBe(201);
  });

  it('answers a double submit once with 201 and once with 409', async () => {
    const [a, b] = await Promise.all([req('POST', '/api/locations', 'admin', shelf()), req('POST', '/api/locations', 'admin', shelf())]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(count()).toBe(1);
  });

  it.each(['staff', 'donor', 'agency'] as const)('is refused to %s, writing nothing', async (role) => {
    expect((await req('POST', '/api/locations', role, shelf())).statusCode).toBe(403);
    expect(count()).toBe(0);
  });
});

describe('PATCH /locations/:id', () => {
  it('renames, reorders, resizes and deactivates an empty location', async () => {
    const location = makeLocation(t.app, bankId, { name: 'A-1' });
    const changed = await req('PATCH', `/api/locations/${location.id}`, 'admin', { name: 'a-1 ', sortOrder: 3, capacity: 50, warehouse: '별관' });
    expect(changed.json()).toMatchObject({ name: 'a-1', sortOrder: 3, capacity: 50, warehouse: '별관', zone: 'ambient' });
    expect((await req('PATCH', `/api/locations/${location.id}`, 'admin', { capacity: null, active: false })).json()).toMatchObject({ capacity: null, active: false });
    expect((await req('PATCH', `/api/locations/${location.id}`, 'admin', { active: true })).json().active).toBe(true);
  });

  it('refuses a name another location has', async () => {
    makeLocation(t.app, bankId, { name: '냉동고 1' });
    const location = makeLocation(t.app, bankId, { name: '냉동고 2' });
    const response = await req('PATCH', `/api/locations/${location.id}`, 'admin', { name: '냉동고1' });
    expect(response.json()).toMatchObject({ status: 409, code: 'location_name_taken' });
    expect(row(location.id)).toMatchObject({ name: '냉동고 2' });
  });

  it('keeps a location that holds stock active, with the facts', async () => {
    const location = makeLocation(t.app, bankId);
    const elsewhere = makeLocation(t.app, bankId);
    const item = makeItem(t.app, bankId);
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: location.id, onHand: 9 });
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: elsewhere.id, onHand: 0 });
    const refused = await req('PATCH', `/api/locations/${location.id}`, 'admin', { active: false });
    expect(refused.json()).toMatchObject({ status: 409, code: 'location_has_stock', facts: { locationId: location.id, onHand: 9 } });
    expect(row(location.id)).toMatchObject({ active: 1 });
    // Only what is on this location counts; a lot used up elsewhere does not.
    expect((await req('PATCH', `/api/locations/${elsewhere.id}`, 'admin', { active: false })).json().active).toBe(false);
  });

  it.each([
    [{ zone: 'frozen' }, '/zone'],
    [{ name: '' }, '/name'],
    [{ capacity: 0 }, '/capacity'],
    [{ active: 'no' }, '/active'],
    [{}, '/'],
  ])('refuses %j naming %s, changing nothing', async (change, field) => {
    const location = makeLocation(t.app, bankId, { name: 'A-1' });
    const before = row(location.id);
    const response = await req('PATCH', `/api/locations/${location.id}`, 'admin', change);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(fields(response)).toContain(field);
    expect(row(location.id)).toEqual(before);
  });

  it('answers 404 for another food bank’s location and leaves it alone', async () => {
    const theirs = makeLocation(t.app, otherBankId, { name: 'B-2' });
    const before = row(theirs.id);
    expect((await req('PATCH', `/api/locations/${theirs.id}`, 'admin', { name: 'mine now' })).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await req('PATCH', '/api/locations/99999', 'admin', { name: 'x' })).json().code).toBe('not_found');
    expect(row(theirs.id)).toEqual(before);
  });

  it.each(['staff', 'donor', 'agency'] as const)('is refused to %s', async (role) => {
    const location = makeLocation(t.app, bankId, { name: 'A-1' });
    expect((await req('PATCH', `/api/locations/${location.id}`, role, { name: 'B' })).statusCode).toBe(403);
    expect(row(location.id)).toMatchObject({ name: 'A-1' });
  });
});
