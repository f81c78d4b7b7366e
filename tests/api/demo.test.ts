import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

let t: TestApp;
let staff: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.app.db, t.app.cipher)).toBe(true);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
});
afterAll(async () => t.close());

const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: staff })).json();

describe('the demo dataset', () => {
  it('signs in every printed login', async () => {
    for (const email of Object.values(DEMO_LOGINS)) await signIn(t.app, email, DEMO_PASSWORD);
  });

  it('is seeded once', async () => {
    expect(await seedDemo(t.app.db, t.app.cipher)).toBe(false);
  });

  it('has realistic stock in all three zones, with history that verifies against the ledger', async () => {
    const stock = (await get('/api/stock/items')).items;
    expect(stock.length).toBeGreaterThanOrEqual(12);
    for (const zone of ['ambient', 'chilled', 'frozen']) expect((await get(`/api/stock/items?zone=${zone}`)).items.length).toBeGreaterThan(0);
    const reasons = t.app.sqlite.prepare('select distinct reason from stock_movements order by reason').all().map((r) => (r as { reason: string }).reason);
    expect(reasons).toEqual(['disposal', 'handover', 'intake', 'transfer_in', 'transfer_out']);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('has lots expiring soon, an expired lot still on hand, items below minimum, a draft and rejected lines', async () => {
    const soon = (await get('/api/stock/lots?expiringWithinDays=7')).items;
    expect(soon.some((l: { expired: boolean }) => l.expired)).toBe(true);
    expect(soon.some((l: { expired: boolean }) => !l.expired)).toBe(true);
    expect((await get('/api/stock/items?belowMinimum=true')).items.length).toBeGreaterThan(0);
    expect((await get('/api/donations?status=draft')).items).toHaveLength(1);
    const completed = (await get('/api/donations?status=completed')).items;
    expect(completed.flatMap((d: { lines: { accepted: boolean }[] }) => d.lines).some((l: { accepted: boolean }) => !l.accepted)).toBe(true);
    expect((await get('/api/barcodes/8801060000021')).quantityPerScan).toBe(40);
  });
});
