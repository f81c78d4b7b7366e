import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultCategories } from '../../server/services/catalog.js';
import { DEFAULT_CATEGORIES } from '../../server/domain/default-categories.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let staff: { authorization: string };
let admin: { authorization: string };
let stranger: { authorization: string };
let noodles: number;

const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: { authorization: string }, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const ramen = (extra: object = {}) => ({ name: '신라면', categoryId: noodles, unit: '개', defaultZone: 'ambient', packSize: 40, defaultUnitValue: 950, ...extra });

beforeEach(async () => {
  t = await createTestApp();
  const bank = makeFoodBank(t.app);
  ensureDefaultCategories(t.app.db, bank.id);
  staff = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'staff' })).email)).headers;
  admin = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'admin' })).email)).headers;
  const other = makeFoodBank(t.app);
  ensureDefaultCategories(t.app.db, other.id);
  stranger = (await signIn(t.app, (await makeUser(t.app, { foodBankId: other.id, role: 'admin' })).email)).headers;
  const categories = (await req('GET', '/api/categories', staff)).json().items;
  noodles = categories.find((c: { name: string }) => c.name === '면류').id;
});
afterEach(async () => t.close());

describe('categories', () => {
  it('start with the Korean defaults, named in three languages, once per food bank', async () => {
    const items = (await req('GET', '/api/categories', staff)).json().items;
    expect(items).toHaveLength(DEFAULT_CATEGORIES.length);
    expect(items.find((c: { name: string }) => c.name === '기저귀')).toMatchObject({ kind: 'household', nameEn: 'Diapers', nameMn: 'Живх', accepted: true });
    ensureDefaultCategories(t.app.db, 1);
    expect((await req('GET', '/api/categories', staff)).json().items).toHaveLength(DEFAULT_CATEGORIES.length);
  });

  it('are edited by admins only; a category no longer accepted rejects its goods at intake', async () => {
    expect((await req('POST', '/api/categories', staff, { name: '건강식품', kind: 'food' })).statusCode).toBe(403);
    const created = await req('POST', '/api/categories', admin, { name: '건강식품', kind: 'food' });
    expect(created.statusCode).toBe(201);
    expect((await req('POST', '/api/categories', admin, { name: '건강식품', kind: 'food' })).json().code).toBe('category_name_taken');
    const changed = await req('PATCH', `/api/categories/${created.json().id}`, admin, { accepted: false });
    expect(changed.json().accepted).toBe(false);
    expect((await req('PATCH', `/api/categories/${created.json().id}`, stranger, { accepted: true })).statusCode).toBe(404);

    const pills = (await req('POST', '/api/items', staff, ramen({ name: '비타민', categoryId: created.json().id }))).json().id;
    const shelf = (await req('POST', '/api/locations', admin, { warehouse: '본관', name: 'A-1', zone: 'ambient' })).json().id;
    const donor = (await req('POST', '/api/donors', staff, { kind: 'individual', name: '윤서준' })).json().id;
    const donation = await req('POST', '/api/donations', staff, {
      donorId: donor,
      receivedOn: new Date().toLocaleDateString('sv-SE'),
      channel: 'walk_in',
      complete: true,
      lines: [{ itemId: pills, quantity: 3, dateLabel: '2099-01-01', locationId: shelf }],
    });
    expect(donation.json().lines[0]).toMatchObject({ accepted: false, rejectionReason: 'not_accepted_category', lotId: null });
  });
});

describe('items', () => {
  it('are created with barcodes, found by name, and read back', async () => {
    const created = await req('POST', '/api/items', staff, ramen({ barcodes: [{ code: '8801043014830' }, { code: '8801060000021', quantityPerScan: 40 }] }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '신라면', packSize: 40, active: true, requestable: true, barcodes: [{ code: '8801043014830', quantityPerScan: 1 }, { code: '8801060000021', quantityPerScan: 40 }] });
    const found = (await req('GET', '/api/items?q=%EB%9D%BC%EB%A9%B4', staff)).json();
    expect(found).toMatchObject({ total: 1, items: [{ name: '신라면' }] });
    expect((await req('GET', `/api/items/${created.json().id}`, stranger)).statusCode).toBe(404);
  });

  it('have names unique per food bank regardless of case and spaces, and nothing is written twice', async () => {
    expect((await req('POST', '/api/items', staff, ramen())).statusCode).toBe(201);
    const again = await req('POST', '/api/items', staff, ramen({ name: ' 신 라면 ' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('item_name_taken');
    // Another food bank may use the same name.
    const strangerNoodles = (await req('GET', '/api/categories', stranger)).json().items.find((c: { name: string }) => c.name === '면류').id;
    expect((await req('POST', '/api/items', stranger, ramen({ categoryId: strangerNoodles }))).statusCode).toBe(201);
    const [a, b] = await Promise.all([req('POST', '/api/items', staff, ramen({ name: '진라면' })), req('POST', '/api/items', staff, ramen({ name: '진라면' }))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(count('items')).toBe(3);
  });

  it.each([
    [{ unit: 'ton' }, '/unit'],
    [{ packSize: 0 }, '/packSize'],
    [{ defaultUnitValue: -1 }, '/defaultUnitValue'],
    [{ defaultZone: 'warm' }, '/defaultZone'],
    [{ colour: 'red' }, '/colour'],
    [{ barcodes: [{ code: '12ab' }] }, '/barcodes/0/code'],
  ])('refuse bad input %j naming %s, writing nothing', async (change, field) => {
    const response = await req('POST', '/api/items', staff, ramen(change));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(count('items')).toBe(0);
  });

  it('refuse another food bank’s category', async () => {
    const theirs = (await req('GET', '/api/categories', stranger)).json().items[0].id;
    const response = await req('POST', '/api/items', staff, ramen({ categoryId: theirs }));
    expect(response.json()).toMatchObject({ status: 422, code: 'unknown_category' });
  });

  it('cannot be deleted once on record, nor deactivated while in stock', async () => {
    const item = (await req('POST', '/api/items', staff, ramen())).json();
    const unused = (await req('POST', '/api/items', staff, ramen({ name: '너구리', barcodes: [{ code: '8801070000035' }] }))).json();
    expect((await req('DELETE', `/api/items/${unused.id}`, staff)).statusCode).toBe(403);
    expect((await req('DELETE', `/api/items/${unused.id}`, admin)).statusCode).toBe(204);
    expect(count('item_barcodes')).toBe(0);

    const shelf = (await req('POST', '/api/locations', admin, { warehouse: '본관', name: 'A-1', zone: 'ambient' })).json().id;
    const donor = (await req('POST', '/api/donors', staff, { kind: 'individual', name: '윤서준' })).json().id;
    const donation = await req('POST', '/api/donations', staff, {
      donorId: donor,
      receivedOn: new Date().toLocaleDateString('sv-SE'),
      channel: 'walk_in',
      complete: true,
      lines: [{ itemId: item.id, quantity: 5, dateLabel: '2099-01-01', locationId: shelf }],
    });
    expect(donation.statusCode).toBe(201);
    expect((await req('DELETE', `/api/items/${item.id}`, admin)).json().code).toBe('item_in_use');
    const deactivate = await req('PATCH', `/api/items/${item.id}`, staff, { active: false });
    expect(deactivate.json()).toMatchObject({ status: 409, code: 'item_has_stock', facts: { onHand: 5 } });
    expect((await req('GET', `/api/items/${item.id}`, staff)).json().active).toBe(true);
  });
});

describe('barcodes', () => {
  it('must be valid GTINs, unique per food bank, and a scan says what they are', async () => {
    const item = (await req('POST', '/api/items', staff, ramen())).json();
    const bad = await req('POST', `/api/items/${item.id}/barcodes`, staff, { code: '8801043014831' });
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_gtin' });
    expect((await req('POST', `/api/items/${item.id}/barcodes`, staff, { code: '8801060000021', quantityPerScan: 40 })).statusCode).toBe(201);
    const other = (await req('POST', '/api/items', staff, ramen({ name: '진라면' }))).json();
    const taken = await req('POST', `/api/items/${other.id}/barcodes`, staff, { code: '8801060000021' });
    expect(taken.json()).toMatchObject({ status: 409, code: 'barcode_taken', facts: { itemId: item.id } });

    const scan = await req('GET', '/api/barcodes/8801060000021', staff);
    expect(scan.json()).toMatchObject({ quantityPerScan: 40, item: { id: item.id, name: '신라면' } });
    expect((await req('GET', '/api/barcodes/8801043014830', staff)).json()).toMatchObject({ status: 404, code: 'unknown_barcode' });
    expect((await req('GET', '/api/barcodes/8801043014831', staff)).json()).toMatchObject({ status: 400, code: 'invalid_gtin' });
    // Another food bank does not see this food bank's codes.
    expect((await req('GET', '/api/barcodes/8801060000021', stranger)).json().code).toBe('unknown_barcode');

    const barcodeId = scan.json().item.barcodes[0].id;
    expect((await req('DELETE', `/api/items/${other.id}/barcodes/${barcodeId}`, staff)).statusCode).toBe(404);
    expect((await req('DELETE', `/api/items/${item.id}/barcodes/${barcodeId}`, staff)).statusCode).toBe(204);
  });
});

describe('locations', () => {
  it('have unique names, keep their zone, and stay active while they hold stock', async () => {
    const created = await req('POST', '/api/locations', admin, { warehouse: '본관 창고', name: '냉동고 1', zone: 'frozen', capacity: 300, sortOrder: 5 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ zone: 'frozen', onHand: 0, active: true });
    expect((await req('POST', '/api/locations', admin, { warehouse: '별관', name: '냉동고1', zone: 'frozen' })).json().code).toBe('location_name_taken');
    expect((await req('POST', '/api/locations', staff, { warehouse: '별관', name: 'B', zone: 'ambient' })).statusCode).toBe(403);
    expect((await req('PATCH', `/api/locations/${created.json().id}`, admin, { zone: 'ambient' })).statusCode).toBe(400);
    expect((await req('PATCH', `/api/locations/${created.json().id}`, stranger, { name: 'x' })).statusCode).toBe(404);

    const dumplings = (await req('POST', '/api/items', staff, ramen({ name: '왕교자', defaultZone: 'frozen' }))).json().id;
    const donor = (await req('POST', '/api/donors', staff, { kind: 'individual', name: '김민지' })).json().id;
    await req('POST', '/api/donations', staff, {
      donorId: donor,
      receivedOn: new Date().toLocaleDateString('sv-SE'),
      channel: 'walk_in',
      complete: true,
      lines: [{ itemId: dumplings, quantity: 7, dateLabel: '2099-01-01', locationId: created.json().id }],
    });
    const listed = (await req('GET', '/api/locations?zone=frozen', staff)).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: '냉동고 1', onHand: 7 })]);
    const deactivate = await req('PATCH', `/api/locations/${created.json().id}`, admin, { active: false });
    expect(deactivate.json()).toMatchObject({ status: 409, code: 'location_has_stock', facts: { onHand: 7 } });
  });
});
