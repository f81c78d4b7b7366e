import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FoodBankRow, UserRow } from '../../server/db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let bank: FoodBankRow;
let otherBank: FoodBankRow;
let admin: UserRow;
let headers: { authorization: string };

beforeEach(async () => {
  t = await createTestApp();
  bank = makeFoodBank(t.app, { name: '마포구기초푸드뱅크' });
  otherBank = makeFoodBank(t.app, { name: '강서구푸드마켓' });
  admin = await makeUser(t.app, { foodBankId: bank.id, role: 'admin' });
  ({ headers } = await signIn(t.app, admin.email));
});
afterEach(async () => t.close());

const userCount = () => (t.app.sqlite.prepare('select count(*) n from users').get() as { n: number }).n;
const create = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/users', headers, payload });
const patch = (id: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers, payload });

describe('listing users', () => {
  it('shows only the users of the admin’s own food bank', async () => {
    const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    await makeUser(t.app, { foodBankId: otherBank.id, role: 'staff' });
    const response = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((u: { id: number }) => u.id).sort()).toEqual([admin.id, staff.id].sort());
    expect(JSON.stringify(response.json())).not.toContain('scrypt');
  });
});

describe('creating users', () => {
  it('generates a temporary password, shown once, that must be changed at first sign-in', async () => {
    const response = await create({ email: 'New.Staff@Example.org', name: ' 최지우 ', role: 'staff' });
    expect(response.statusCode).toBe(201);
    const { user, temporaryPassword } = response.json();
    expect(user).toMatchObject({ email: 'new.staff@example.org', name: '최지우', role: 'staff', foodBankId: bank.id, mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const session = await signIn(t.app, 'new.staff@example.org', temporaryPassword);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().user.mustChangePassword).toBe(true);
  });

  it('takes a chosen password without asking for a change', async () => {
    const response = await create({ email: 'agency@example.org', name: '햇살지역아동센터', role: 'agency', password: 'a-chosen-password' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).not.toHaveProperty('temporaryPassword');
    expect(response.json().user.mustChangePassword).toBe(false);
    await signIn(t.app, 'agency@example.org', 'a-chosen-password');
  });

  it('refuses a duplicate email in any case, also from another food bank, and writes nothing', async () => {
    await makeUser(t.app, { foodBankId: otherBank.id, role: 'staff', email: 'taken@example.org' });
    const before = userCount();
    const response = await create({ email: 'TAKEN@example.org', name: 'x', role: 'staff' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('email_taken');
    expect(userCount()).toBe(before);
  });

  it('creates one account when the same form is sent twice at once', async () => {
    const payload = { email: 'twice@example.org', name: 'Twice', role: 'staff' };
    const responses = await Promise.all([create(payload), create(payload)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((t.app.sqlite.prepare("select count(*) n from users where email = 'twice@example.org'").get() as { n: number }).n).toBe(1);
  });

  it.each([
    [{ email: 'x@example.org', name: 'x', role: 'superuser' }, '/role'],
    [{ email: 'not-an-email', name: 'x', role: 'staff' }, '/email'],
    [{ email: 'x@example.org', name: '', role: 'staff' }, '/name'],
    [{ email: 'x@example.org', name: 'x', role: 'staff', password: 'short' }, '/password'],
    [{ email: 'x@example.org', name: 'x', role: 'staff', foodBankId: 99 }, '/foodBankId'],
    [{ name: 'x', role: 'staff' }, '/email'],
  ])('refuses %j naming the field %s, writing nothing', async (payload, field) => {
    const before = userCount();
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(userCount()).toBe(before);
  });
});

describe('changing users', () => {
  it('changes name and role', async () => {
    const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const response = await patch(staff.id, { name: '정하은', role: 'admin' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: staff.id, name: '정하은', role: 'admin' });
  });

  it('disabling revokes every session of the user at once; re-enabling lets them sign in again', async () => {
    const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const session = await signIn(t.app, staff.email);
    expect((await patch(staff.id, { disabled: true })).json().disabled).toBe(true);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { fb_refresh: session.refreshCookie } });
    expect(refreshed.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(401);
    const open = t.app.sqlite.prepare('select count(*) n from refresh_tokens where user_id = ? and revoked_at is null').get(staff.id);
    expect(open).toEqual({ n: 0 });

    expect((await patch(staff.id, { disabled: false })).json().disabled).toBe(false);
    await signIn(t.app, staff.email);
  });

  it('stops admins removing their own access, so a food bank always keeps an admin', async () => {
    const self = await patch(admin.id, { role: 'staff' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_change_own_access');
    expect((await patch(admin.id, { disabled: true })).json().code).toBe('cannot_change_own_access');
    expect((await patch(admin.id, { name: '새 이름' })).statusCode).toBe(200);
  });

  it('applies a role change at once, also to tokens already issued', async () => {
    const other = await makeUser(t.app, { foodBankId: bank.id, role: 'admin' });
    const otherHeaders = (await signIn(t.app, other.email)).headers;
    expect((await patch(other.id, { role: 'staff' })).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'GET', url: '/api/users', headers: otherHeaders });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
  });

  it('refuses an empty or unknown change and writes nothing', async () => {
    const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    expect((await patch(staff.id, {})).statusCode).toBe(400);
    expect((await patch(staff.id, { role: 'staff', email: 'new@x.org' })).json().errors).toEqual([
      { field: '/email', message: 'is not an allowed field' },
    ]);
    expect((await patch(staff.id, { disabled: 'yes' })).statusCode).toBe(400);
    const row = t.app.sqlite.prepare('select email, role, updated_at from users where id = ?').get(staff.id);
    expect(row).toEqual({ email: staff.email, role: 'staff', updated_at: null });
  });
});

describe('tenant isolation', () => {
  it('answers 404 for another food bank’s user and changes nothing', async () => {
    const stranger = await makeUser(t.app, { foodBankId: otherBank.id, role: 'staff', name: '남의 직원' });
    const read = await t.app.inject({ method: 'GET', url: `/api/users/${stranger.id}`, headers });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('not_found');
    for (const payload of [{ disabled: true }, { role: 'admin' }, { name: 'x' }]) {
      expect((await patch(stranger.id, payload)).statusCode).toBe(404);
    }
    const row = t.app.sqlite.prepare('select name, role, disabled_at from users where id = ?').get(stranger.id);
    expect(row).toEqual({ name: '남의 직원', role: 'staff', disabled_at: null });
  });

  it('answers the same 404 for a user that does not exist at all', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/users/999999', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });
});
