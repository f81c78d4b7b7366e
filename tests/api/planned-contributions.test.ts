import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

/** A donor plans a contribution; the desk sees it as expected and takes it in as a donation. */
let t: TestApp;
let staff: { authorization: string };
let seojun: { authorization: string };
let catalog: { id: number; name: string; unit: string }[];
let shelf: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
  seojun = (await signIn(t.app, DEMO_LOGINS.donor, DEMO_PASSWORD)).headers;
  catalog = (await call('GET', '/api/me/catalog', seojun)).json().items;
  shelf = (await call('GET', '/api/locations', staff)).json().items.find((l: { zone: string }) => l.zone === 'ambient').id;
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST', url: string, headers: object, payload?: object, extra: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload ? { payload } : {}) });
const plans = () => (t.app.sqlite.prepare('select count(*) n from planned_contributions').get() as { n: number }).n;
const item = (name: string) => catalog.find((i) => i.name === name)!;
const plan = (overrides: object = {}) => ({
  expectedOn: addDays(today(), 2),
  delivery: 'drop_off',
  lines: [
    { itemId: item('두유 190ml').id, quantity: 24, unit: '개' },
    { description: '직접 만든 반찬', quantity: 3, unit: '통' },
  ],
  ...overrides,
});

describe('planning a contribution', () => {
  it('records catalog and free-text lines, once per idempotency key, and shows it at the desk', async () => {
    const key = { 'idempotency-key': 'plan-soy-milk-0001' };
    const [first, second] = await Promise.all([call('POST', '/api/me/planned-contributions', seojun, plan(), key), call('POST', '/api/me/planned-contributions', seojun, plan(), key)]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const created = (first.statusCode === 201 ? first : second).json();
    expect(created).toMatchObject({
      donorName: '윤서준',
      status: 'planned',
      delivery: 'drop_off',
      lines: [
        { lineNo: 1, itemId: item('두유 190ml').id, itemName: '두유 190ml', description: '두유 190ml', quantity: 24, unit: '팩' },
        { lineNo: 2, itemId: null, itemName: null, description: '직접 만든 반찬', quantity: 3, unit: '통' },
      ],
    });
    expect((await call('POST', '/api/me/planned-contributions', seojun, plan(), key)).json().id).toBe(created.id);
    const desk = (await call('GET', '/api/planned-contributions?status=planned', staff)).json().items;
    expect(desk.map((p: { id: number }) => p.id)).toContain(created.id);
    expect(desk.map((p: { expectedOn: string }) => p.expectedOn)).toEqual([...desk.map((p: { expectedOn: string }) => p.expectedOn)].sort());
  });

  it.each([
    [{ expectedOn: addDays(today(), -1) }, 422, 'date_in_past'],
    [{ delivery: 'pickup' }, 422, 'pickup_address_required'],
    [{ delivery: 'pickup', pickupAddress: '   ' }, 422, 'pickup_address_required'],
    [{ lines: [{ itemId: 99999, quantity: 1, unit: '개' }] }, 422, 'unknown_item'],
    [{ lines: [{ quantity: 1, unit: '개' }] }, 422, 'description_required'],
    [{ lines: [] }, 400, 'validation_failed'],
    [{ lines: [{ description: '쌀', quantity: 0, unit: 'kg' }] }, 400, 'validation_failed'],
    [{ delivery: 'teleport' }, 400, 'validation_failed'],
  ])('refuses %j (%i %s), writing nothing', async (overrides, status, code) => {
    const before = plans();
    const response = await call('POST', '/api/me/planned-contributions', seojun, plan(overrides));
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(plans()).toBe(before);
  });

  it('can be cancelled with a reason by the donor or staff, once', async () => {
    const mine = (await call('POST', '/api/me/planned-contributions', seojun, plan())).json();
    const cancelled = await call('POST', `/api/me/planned-contributions/${mine.id}/cancel`, seojun, { reason: '일정 변경' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '일정 변경' });
    expect((await call('POST', `/api/planned-contributions/${mine.id}/cancel`, staff, { reason: '다시' })).json().code).toBe('plan_not_open');
    const other = (await call('POST', '/api/me/planned-contributions', seojun, plan())).json();
    expect((await call('POST', `/api/planned-contributions/${other.id}/cancel`, staff, { reason: '기부자 전화로 취소' })).json().status).toBe('cancelled');
    const gangseo = (await signIn(t.app, 'staff@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await call('GET', `/api/planned-contributions/${other.id}`, gangseo)).statusCode).toBe(404);
  });
});

describe('taking in a planned contribution at the desk', () => {
  const donation = (donorId: number, plannedContributionId: number, quantity = 24) => ({
    donorId,
    receivedOn: today(),
    channel: 'walk_in',
    complete: true,
    plannedContributionId,
    lines: [{ itemId: item('두유 190ml').id, quantity, dateLabelKind: 'use_by', dateLabel: addDays(today(), 90), locationId: shelf }],
  });

  it('marks the plan received with its donation, in the same transaction, and only once', async () => {
    const planned = (await call('POST', '/api/me/planned-contributions', seojun, plan())).json();
    const taken = await call('POST', '/api/donations', staff, donation(planned.donorId, planned.id));
    expect(taken.statusCode).toBe(201);
    const after = (await call('GET', `/api/planned-contributions/${planned.id}`, staff)).json();
    expect(after).toMatchObject({ status: 'received', donationId: taken.json().id });
    expect((await call('GET', `/api/me/planned-contributions/${planned.id}`, seojun)).json().status).toBe('received');
    const donations = (t.app.sqlite.prepare('select count(*) n from donations').get() as { n: number }).n;
    const again = await call('POST', '/api/donations', staff, donation(planned.donorId, planned.id));
    expect(again.json()).toMatchObject({ status: 409, code: 'plan_not_open' });
    expect((t.app.sqlite.prepare('select count(*) n from donations').get() as { n: number }).n).toBe(donations);
  });

  it('refuses another donor’s plan, and a failed intake leaves the plan open', async () => {
    const planned = (await call('POST', '/api/me/planned-contributions', seojun, plan())).json();
    const minji = (await call('GET', '/api/donors?q=%EA%B9%80%EB%AF%BC%EC%A7%80', staff)).json().items[0].id;
    expect((await call('POST', '/api/donations', staff, donation(minji, planned.id))).json()).toMatchObject({ status: 422, code: 'plan_donor_mismatch' });
    const frozen = (await call('GET', '/api/locations', staff)).json().items.find((l: { zone: string }) => l.zone === 'frozen').id;
    const wrongShelf = { ...donation(planned.donorId, planned.id), lines: [{ ...donation(0, 0).lines[0]!, locationId: frozen }] };
    expect((await call('POST', '/api/donations', staff, wrongShelf)).statusCode).toBe(422);
    expect((await call('GET', `/api/planned-contributions/${planned.id}`, staff)).json()).toMatchObject({ status: 'planned', donationId: null });
  });
});
