import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

let t: TestApp;
let staff: { authorization: string };
let admin: { authorization: string };
interface Donation {
  id: number;
  donorId: number;
  donorName: string;
  receivedOn: string;
  acceptedValue: number;
  lines: { accepted: boolean }[];
}
let donations: Donation[];

beforeEach(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
  admin = (await signIn(t.app, DEMO_LOGINS.admin, DEMO_PASSWORD)).headers;
  donations = (await t.app.inject({ method: 'GET', url: '/api/donations?status=completed', headers: staff })).json().items;
});
afterEach(async () => t.close());

const year = new Date().getFullYear();
const post = (url: string, payload: object = {}, headers = staff) => t.app.inject({ method: 'POST', url, headers, payload });
const issueFor = (donation: Donation) => post(`/api/donations/${donation.id}/receipt`);

describe('donation receipts', () => {
  it('carry the accepted goods only, the donor masked, and a serial; asking again gives the same receipt', async () => {
    const withRejected = donations.find((d) => d.lines.some((l) => !l.accepted))!;
    const first = await issueFor(withRejected);
    expect(first.statusCode).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({ serial: `${year}-000001`, kind: 'donation', form: 'donation_receipt', donorName: withRejected.donorName, totalAmount: withRejected.acceptedValue });
    expect(receipt.lines.reduce((sum: number, l: { amount: number }) => sum + l.amount, 0)).toBe(withRejected.acceptedValue);
    const again = await issueFor(withRejected);
    expect(again.statusCode).toBe(200);
    expect(again.json().serial).toBe(receipt.serial);

    const minji = donations.find((d) => d.donorName === '김민지')!;
    const personal = (await issueFor(minji)).json();
    expect(personal.donorRegistrationMasked).toBe('950315-2******');
    expect(JSON.stringify(personal)).not.toContain('2234567');
  });

  it('get gapless serials under concurrent and repeated issuing', async () => {
    const requests = donations.flatMap((d) => [issueFor(d), issueFor(d)]);
    const responses = await Promise.all(requests);
    expect(responses.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    const serials = t.app.sqlite.prepare('select serial from receipts order by serial').all().map((r) => (r as { serial: string }).serial);
    expect(serials).toEqual(donations.map((_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
  });

  it('are voided with a reason (admins only), never edited, and reissued under a new serial', async () => {
    const receipt = (await issueFor(donations[0]!)).json();
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: '주소 오기' })).statusCode).toBe(403);
    const voided = await post(`/api/receipts/${receipt.id}/void`, { reason: '주소 오기' }, admin);
    expect(voided.json()).toMatchObject({ serial: receipt.serial, voidReason: '주소 오기' });
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: 'again' }, admin)).json().code).toBe('receipt_voided');

    const reissued = await post(`/api/receipts/${receipt.id}/reissue`, {}, admin);
    expect(reissued.statusCode).toBe(201);
    expect(reissued.json()).toMatchObject({ serial: `${year}-000002`, reissueOf: receipt.id, totalAmount: receipt.totalAmount });
    expect((await post(`/api/receipts/${receipt.id}/reissue`, {}, admin)).json().code).toBe('already_receipted');
    // The database itself refuses edits and deletions.
    expect(() => t.app.sqlite.prepare('update receipts set total_amount = 1 where id = ?').run(reissued.json().id)).toThrow(/never edited/);
    expect(() => t.app.sqlite.prepare('delete from receipts').run()).toThrow(/kept/);
    const register = (await t.app.inject({ method: 'GET', url: '/api/receipts', headers: staff })).json().items;
    expect(register.map((r: { serial: string; voidedAt: string | null }) => [r.serial, r.voidedAt !== null])).toEqual([
      [`${year}-000002`, false],
      [`${year}-000001`, true],
    ]);
  });

  it('consolidate a donor’s year, leaving out donations that already have a receipt', async () => {
    const hanbit = donations.filter((d) => d.donorName === '(주)한빛식품' && d.receivedOn.startsWith(String(year)));
    const minji = donations.find((d) => d.donorName === '김민지' && d.receivedOn.startsWith(String(year)));
    if (!minji) return; // the demo's recent intake lies in the previous year in early January
    const annual = await post(`/api/donors/${minji.donorId}/annual-receipts`, { year });
    expect(annual.statusCode).toBe(201);
    expect(annual.json()).toMatchObject({ kind: 'annual', periodYear: year, donationIds: [minji.id], totalAmount: minji.acceptedValue });
    expect((await post(`/api/donors/${minji.donorId}/annual-receipts`, { year })).statusCode).toBe(200);
    if (hanbit.length > 0) {
      await issueFor(hanbit[0]!);
      const nothing = await post(`/api/donors/${hanbit[0]!.donorId}/annual-receipts`, { year });
      expect(nothing.json().code).toBe('nothing_to_receipt');
    }
  });

  it('refuse drafts, bad input and other food banks', async () => {
    const draft = (await t.app.inject({ method: 'GET', url: '/api/donations?status=draft', headers: staff })).json().items[0];
    expect((await post(`/api/donations/${draft.id}/receipt`)).json().code).toBe('donation_not_completed');
    expect((await post(`/api/donations/${donations[0]!.id}/receipt`, { form: 'napkin' })).statusCode).toBe(400);
    const gangseo = (await signIn(t.app, 'admin@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await post(`/api/donations/${donations[0]!.id}/receipt`, {}, gangseo)).statusCode).toBe(404);
    const receipt = (await issueFor(donations[0]!)).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/receipts/${receipt.id}`, headers: gangseo })).statusCode).toBe(404);
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: 'x' }, gangseo)).statusCode).toBe(404);
    expect(t.app.sqlite.prepare('select count(*) n from receipts').get()).toEqual({ n: 1 });
  });
});
