import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../scripts/openapi-document.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('is served with readable component names and documents every route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['User', 'Problem', 'AccessToken', 'LoginRequest', 'CreateUserRequest']));
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);

    for (const route of t.app.routeAccess.filter((r) => r.url !== '/api/openapi.json')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation.responses['4XX'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
      expect(Boolean(operation.security), `${route.method} ${path} security`).toBe(route.access !== 'public');
    }
  });

  it('serves interactive docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
  });

  it('matches the committed copy the web client is typed by (run `npm run openapi` after API changes)', async () => {
    const generated = await openapiDocument();
    expect(readFileSync('web/src/api/openapi.json', 'utf8')).toBe(generated);
    const types = astToString(await openapiTS(JSON.parse(generated)));
    const committed = readFileSync('web/src/api/schema.d.ts', 'utf8');
    // The committed file carries a generated header; the declarations must be identical.
    expect(committed.endsWith(types)).toBe(true);
  });
});
