import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn, TEST_PASSWORD } from '../support/factories.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const login = (email: string, password: string, remoteAddress?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
const refresh = (cookie: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { fb_refresh: cookie } });

describe('login', () => {
  it('returns a short-lived access token and sets an httpOnly SameSite=Strict refresh cookie', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff', email: 'Kim@Example.org' });
    const response = await login('KIM@example.ORG', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.id, role: 'staff' } });
    const claims = t.app.jwt.decode<{ exp: number; iat: number; sub: string }>(body.accessToken)!;
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.sub).toBe(String(user.id));

    const cookie = response.cookies.find((c) => c.name === 'fb_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    // Only the hash is stored: the cookie value appears nowhere in the database.
    const stored = t.app.sqlite.prepare('select token_hash from refresh_tokens').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(cookie.value);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    for (const response of [await login(user.email, 'wrong-password'), await login('nobody@x.org', 'wrong-password')]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('invalid_credentials');
    }
    expect(t.app.sqlite.prepare('select count(*) n from refresh_tokens').get()).toEqual({ n: 0 });
  });

  it('stores passwords only as scrypt hashes', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('locks an account after repeated failures, even from many addresses, and says when to retry', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    for (let i = 0; i < 5; i++) {
      expect((await login(user.email, 'wrong-password', `10.0.0.${i + 1}`)).statusCode).toBe(401);
    }
    const locked = await login(user.email, TEST_PASSWORD, '10.0.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'account_locked' });
    expect(locked.json().retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    expect((await login(other.email, TEST_PASSWORD, '10.0.1.1')).statusCode).toBe(200);
  });

  it('is rate-limited per IP address', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempt = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          payload: { email: `someone${Math.random()}@x.org`, password: 'whatever-password' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt('192.0.2.7')).statusCode).toBe(401);
      const refused = await attempt('192.0.2.7');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('rate_limited');
      expect((await attempt('192.0.2.8')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('answers disabled accounts with account_disabled only when the password is right', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    t.app.sqlite.prepare("update users set disabled_at = '2026-01-01T00:00:00Z' where id = ?").run(user.id);
    expect((await login(user.email, TEST_PASSWORD)).json().code).toBe('account_disabled');
    expect((await login(user.email, 'wrong-password')).json().code).toBe('invalid_credentials');
  });
});

describe('refresh tokens', () => {
  it('rotate on every use, and a reused token ends the whole session', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const { refreshCookie: first } = await signIn(t.app, user.email);

    const rotated = await refresh(first);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.cookies.find((c) => c.name === 'fb_refresh')!.value;
    expect(second).not.toBe(first);
    expect(rotated.json().user.id).toBe(user.id);

    // The first token was used once already: presenting it again is theft, so both die.
    const replay = await refresh(first);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_refresh_token');
    expect((await refresh(second)).statusCode).toBe(401);
  });

  it('are refused when missing, unknown or expired', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh' })).statusCode).toBe(401);
    expect((await refresh('made-up-token')).statusCode).toBe(401);
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const { refreshCookie } = await signIn(t.app, user.email);
    t.app.sqlite.prepare("update refresh_tokens set expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await refresh(refreshCookie)).statusCode).toBe(401);
  });

  it('stop working after logout, while other devices stay signed in', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const phone = await signIn(t.app, user.email);
    const desk = await signIn(t.app, user.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { fb_refresh: phone.refreshCookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'fb_refresh')?.value).toBe('');
    expect((await refresh(phone.refreshCookie)).statusCode).toBe(401);
    expect((await refresh(desk.refreshCookie)).statusCode).toBe(200);
  });
});

describe('access tokens', () => {
  it('are required, must be valid, and stop working when the user is disabled', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
    const none = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthorized');

    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('invalid_token');

    const expired = t.app.jwt.sign({ sub: String(user.id), fb: bank.id, role: 'staff' }, { expiresIn: -10 });
    const late = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${expired}` } });
    expect(late.statusCode).toBe(401);

    const { headers } = await signIn(t.app, user.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    t.app.sqlite.prepare("update users set disabled_at = '2026-01-01T00:00:00Z' where id = ?").run(user.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });
});

describe('GET /api/me', () => {
  it('returns the user and their food bank', async () => {
    const metro = makeFoodBank(t.app, { name: '서울특별시광역푸드뱅크', tier: 'metro' });
    const bank = makeFoodBank(t.app, { name: '마포구기초푸드뱅크', tier: 'local', parentId: metro.id });
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'donor', name: '윤서준' });
    const { headers } = await signIn(t.app, user.email);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.json()).toEqual({
      user: expect.objectContaining({ id: user.id, name: '윤서준', role: 'donor', disabled: false }),
      foodBank: { id: bank.id, name: '마포구기초푸드뱅크', tier: 'local', parentId: metro.id, region: null },
    });
    expect(me.json().user).not.toHaveProperty('passwordHash');
  });
});

describe('changing the own password', () => {
  it('is required first for a temporary password, and ends the other sessions', async () => {
    const bank = makeFoodBank(t.app);
    const admin = await makeUser(t.app, { foodBankId: bank.id, role: 'admin', mustChangePassword: true });
    const session = await signIn(t.app, admin.email);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: session.headers,
        payload: { currentPassword, newPassword },
      });
    expect((await change('not-my-password', 'a-new-long-password')).json().code).toBe('wrong_password');
    expect((await change(TEST_PASSWORD, 'short')).json().code).toBe('validation_failed');
    expect((await change(TEST_PASSWORD, TEST_PASSWORD)).json().code).toBe('password_unchanged');

    const changed = await change(TEST_PASSWORD, 'a-new-long-password');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await refresh(session.refreshCookie)).statusCode).toBe(401);
    const fresh = { authorization: `Bearer ${changed.json().accessToken}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: fresh })).statusCode).toBe(200);
    expect((await login(admin.email, 'a-new-long-password')).statusCode).toBe(200);
  });
});

describe('logging', () => {
  it('never writes passwords, tokens or cookies', async () => {
    const bank = makeFoodBank(t.app);
    const user = await makeUser(t.app, { foodBankId: bank.id, role: 'admin' });
    const session = await signIn(t.app, user.email);
    await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    await refresh(session.refreshCookie);
    await login(user.email, 'Wrong-Secret-Guess-123');
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { email: 'new@x.org', name: 'N', role: 'staff', password: 'Another-Secret-456' },
    });
    const all = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThanOrEqual(5);
    for (const secret of [TEST_PASSWORD, 'Wrong-Secret-Guess-123', 'Another-Secret-456', session.token, session.refreshCookie]) {
      expect(all).not.toContain(secret);
    }
  });
});
