import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caller, distributionActors, type Headers } from '../support/distribution.js';

let t: TestApp;
let as: Awaited<ReturnType<typeof distributionActors>>;
let call: ReturnType<typeof caller>;
let mapoId: number;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  await seedDemo(t.app.db, t.app.cipher);
  as = await distributionActors(t.app);
  call = caller(t.app);
  noodles = (await call('GET', '/api/me/requestable', as.sunshine)).json().categories.find((c: { name: string }) => c.name === '면류').id;
  mapoId = (await call('GET', '/api/food-banks')).json().items.find((b: { name: string }) => b.name === '마포구기초푸드뱅크').id;
});
afterAll(async () => t.close());

const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
let applications = 0;
const profile = (name: string) => ({
  name,
  type: 'free_meal_center',
  address: '서울특별시 마포구 월드컵로 10',
  contactName: '박나눔',
  contactPhone: '010-1234-0000',
  storage: { fridge: false, freezer: false, ambientCapacity: 300, chilledCapacity: 50, frozenCapacity: null },
  peopleServed: { emergency: 2, nearPoor: 10, cutOff: 0, recipients: 25 },
  fulfilment: 'pickup',
});
async function apply(name = `성산 나눔터 ${++applications}`): Promise<{ headers: Headers; agencyId: number }> {
  const response = await call('POST', '/api/agency-applications', undefined, {
    foodBankId: mapoId,
    agency: profile(name),
    user: { name: '박나눔', email: `apply${applications}@example.kr`, password: 'agency-pass-2026' },
  });
  expect(response.statusCode).toBe(201);
  const headers = { authorization: `Bearer ${response.json().accessToken}` };
  return { headers, agencyId: (await call('GET', '/api/me/agency', headers)).json().agency.id };
}
let noodles: number;
const request = () => ({ neededBy: addDays(today(), 3), fulfilment: 'pickup', submit: true, lines: [{ categoryId: noodles, quantity: 10 }] });

describe('agency applications', () => {
  it('create a pending agency whose user can sign in but not request until staff approve it', async () => {
    const { headers, agencyId } = await apply('성산 나눔터');
    const mine = (await call('GET', '/api/me/agency', headers)).json();
    // No fridge means no chilled capacity to keep.
    expect(mine).toMatchObject({ linked: true, agency: { name: '성산 나눔터', status: 'pending', storage: { fridge: false, chilledCapacity: null, ambientCapacity: 300 } } });
    expect((await call('POST', '/api/me/requests', headers, request())).json()).toMatchObject({ status: 409, code: 'agency_not_approved' });
    const pending = (await call('GET', '/api/agencies?status=pending', as.staff)).json().items;
    expect(pending.map((a: { id: number }) => a.id)).toContain(agencyId);
    const approved = await call('POST', `/api/agencies/${agencyId}/status`, as.staff, { status: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', statusReason: null });
    expect((await call('POST', '/api/me/requests', headers, request())).statusCode).toBe(201);
  });

  it('refuse a taken email, a taken name and bad input, writing nothing', async () => {
    const before = [count('agencies'), count('users')];
    const base = { foodBankId: mapoId, agency: profile('새 기관'), user: { name: 'x', email: 'agency@mapo.demo', password: 'agency-pass-2026' } };
    expect((await call('POST', '/api/agency-applications', undefined, base)).json().code).toBe('email_taken');
    expect((await call('POST', '/api/agency-applications', undefined, { ...base, agency: profile('햇살 지역아동센터'), user: { ...base.user, email: 'n@example.kr' } })).json().code).toBe(
      'agency_name_taken',
    );
    expect((await call('POST', '/api/agency-applications', undefined, { ...base, agency: { ...profile('x'), type: 'casino' }, user: { ...base.user, email: 'n@example.kr' } })).statusCode).toBe(400);
    expect(
      (await call('POST', '/api/agency-applications', undefined, { ...base, agency: { ...profile('x'), peopleServed: { emergency: -1, nearPoor: 0, cutOff: 0, recipients: 0 } }, user: { ...base.user, email: 'n@example.kr' } }))
        .statusCode,
    ).toBe(400);
    expect([count('agencies'), count('users')]).toEqual(before);
  });
});

describe('agency status', () => {
  it('moves only along the allowed paths, with a reason to suspend or reject', async () => {
    const { headers, agencyId } = await apply();
    const status = (payload: object) => call('POST', `/api/agencies/${agencyId}/status`, as.staff, payload);
    expect((await status({ status: 'suspended', reason: 'x' })).json()).toMatchObject({ status: 409, code: 'agency_status_change', facts: { from: 'pending', to: 'suspended' } });
    expect((await status({ status: 'rejected' })).json().code).toBe('reason_required');
    expect((await status({ status: 'approved' })).json().status).toBe('approved');
    expect((await status({ status: 'suspended', reason: '서류 보완 필요' })).json()).toMatchObject({ status: 'suspended', statusReason: '서류 보완 필요' });
    expect((await call('POST', '/api/me/requests', headers, request())).json().code).toBe('agency_not_approved');
    expect((await status({ status: 'approved' })).json().status).toBe('approved');
    expect((await call('POST', `/api/agencies/${agencyId}/status`, as.gangseo, { status: 'suspended', reason: 'x' })).statusCode).toBe(404);
    expect((await call('POST', `/api/agencies/${agencyId}/status`, as.sunshine, { status: 'approved' })).statusCode).toBe(403);
  });
});

describe('agencies kept by staff', () => {
  it('are registered approved, edited, and given users by an admin with a temporary password', async () => {
    const created = await call('POST', '/api/agencies', as.staff, { ...profile('공덕 경로당'), type: 'senior_welfare_center' });
    expect(created.json()).toMatchObject({ status: 'approved', type: 'senior_welfare_center' });
    const id = created.json().id;
    const patched = await call('PATCH', `/api/agencies/${id}`, as.staff, { storage: { fridge: true, freezer: false, ambientCapacity: null, chilledCapacity: 20, frozenCapacity: 5 } });
    expect(patched.json().storage).toEqual({ fridge: true, freezer: false, ambientCapacity: null, chilledCapacity: 20, frozenCapacity: null });
    expect((await call('PATCH', `/api/agencies/${id}`, as.staff, { name: '마포노인복지관' })).json().code).toBe('agency_name_taken');
    expect((await call('POST', `/api/agencies/${id}/users`, as.staff, { name: '담당', email: 'gd@example.kr' })).statusCode).toBe(403);
    const user = await call('POST', `/api/agencies/${id}/users`, as.admin, { name: '담당', email: 'gd@example.kr' });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({ user: { role: 'agency', mustChangePassword: true }, temporaryPassword: expect.any(String) });
    expect((await call('GET', `/api/agencies/${id}/users`, as.staff)).json().items.map((u: { email: string }) => u.email)).toEqual(['gd@example.kr']);
    expect((await call('GET', `/api/agencies/${id}/users`, as.gangseo)).statusCode).toBe(404);
    expect((await call('GET', `/api/agencies/${id}`, as.gangseo)).statusCode).toBe(404);
  });

  it('let an agency user see and edit only their own agency', async () => {
    const mine = (await call('GET', '/api/me/agency', as.sunshine)).json().agency;
    expect(mine.name).toBe('햇살지역아동센터');
    const changed = await call('PATCH', '/api/me/agency', as.sunshine, { contactPhone: '02-332-1005', peopleServed: { emergency: 5, nearPoor: 18, cutOff: 3, recipients: 10 } });
    expect(changed.json().agency).toMatchObject({ contactPhone: '023321005', peopleServed: { emergency: 5 } });
    const seniorsRequests = (await call('GET', '/api/me/requests', as.seniors)).json().items as { id: number }[];
    for (const { id } of seniorsRequests) expect((await call('GET', `/api/me/requests/${id}`, as.sunshine)).statusCode).toBe(404);
    expect((await call('GET', '/api/agencies', as.sunshine)).statusCode).toBe(403);
  });
});
