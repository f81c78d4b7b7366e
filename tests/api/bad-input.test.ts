import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import type { Role } from '../../server/domain/roles.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

/**
 * Walks every API route that takes a body and sends it something it must refuse: an unknown
 * field, and a body that is not an object. Each answer must be a 4xx problem+json, and no table
 * may change. The demo dataset gives every route real records to aim at.
 */
let t: TestApp;
const headers = {} as Record<Role, { authorization: string }>;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  for (const role of ['admin', 'staff', 'donor', 'agency'] as const) headers[role] = (await signIn(t.app, DEMO_LOGINS[role], DEMO_PASSWORD)).headers;
});
afterAll(async () => t.close());

/** Rows inserted, updated or deleted on this connection so far: any write moves it. */
const writes = () => (t.app.sqlite.prepare('select total_changes() n').get() as { n: number }).n;

const bodyRoutes = () =>
  t.app.routeAccess.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.access !== 'public' && !r.url.endsWith('/finalize') && !r.url.endsWith('/complete'));

describe('every route with a body', () => {
  it('refuses an unknown field and a non-object body with a 4xx problem, changing nothing', async () => {
    expect(bodyRoutes().length).toBeGreaterThanOrEqual(15);
    const before = writes();
    for (const route of bodyRoutes()) {
      const role = (route.access as readonly Role[])[0]!;
      const url = route.url.replace(/:\w+/g, '1');
      for (const payload of [{ notAField: true }, [1, 2, 3]]) {
        const response = await t.app.inject({ method: route.method as 'POST', url, headers: headers[role], payload });
        const where = `${route.method} ${route.url} with ${JSON.stringify(payload)}`;
        expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, where).toBeLessThan(500);
        expect(response.headers['content-type'], where).toContain('application/problem+json');
      }
    }
    expect(writes()).toBe(before);
  });
});
