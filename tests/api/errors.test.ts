import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let headers: { authorization: string };
const userCount = () => (t.app.sqlite.prepare('select count(*) n from users').get() as { n: number }).n;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '2048' }, (app) => {
    app.get('/boom', async () => {
      throw new Error('secret internal detail: table users is on fire');
    });
  });
  const bank = makeFoodBank(t.app);
  const admin = await makeUser(t.app, { foodBankId: bank.id, role: 'admin' });
  ({ headers } = await signIn(t.app, admin.email));
});
afterAll(async () => t.close());

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ status, code, type: `urn:foodbank:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
  return body;
}

describe('bad input', () => {
  it('malformed JSON → 400 malformed_json, nothing written', async () => {
    const before = userCount();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"email": "a@b.org", "name": ',
    });
    expectProblem(response, 400, 'malformed_json');
    expect(userCount()).toBe(before);
  });

  it('an empty JSON body → 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(response, 400, 'empty_body');
  });

  it('a wrong content type → 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { ...headers, 'content-type': type },
        payload: 'email=a@b.org&name=x&role=staff',
      });
      expectProblem(response, 415, 'unsupported_media_type');
    }
  });

  it('an oversized body → 413 payload_too_large, nothing written', async () => {
    const before = userCount();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { email: 'big@example.org', name: 'x'.repeat(5000), role: 'staff' },
    });
    expectProblem(response, 413, 'payload_too_large');
    expect(userCount()).toBe(before);
  });

  it('an invalid path parameter → 400 validation_failed naming it', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/users/abc', headers }), 400, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ field: '/id' })]);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/users/0', headers }), 400, 'validation_failed');
  });

  it('an unknown route → 404 route_not_found, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expectProblem(await t.app.inject({ method, url: '/api/no-such-thing' }), 404, 'route_not_found');
    }
    // Without a built web app, page paths are unknown too.
    expectProblem(await t.app.inject({ method: 'GET', url: '/some/page' }), 404, 'route_not_found');
  });

  it('a server failure → 500 that reveals nothing; the log has the detail', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/boom' });
    const body = expectProblem(response, 500, 'internal_error');
    expect(JSON.stringify(body)).not.toContain('fire');
    expect(t.logs.join('\n')).toContain('table users is on fire');
  });
});

describe('request ids', () => {
  it('echoes a plain x-request-id and uses it in the logs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'desk-7.scan-42' } });
    expect(response.headers['x-request-id']).toBe('desk-7.scan-42');
    expect(t.logs.some((line) => JSON.parse(line).reqId === 'desk-7.scan-42')).toBe(true);
  });

  it('replaces a request id that could forge log lines', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'evil id {"level":60}' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('reports liveness and the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
