import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../server/domain/roles.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

/**
 * Every API route declares who may call it; this walks the declarations and proves each protected
 * route refuses anonymous callers (401) and every role it does not list (403).
 */
let t: TestApp;
const headersByRole = {} as Record<Role, { authorization: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const bank = makeFoodBank(t.app);
  for (const role of ROLES) {
    const user = await makeUser(t.app, { foodBankId: bank.id, role });
    headersByRole[role] = (await signIn(t.app, user.email)).headers;
  }
});
afterAll(async () => t.close());

const concreteUrl = (url: string) => url.replace(/:\w+/g, '1');
const protectedRoutes = () => t.app.routeAccess.filter((r) => r.access !== 'public');

describe('route access', () => {
  it('exposes only the intended public routes', () => {
    const publicRoutes = t.app.routeAccess.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(
      ['GET /api/health', 'GET /api/openapi.json', 'GET /api/food-banks', 'POST /api/agency-applications', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/refresh', 'POST /api/auth/signup'].sort(),
    );
    expect(protectedRoutes().length).toBeGreaterThanOrEqual(6);
  });

  it('refuses anonymous callers on every protected route', async () => {
    for (const route of protectedRoutes()) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), payload: route.method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses every role a route does not list, before looking at the request', async () => {
    let refusals = 0;
    for (const route of protectedRoutes()) {
      for (const role of ROLES.filter((r) => !route.access.includes(r))) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: headersByRole[role],
          payload: route.method === 'GET' ? undefined : {},
        });
        expect(response.statusCode, `${role} → ${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe('forbidden');
        refusals++;
      }
    }
    // users routes are admin-only: 4 routes × 3 other roles at least.
    expect(refusals).toBeGreaterThanOrEqual(12);
  });

  it('lets every listed role through the role check', async () => {
    for (const route of protectedRoutes()) {
      for (const role of route.access as readonly Role[]) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: headersByRole[role],
          payload: route.method === 'GET' ? undefined : {},
        });
        expect([401, 403], `${role} → ${route.method} ${route.url}`).not.toContain(response.statusCode);
      }
    }
  });
});
