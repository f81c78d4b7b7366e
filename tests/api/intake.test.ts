import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, items, locations } from '../../server/db/schema.js';
import type { FoodBankRow, UserRow } from '../../server/db/schema.js';
import { today, addDays } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let bank: FoodBankRow;
let staff: UserRow;
let headers: { authorization: string };
let donorId: number;
let ramen: number; // ambient food, 24 per box
let dumplings: number; // frozen food
let tissue: number; // household goods
let shelf: number; // ambient location
let freezer: number; // frozen location

const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const onHand = (itemId: number) =>
  (
    t.app.sqlite
      .prepare('select coalesce(sum(s.on_hand), 0) n from stock_levels s join lots l on l.id = s.lot_id where l.item_id = ?')
      .get(itemId) as { n: number }
  ).n;

beforeEach(async () => {
  t = await createTestApp();
  bank = makeFoodBank(t.app, { name: '마포구기초푸드뱅크' });
  staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff', name: '최지우' });
  ({ headers } = await signIn(t.app, staff.email));
  const db = t.app.db;
  const noodles = db.insert(categories).values({ foodBankId: bank.id, name: '면류', kind: 'food' }).returning().get().id;
  const frozen = db.insert(categories).values({ foodBankId: bank.id, name: '냉동식품', kind: 'food' }).returning().get().id;
  const paper = db.insert(categories).values({ foodBankId: bank.id, name: '화장지', kind: 'household' }).returning().get().id;
  const item = (name: string, categoryId: number, defaultZone: 'ambient' | 'frozen', defaultUnitValue: number) =>
    db
      .insert(items)
      .values({ foodBankId: bank.id, name, nameKey: name, categoryId, unit: '개', packSize: 24, defaultZone, defaultUnitValue })
      .returning()
      .get().id;
  ramen = item('신라면', noodles, 'ambient', 900);
  dumplings = item('비비고 왕교자', frozen, 'frozen', 8000);
  tissue = item('두루마리 화장지 30롤', paper, 'ambient', 15000);
  const location = (name: string, zone: 'ambient' | 'frozen') =>
    db.insert(locations).values({ foodBankId: bank.id, warehouse: '본관', name, nameKey: name, zone }).returning().get().id;
  shelf = location('A-1 선반', 'ambient');
  freezer = location('냉동고 1', 'frozen');
  const donor = await t.app.inject({ method: 'POST', url: '/api/donors', headers, payload: { kind: 'organisation', name: '(주)한빛식품', businessNumber: '120-81-47521' } });
  donorId = donor.json().id;
});
afterEach(async () => t.close());

const soon = () => addDays(today(), 30);
const mixedDonation = (extra: Record<string, unknown> = {}) => ({
  donorId,
  receivedOn: today(),
  channel: 'corporate_delivery',
  lines: [
    { itemId: ramen, quantity: 48, dateLabel: soon(), locationId: shelf },
    { itemId: dumplings, quantity: 10, dateLabel: soon(), locationId: freezer },
    { itemId: tissue, quantity: 6, locationId: shelf },
    { itemId: ramen, quantity: 5, dateLabel: soon(), accepted: false, rejectionReason: 'damaged_packaging', rejectionNote: '박스 파손' },
  ],
  ...extra,
});
const post = (payload: unknown, extraHeaders: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/donations', headers: { ...headers, ...extraHeaders }, payload: payload as object });

describe('recording a donation', () => {
  it('completes a mixed donation: accepted lines become lots on shelves, rejected ones stay on record only', async () => {
    const response = await post(mixedDonation({ complete: true }));
    expect(response.statusCode).toBe(201);
    const donation = response.json();
    expect(donation).toMatchObject({ status: 'completed', donorName: '(주)한빛식품', acceptedValue: 48 * 900 + 10 * 8000 + 6 * 15000 });
    expect(donation.lines).toHaveLength(4);
    expect(donation.lines[2]).toMatchObject({ dateLabelKind: 'none', dateLabel: null, unitValue: 15000 });
    expect(donation.lines[3]).toMatchObject({ accepted: false, rejectionReason: 'damaged_packaging', lotId: null });
    expect(donation.lines.slice(0, 3).every((l: { lotId: number | null }) => l.lotId !== null)).toBe(true);

    expect(onHand(ramen)).toBe(48);
    expect(onHand(dumplings)).toBe(10);
    expect(onHand(tissue)).toBe(6);
    const ledger = t.app.sqlite.prepare('select reason, quantity, document_type, document_id, actor_user_id from stock_movements order by id').all();
    expect(ledger).toEqual([
      { reason: 'intake', quantity: 48, document_type: 'donation', document_id: donation.id, actor_user_id: staff.id },
      { reason: 'intake', quantity: 10, document_type: 'donation', document_id: donation.id, actor_user_id: staff.id },
      { reason: 'intake', quantity: 6, document_type: 'donation', document_id: donation.id, actor_user_id: staff.id },
    ]);
  });

  it('stores a cleared note as null, not as an empty text', async () => {
    const response = await post(mixedDonation({ notes: null, lines: [{ itemId: tissue, quantity: 1, locationId: shelf, rejectionNote: null }] }));
    expect(response.statusCode).toBe(201);
    expect(t.app.sqlite.prepare('select notes from donations').get()).toEqual({ notes: null });
    expect(t.app.sqlite.prepare('select rejection_note from donation_lines').get()).toEqual({ rejection_note: null });
  });

  it('saves a draft without moving stock, then completes it once however often it is asked', async () => {
    const draft = (await post(mixedDonation())).json();
    expect(draft.status).toBe('draft');
    expect(count('lots')).toBe(0);
    const complete = () => t.app.inject({ method: 'POST', url: `/api/donations/${draft.id}/complete`, headers });
    const results = await Promise.all([complete(), complete(), complete()]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.every((r) => r.json().status === 'completed')).toBe(true);
    expect(onHand(ramen)).toBe(48);
    expect(count('stock_movements')).toBe(3);
    // A completed donation is not edited in place.
    const edit = await t.app.inject({ method: 'PUT', url: `/api/donations/${draft.id}`, headers, payload: mixedDonation() });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('donation_completed');
  });

  it('with an Idempotency-Key, a retried create answers with the first donation and records nothing new', async () => {
    const key = { 'idempotency-key': 'desk-3-20261122-0001' };
    const [first, second] = await Promise.all([post(mixedDonation({ complete: true }), key), post(mixedDonation({ complete: true }), key)]);
    const statuses = [first.statusCode, second.statusCode].sort();
    // Either the retry waited for the answer (201 replayed) or arrived while it was in progress (409).
    expect([[201, 201], [201, 409]]).toContainEqual(statuses);
    const replay = await post(mixedDonation({ complete: true }), key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.statusCode === 201 ? first.json().id : second.json().id);
    expect(count('donations')).toBe(1);
    expect(onHand(ramen)).toBe(48);

    const reused = await post(mixedDonation({ complete: true, notes: '다른 내용' }), key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
  });

  it('rejects a line already past its date unless staff override with a reason', async () => {
    const yesterday = addDays(today(), -1);
    const response = await post({
      donorId,
      receivedOn: today(),
      channel: 'walk_in',
      complete: true,
      lines: [
        { itemId: ramen, quantity: 10, dateLabel: yesterday, locationId: shelf },
        { itemId: ramen, quantity: 3, dateLabel: yesterday, locationId: shelf, overrideReason: '외관·포장 이상 없음, 관리자 확인' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const [expired, overridden] = response.json().lines;
    expect(expired).toMatchObject({ accepted: false, rejectionReason: 'expired', lotId: null });
    expect(overridden).toMatchObject({ accepted: true, overrideReason: '외관·포장 이상 없음, 관리자 확인' });
    expect(onHand(ramen)).toBe(3);
  });

  it.each([
    ['a frozen lot on an ambient shelf', () => ({ itemId: dumplings, quantity: 1, dateLabel: soon(), locationId: shelf }), 'zone_mismatch'],
    ['an accepted line with no location', () => ({ itemId: ramen, quantity: 1, dateLabel: soon() }), 'location_required'],
    ['food with no date', () => ({ itemId: ramen, quantity: 1, locationId: shelf }), 'date_label_required'],
    ['an unknown item', () => ({ itemId: 999_999, quantity: 1, locationId: shelf }), 'unknown_item'],
  ])('refuses %s with 422 and writes nothing', async (_name, line, code) => {
    const response = await post({ donorId, receivedOn: today(), channel: 'walk_in', complete: true, lines: [line()] });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code, facts: expect.objectContaining({ lineNo: 1 }) });
    for (const table of ['donations', 'donation_lines', 'lots', 'stock_movements', 'stock_levels']) expect(count(table)).toBe(0);
  });

  it.each([
    [{ lines: [{ itemId: ramen, quantity: 0 }] }, '/lines/0/quantity'],
    [{ lines: [{ itemId: ramen, quantity: 1.5 }] }, '/lines/0/quantity'],
    [{ receivedOn: '2026-13-40' }, '/receivedOn'],
    [{ channel: 'by_drone' }, '/channel'],
    [{ lines: [{ itemId: ramen, quantity: 1, colour: 'red' }] }, '/lines/0/colour'],
  ])('refuses malformed input %j naming %s, writing nothing', async (change, field) => {
    const response = await post({ ...mixedDonation(), ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(count('donations')).toBe(0);
  });

  it('never shows or completes another food bank’s donation', async () => {
    const draft = (await post(mixedDonation())).json();
    const otherBank = makeFoodBank(t.app);
    const stranger = await makeUser(t.app, { foodBankId: otherBank.id, role: 'admin' });
    const strangerHeaders = (await signIn(t.app, stranger.email)).headers;
    expect((await t.app.inject({ method: 'GET', url: `/api/donations/${draft.id}`, headers: strangerHeaders })).statusCode).toBe(404);
    const complete = await t.app.inject({ method: 'POST', url: `/api/donations/${draft.id}/complete`, headers: strangerHeaders });
    expect(complete.statusCode).toBe(404);
    expect(count('lots')).toBe(0);
    // Nor can they record a donation with this food bank's donor, items or shelves.
    const borrowed = await t.app.inject({ method: 'POST', url: '/api/donations', headers: strangerHeaders, payload: mixedDonation() });
    expect(borrowed.statusCode).toBe(422);
    expect(borrowed.json().code).toBe('unknown_donor');
  });
});

describe('correcting a completed donation', () => {
  const correct = (id: number, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/donations/${id}/corrections`, headers, payload: payload as object });

  it('reverses the old lines and applies the new ones through the ledger, keeping the old lines on record', async () => {
    const donation = (await post(mixedDonation({ complete: true }))).json();
    const response = await correct(donation.id, {
      reason: '라면 수량 오기 (48 → 40)',
      lines: [
        { itemId: ramen, quantity: 40, dateLabel: soon(), locationId: shelf },
        { itemId: dumplings, quantity: 10, dateLabel: soon(), locationId: freezer },
      ],
    });
    expect(response.statusCode).toBe(200);
    const corrected = response.json();
    expect(corrected.lines.map((l: { lineNo: number; quantity: number }) => [l.lineNo, l.quantity])).toEqual([
      [5, 40],
      [6, 10],
    ]);
    expect(corrected.acceptedValue).toBe(40 * 900 + 10 * 8000);
    expect(onHand(ramen)).toBe(40);
    expect(onHand(tissue)).toBe(0);
    expect(count('donation_lines')).toBe(6);
    const reasons = t.app.sqlite.prepare("select count(*) n from stock_movements where reason = 'correction'").get();
    expect(reasons).toEqual({ n: 5 }); // 3 reversals, 2 re-applications
  });

  it('is refused with the facts when part of a lot has already left, and changes nothing', async () => {
    const donation = (await post(mixedDonation({ complete: true }))).json();
    const ramenLot = donation.lines[0].lotId;
    const disposal = await t.app.inject({
      method: 'POST',
      url: '/api/disposals',
      headers,
      payload: { lotId: ramenLot, locationId: shelf, quantity: 8, reason: 'damaged', authorizedBy: '박민준' },
    });
    expect(disposal.statusCode).toBe(201);
    const before = count('stock_movements');
    const response = await correct(donation.id, { reason: '수정', lines: [{ itemId: ramen, quantity: 1, dateLabel: soon(), locationId: shelf }] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'insufficient_stock',
      facts: { itemId: ramen, lotId: ramenLot, locationId: shelf, requested: 48, available: 40 },
    });
    expect(count('stock_movements')).toBe(before);
    expect(count('donation_corrections')).toBe(0);
  });

  it('is not the way to change a draft', async () => {
    const draft = (await post(mixedDonation())).json();
    const response = await correct(draft.id, { reason: 'x', lines: [{ itemId: tissue, quantity: 1, locationId: shelf }] });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('donation_not_completed');
  });
});

describe('the ledger', () => {
  it('is append-only: the database refuses to change or remove a movement', async () => {
    await post(mixedDonation({ complete: true }));
    expect(() => t.app.sqlite.prepare('update stock_movements set quantity = 1000').run()).toThrow(/append-only/);
    expect(() => t.app.sqlite.prepare('delete from stock_movements').run()).toThrow(/append-only/);
    expect(count('stock_movements')).toBe(3);
  });
});
