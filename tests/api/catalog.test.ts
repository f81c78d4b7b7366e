import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultCategories } from '../../server/services/catalog.js';
import { DEFAULT_CATEGORIES } from '../../server/domain/default-categories.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';
import { makeItem, makeLocation, putStock } from '../support/inventory-factories.js';

let t: TestApp;
let staff: { authorization: string };
let admin: { authorization: string };
let stranger: { authorization: string };
let agency: { authorization: string };
let donorUser: { authorization: string };
let bankId: number;
let otherBankId: number;
let noodles: number;

const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: { authorization: string }, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const ramen = (extra: object = {}) => ({ name: '신라면', categoryId: noodles, unit: '개', defaultZone: 'ambient', packSize: 40, defaultUnitValue: 950, ...extra });

beforeEach(async () => {
  t = await createTestApp();
  const bank = makeFoodBank(t.app);
  bankId = bank.id;
  ensureDefaultCategories(t.app.db, bank.id);
  agency = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'agency' })).email)).headers;
  donorUser = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'donor' })).email)).headers;
  staff = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'staff' })).email)).headers;
  admin = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'admin' })).email)).headers;
  const other = makeFoodBank(t.app);
  otherBankId = other.id;
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
    ensureDefaultCategories(t.app.db, bankId);
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

const rowOf = (table: string, id: number) => t.app.sqlite.prepare(`select * from ${table} where id = ?`).get(id);
const fieldsOf = (response: { json(): { errors?: { field: string }[] } }) => (response.json().errors ?? []).map((e) => e.field);

describe('categories: every route', () => {
  it.each([
    ['agency', () => agency],
    ['donor', () => donorUser],
  ])('GET is refused to %s', async (_role, who) => {
    expect((await req('GET', '/api/categories', who())).json()).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuse a name taken whatever its case and spaces, and a double submit writes one', async () => {
    expect((await req('POST', '/api/categories', admin, { name: '과자 · 간식', kind: 'food' })).json()).toMatchObject({ status: 409, code: 'category_name_taken', facts: { name: '과자·간식' } });
    expect((await req('POST', '/api/categories', admin, { name: 'Health Food', kind: 'food' })).statusCode).toBe(201);
    expect((await req('POST', '/api/categories', admin, { name: ' health  food', kind: 'food' })).json().code).toBe('category_name_taken');
    const before = count('categories');
    const [a, b] = await Promise.all([
      req('POST', '/api/categories', admin, { name: '반려동물', kind: 'household' }),
      req('POST', '/api/categories', admin, { name: '반려동물', kind: 'household' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(count('categories')).toBe(before + 1);
  });

  it.each([
    [{ name: '건강식품', kind: 'toys' }, '/kind'],
    [{ name: '', kind: 'food' }, '/name'],
    [{ kind: 'food' }, '/name'],
    [{ name: '건강식품', kind: 'food', accepted: 'maybe' }, '/accepted'],
    [{ name: '건강식품', kind: 'food', colour: 'red' }, '/colour'],
  ])('POST refuses %j naming %s, writing nothing', async (body, field) => {
    const before = count('categories');
    const response = await req('POST', '/api/categories', admin, body);
    expect(response.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(fieldsOf(response)).toContain(field);
    expect(count('categories')).toBe(before);
  });

  it('PATCH renames in three languages, refuses another category’s name, bad input and other food banks', async () => {
    const categories = (await req('GET', '/api/categories', admin)).json().items;
    const snacks = categories.find((c: { name: string }) => c.name === '과자·간식');
    const renamed = await req('PATCH', `/api/categories/${snacks.id}`, admin, { name: '과자 · 간식 ', nameEn: 'Snacks & sweets', nameMn: null });
    expect(renamed.json()).toMatchObject({ id: snacks.id, name: '과자 · 간식', nameEn: 'Snacks & sweets', nameMn: null, kind: 'food' });
    expect((await req('PATCH', `/api/categories/${snacks.id}`, admin, { name: '면 류' })).json()).toMatchObject({ status: 409, code: 'category_name_taken' });
    for (const [body, field] of [[{}, '/'], [{ kind: 'household' }, '/kind'], [{ name: '' }, '/name']] as const) {
      const response = await req('PATCH', `/api/categories/${snacks.id}`, admin, body);
      expect(response.json().code, JSON.stringify(body)).toBe('validation_failed');
      expect(fieldsOf(response)).toContain(field);
    }
    expect(rowOf('categories', snacks.id)).toMatchObject({ name: '과자 · 간식', kind: 'food' });
    expect((await req('PATCH', `/api/categories/${snacks.id}`, staff, { accepted: false })).statusCode).toBe(403);
    const before = rowOf('categories', snacks.id);
    expect((await req('PATCH', `/api/categories/${snacks.id}`, stranger, { name: '남의 분류' })).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(rowOf('categories', snacks.id)).toEqual(before);
  });
});

describe('items: every route', () => {
  it('GET /items pages with a total and filters by words (spaces ignored), category and active', async () => {
    const drinks = (await req('GET', '/api/categories', staff)).json().items.find((c: { name: string }) => c.name === '음료').id;
    for (const name of ['신라면', '진라면 순한맛', '너구리', '짜파게티']) await req('POST', '/api/items', staff, ramen({ name }));
    const cider = (await req('POST', '/api/items', staff, ramen({ name: '칠성 사이다', categoryId: drinks, active: false }))).json();
    makeItem(t.app, otherBankId, { name: '남의 라면' });

    const page = (await req('GET', '/api/items?limit=2&offset=1', staff)).json();
    expect(page.total).toBe(5);
    expect(page.items.map((i: { name: string }) => i.name)).toEqual(['신라면', '진라면 순한맛']);
    expect((await req('GET', `/api/items?q=${encodeURIComponent('라면')}`, staff)).json().total).toBe(2);
    expect((await req('GET', `/api/items?q=${encodeURIComponent('진 라면순한')}`, staff)).json().items.map((i: { name: string }) => i.name)).toEqual(['진라면 순한맛']);
    expect((await req('GET', `/api/items?q=${encodeURIComponent('칠성사이다')}`, staff)).json().items.map((i: { id: number }) => i.id)).toEqual([cider.id]);
    expect((await req('GET', `/api/items?categoryId=${drinks}`, admin)).json()).toMatchObject({ total: 1, items: [{ id: cider.id }] });
    expect((await req('GET', '/api/items?active=false', staff)).json().items.map((i: { id: number }) => i.id)).toEqual([cider.id]);
    expect((await req('GET', '/api/items?active=true', staff)).json().total).toBe(4);
  });

  it.each([
    ['limit=0', '/limit'],
    ['limit=201', '/limit'],
    ['offset=-1', '/offset'],
    ['categoryId=abc', '/categoryId'],
    ['active=perhaps', '/active'],
    ['colour=red', '/colour'],
  ])('GET /items refuses ?%s naming %s', async (query, field) => {
    const response = await req('GET', `/api/items?${query}`, staff);
    expect(response.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(fieldsOf(response)).toContain(field);
  });

  it('item routes are refused to agencies and donors', async () => {
    const item = makeItem(t.app, bankId);
    for (const who of [agency, donorUser]) {
      expect((await req('GET', '/api/items', who)).statusCode).toBe(403);
      expect((await req('GET', `/api/items/${item.id}`, who)).statusCode).toBe(403);
      expect((await req('POST', '/api/items', who, ramen())).statusCode).toBe(403);
      expect((await req('PATCH', `/api/items/${item.id}`, who, { name: 'x' })).statusCode).toBe(403);
      expect((await req('GET', '/api/barcodes/8801043014830', who)).statusCode).toBe(403);
    }
    expect(count('items')).toBe(1);
  });

  it('GET /items/:id answers 404 for an unknown id and refuses a bad id', async () => {
    expect((await req('GET', '/api/items/99999', staff)).json().code).toBe('not_found');
    const bad = await req('GET', '/api/items/abc', staff);
    expect(bad.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(fieldsOf(bad)).toContain('/id');
  });

  it('PATCH changes an item and refuses a taken name, a foreign category, bad input and other food banks', async () => {
    const item = (await req('POST', '/api/items', staff, ramen())).json();
    await req('POST', '/api/items', staff, ramen({ name: '진라면' }));
    const changed = await req('PATCH', `/api/items/${item.id}`, staff, { name: '신라면 블랙', nameEn: 'Shin Ramyun Black', defaultUnitValue: 1800, minStock: null, requestable: false });
    expect(changed.json()).toMatchObject({ name: '신라면 블랙', nameEn: 'Shin Ramyun Black', defaultUnitValue: 1800, minStock: null, requestable: false });
    expect(rowOf('items', item.id)).toMatchObject({ name_key: '신라면블랙' });
    // Its own name in other spacing is no conflict.
    expect((await req('PATCH', `/api/items/${item.id}`, staff, { name: '신라면블랙' })).statusCode).toBe(200);
    expect((await req('PATCH', `/api/items/${item.id}`, staff, { name: ' 진 라면' })).json()).toMatchObject({ status: 409, code: 'item_name_taken', facts: { name: '진라면' } });
    const theirCategory = (await req('GET', '/api/categories', stranger)).json().items[0].id;
    expect((await req('PATCH', `/api/items/${item.id}`, staff, { categoryId: theirCategory })).json()).toMatchObject({ status: 422, code: 'unknown_category' });

    const before = rowOf('items', item.id);
    for (const [body, field] of [
      [{}, '/'],
      [{ packSize: 0 }, '/packSize'],
      [{ unit: 'ton' }, '/unit'],
      [{ unitWeightGrams: -5 }, '/unitWeightGrams'],
      [{ defaultUnitValue: 9.5 }, '/defaultUnitValue'],
      [{ barcodes: [] }, '/barcodes'],
    ] as const) {
      const response = await req('PATCH', `/api/items/${item.id}`, staff, body);
      expect(response.json().code, JSON.stringify(body)).toBe('validation_failed');
      expect(fieldsOf(response)).toContain(field);
    }
    expect(rowOf('items', item.id)).toEqual(before);
    expect((await req('PATCH', `/api/items/${item.id}`, stranger, { name: '내 라면' })).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(rowOf('items', item.id)).toEqual(before);
  });

  it('PATCH deactivates an item only when none of its lots holds stock', async () => {
    const item = makeItem(t.app, bankId);
    const shelf = makeLocation(t.app, bankId);
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: shelf.id, onHand: 0 });
    const empty = makeItem(t.app, bankId);
    putStock(t.app, { foodBankId: bankId, itemId: empty.id, locationId: shelf.id, onHand: 0 });
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: makeLocation(t.app, bankId).id, onHand: 4 });
    putStock(t.app, { foodBankId: bankId, itemId: item.id, locationId: shelf.id, onHand: 2 });
    const refused = await req('PATCH', `/api/items/${item.id}`, staff, { active: false });
    expect(refused.json()).toMatchObject({ status: 409, code: 'item_has_stock', facts: { itemId: item.id, onHand: 6 } });
    expect(rowOf('items', item.id)).toMatchObject({ active: 1 });
    expect((await req('PATCH', `/api/items/${empty.id}`, staff, { active: false })).json().active).toBe(false);
  });

  it('DELETE refuses an item a lot refers to, another food bank’s item and staff; deletes the rest with its barcodes', async () => {
    const used = makeItem(t.app, bankId);
    putStock(t.app, { foodBankId: bankId, itemId: used.id, locationId: makeLocation(t.app, bankId).id, onHand: 0 });
    expect((await req('DELETE', `/api/items/${used.id}`, admin)).json()).toMatchObject({ status: 409, code: 'item_in_use' });
    const theirs = makeItem(t.app, otherBankId);
    expect((await req('DELETE', `/api/items/${theirs.id}`, admin)).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(rowOf('items', theirs.id)).toBeDefined();

    const item = (await req('POST', '/api/items', staff, ramen({ barcodes: [{ code: '8801043014830' }, { code: '8801060000021' }] }))).json();
    await req('POST', '/api/items', staff, ramen({ name: '진라면', barcodes: [{ code: '8801070000035' }] }));
    expect((await req('DELETE', `/api/items/${item.id}`, staff)).statusCode).toBe(403);
    expect(count('item_barcodes')).toBe(3);
    expect((await req('DELETE', `/api/items/${item.id}`, admin)).statusCode).toBe(204);
    expect(rowOf('items', item.id)).toBeUndefined();
    expect(count('item_barcodes')).toBe(1);
    expect((await req('DELETE', `/api/items/${item.id}`, admin)).json().code).toBe('not_found');
  });

  it('POST with barcodes writes nothing when one barcode is refused', async () => {
    await req('POST', '/api/items', staff, ramen({ barcodes: [{ code: '8801043014830' }] }));
    const response = await req('POST', '/api/items', staff, ramen({ name: '진라면', barcodes: [{ code: '8801060000021' }, { code: '8801043014830' }] }));
    expect(response.json()).toMatchObject({ status: 409, code: 'barcode_taken', facts: { name: '신라면' } });
    expect(count('items')).toBe(1);
    expect(count('item_barcodes')).toBe(1);
  });
});

describe('barcodes: every route', () => {
  it.each([
    ['8801043014831', 'check_digit'],
    ['123456789', 'length'],
    ['1234567890', 'length'],
  ])('POST refuses %s as invalid_gtin (%s), writing nothing', async (code, reason) => {
    const item = makeItem(t.app, bankId);
    const response = await req('POST', `/api/items/${item.id}/barcodes`, staff, { code });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid_gtin', facts: { code, reason } });
    expect(count('item_barcodes')).toBe(0);
  });

  it.each([
    ['8801043014831', 'check_digit'],
    ['123456789', 'length'],
    ['880104301483A', 'digits_only'],
  ])('a scan of %s answers invalid_gtin (%s)', async (code, reason) => {
    expect((await req('GET', `/api/barcodes/${code}`, staff)).json()).toMatchObject({ status: 400, code: 'invalid_gtin', facts: { reason } });
  });

  it.each([
    [{ code: '88010430' + 'x' }, '/code'],
    [{ code: '8801043014830', quantityPerScan: 0 }, '/quantityPerScan'],
    [{ quantityPerScan: 2 }, '/code'],
    [{ code: '8801043014830', itemId: 3 }, '/itemId'],
  ])('POST refuses %j naming %s, writing nothing', async (body, field) => {
    const item = makeItem(t.app, bankId);
    const response = await req('POST', `/api/items/${item.id}/barcodes`, staff, body);
    expect(response.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(fieldsOf(response)).toContain(field);
    expect(count('item_barcodes')).toBe(0);
  });

  it('treat one GTIN with or without leading zeros as one code', async () => {
    const item = makeItem(t.app, bankId, { name: 'Spam' });
    // A UPC-A as printed, and as an EAN-13 or GTIN-14 scanner sends it.
    expect((await req('POST', `/api/items/${item.id}/barcodes`, staff, { code: '880104301483' })).statusCode).toBe(201);
    expect((await req('GET', '/api/barcodes/0880104301483', staff)).json()).toMatchObject({ item: { id: item.id }, quantityPerScan: 1 });
    expect((await req('GET', '/api/barcodes/00880104301483', staff)).json().item.id).toBe(item.id);
    const other = makeItem(t.app, bankId);
    expect((await req('POST', `/api/items/${other.id}/barcodes`, staff, { code: '0880104301483' })).json()).toMatchObject({ status: 409, code: 'barcode_taken', facts: { itemId: item.id, code: '880104301483' } });
  });

  it('a double submit of one barcode answers 201 once and 409 once', async () => {
    const item = makeItem(t.app, bankId);
    const add = () => req('POST', `/api/items/${item.id}/barcodes`, staff, { code: '8801043014830', quantityPerScan: 24 });
    const [a, b] = await Promise.all([add(), add()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(count('item_barcodes')).toBe(1);
  });

  it('another food bank’s item answers 404 and keeps its barcodes; the same code is free in another food bank', async () => {
    const theirs = makeItem(t.app, otherBankId);
    const theirCode = await req('POST', `/api/items/${theirs.id}/barcodes`, stranger, { code: '8801043014830' });
    expect(theirCode.statusCode).toBe(201);
    const barcodeId = theirCode.json().barcodes[0].id;
    expect((await req('POST', `/api/items/${theirs.id}/barcodes`, staff, { code: '8801060000021' })).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await req('DELETE', `/api/items/${theirs.id}/barcodes/${barcodeId}`, staff)).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(count('item_barcodes')).toBe(1);
    const mine = makeItem(t.app, bankId);
    expect((await req('POST', `/api/items/${mine.id}/barcodes`, staff, { code: '8801043014830' })).statusCode).toBe(201);
  });

  it('DELETE refuses agencies and donors and a bad id', async () => {
    const item = (await req('POST', '/api/items', staff, ramen({ barcodes: [{ code: '8801043014830' }] }))).json();
    const path = `/api/items/${item.id}/barcodes/${item.barcodes[0].id}`;
    for (const who of [agency, donorUser]) expect((await req('DELETE', path, who)).statusCode).toBe(403);
    const bad = await req('DELETE', `/api/items/${item.id}/barcodes/zero`, staff);
    expect(fieldsOf(bad)).toContain('/barcodeId');
    expect(count('item_barcodes')).toBe(1);
    expect((await req('DELETE', path, admin)).statusCode).toBe(204);
    expect((await req('DELETE', path, admin)).json().code).toBe('not_found');
  });
});
