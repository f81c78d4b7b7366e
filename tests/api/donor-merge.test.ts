import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

let t: TestApp;
let staff: { authorization: string };
beforeEach(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
});
afterEach(async () => t.close());

const call = (method: 'GET' | 'POST', url: string, payload?: object, headers = staff) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const find = async (name: string) => (await call('GET', `/api/donors?q=${encodeURIComponent(name)}`)).json().items as { id: number; name: string }[];

describe('duplicate donors', () => {
  it('are found by shared phone (the demo’s self-registered 행복한 교회) and by folded name', async () => {
    const groups = (await call('GET', '/api/donors/duplicates')).json().groups as { reason: string; donors: { name: string }[] }[];
    const church = groups.filter((g) => g.donors.map((d) => d.name).sort().join() === '행복한 교회,행복한교회');
    expect(church.map((g) => g.reason).sort()).toEqual(['name', 'phone']);
  });

  it('merge: donations, planned contributions and accounts move; receipts stay with their record and still show for the kept one', async () => {
    const [kept] = await find('(주)한빛식품');
    // A second record of the same company, as a donor might create at sign-up.
    const copy = (await call('POST', '/api/donors', { kind: 'organisation', name: '한빛식품', phone: '02-2123-4567', allowDuplicate: true, address: '양화로 45' })).json();
    const hanbitReceipts = (await call('GET', `/api/receipts?donorId=${kept!.id}`)).json().items;
    // Merge the kept company into the copy: the copy is what remains.
    const before = (await call('GET', `/api/donations?donorId=${kept!.id}`)).json().items.length;
    const merged = await call('POST', `/api/donors/${kept!.id}/merge`, { intoDonorId: copy.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: copy.id, businessNumber: '120-81-47521', address: '양화로 45', consentReceipts: true });
    expect((await call('GET', `/api/donations?donorId=${copy.id}`)).json().items).toHaveLength(before);
    expect((await call('GET', `/api/donations?donorId=${kept!.id}`)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/planned-contributions?donorId=${copy.id}`)).json().items.length).toBeGreaterThan(0);
    expect((await call('GET', `/api/donors/${kept!.id}`)).json()).toMatchObject({ mergedIntoId: copy.id });
    expect((await find('(주)한빛식품')).map((d) => d.id)).not.toContain(kept!.id);
    expect((await call('GET', `/api/receipts?donorId=${copy.id}`)).json().items.map((r: { serial: string }) => r.serial)).toEqual(
      hanbitReceipts.map((r: { serial: string }) => r.serial),
    );
    // The company's account now acts for the kept record and still sees its receipt.
    const hanbit = (await signIn(t.app, 'csr@hanbit-foods.demo', DEMO_PASSWORD)).headers;
    expect((await call('GET', '/api/me/donor', undefined, hanbit)).json().donor.id).toBe(copy.id);
    expect((await call('GET', '/api/me/receipts', undefined, hanbit)).json().items).toHaveLength(hanbitReceipts.length);
    expect((await call('POST', `/api/donors/${kept!.id}/link-codes`, {})).json().code).toBe('donor_merged');
  });

  it('refuses merging a record into itself, across kinds, twice, or across food banks, changing nothing', async () => {
    const [church] = await find('행복한교회');
    const [minji] = await find('김민지');
    const changes = () => (t.app.sqlite.prepare('select total_changes() n').get() as { n: number }).n;
    const gangseo = (await signIn(t.app, 'admin@gangseo.demo', DEMO_PASSWORD)).headers;
    const before = changes();
    expect((await call('POST', `/api/donors/${church!.id}/merge`, { intoDonorId: church!.id })).json().code).toBe('same_donor');
    expect((await call('POST', `/api/donors/${church!.id}/merge`, { intoDonorId: minji!.id })).json().code).toBe('donor_kind_mismatch');
    expect((await call('POST', `/api/donors/${church!.id}/merge`, { intoDonorId: church!.id + 1 }, gangseo)).statusCode).toBe(404);
    expect((await call('POST', `/api/donors/${church!.id}/merge`, { intoDonorId: 'x' })).statusCode).toBe(400);
    expect(changes()).toBe(before);
    const [selfMade] = await find('행복한 교회');
    expect((await call('POST', `/api/donors/${selfMade!.id}/merge`, { intoDonorId: church!.id })).statusCode).toBe(200);
    expect((await call('POST', `/api/donors/${selfMade!.id}/merge`, { intoDonorId: church!.id })).json().code).toBe('donor_merged');
  });
});
