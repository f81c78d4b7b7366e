import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';

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
const serial = (n: number) => `${year}-${String(n).padStart(6, '0')}`;
const post = (url: string, payload: object = {}, headers = staff) => t.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string, headers = staff) => t.app.inject({ method: 'GET', url, headers });
const issueFor = (donation: Donation) => post(`/api/donations/${donation.id}/receipt`);
/** Serials taken so far (the demo issues three: one of them voided and reissued). */
const serials = () => t.app.sqlite.prepare('select serial from receipts order by serial').all().map((r) => (r as { serial: string }).serial);
const covered = async () => new Set((await get('/api/receipts')).json().items.filter((r: { voidedAt: string | null }) => !r.voidedAt).flatMap((r: { donationIds: number[] }) => r.donationIds));

describe('donation receipts', () => {
  it('carry the accepted goods only, the donor masked, the food bank as set, and the next serial; asking again gives the same receipt', async () => {
    const open = [...(await covered())];
    const withRejected = donations.find((d) => d.lines.some((l) => !l.accepted) && !open.includes(d.id))!;
    const before = serials().length;
    const first = await issueFor(withRejected);
    expect(first.statusCode).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({
      serial: serial(before + 1),
      kind: 'donation',
      form: 'donation_receipt',
      donorName: withRejected.donorName,
      totalAmount: withRejected.acceptedValue,
      issuerName: '최지우',
      foodBank: { name: '마포구기초푸드뱅크', registrationNumber: '105-82-05427', typeCode: '40' },
    });
    expect(receipt.lines.reduce((sum: number, l: { amount: number }) => sum + l.amount, 0)).toBe(withRejected.acceptedValue);
    const again = await issueFor(withRejected);
    expect(again.statusCode).toBe(200);
    expect(again.json().serial).toBe(receipt.serial);
  });

  it('get gapless serials under concurrent and repeated issuing', async () => {
    const responses = await Promise.all(donations.flatMap((d) => [issueFor(d), issueFor(d)]));
    expect(responses.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    const taken = serials();
    expect(taken).toEqual(taken.map((_, i) => serial(i + 1)));
    // Every completed donation is covered by exactly one receipt in force.
    expect([...(await covered())].sort()).toEqual(donations.map((d) => d.id).sort());
  });

  it('are voided with a reason (admins only), never edited, and reissued under a new serial', async () => {
    const target = donations.find((d) => d.donorName === '행복한교회')!;
    const receipt = (await issueFor(target)).json();
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: '주소 오기' })).statusCode).toBe(403);
    const voided = await post(`/api/receipts/${receipt.id}/void`, { reason: '주소 오기' }, admin);
    expect(voided.json()).toMatchObject({ serial: receipt.serial, voidReason: '주소 오기' });
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: 'again' }, admin)).json().code).toBe('receipt_voided');

    const reissued = await post(`/api/receipts/${receipt.id}/reissue`, {}, admin);
    expect(reissued.statusCode).toBe(201);
    expect(reissued.json()).toMatchObject({ serial: serial(serials().length), reissueOf: receipt.id, reissueOfSerial: receipt.serial, totalAmount: receipt.totalAmount });
    expect((await post(`/api/receipts/${receipt.id}/reissue`, {}, admin)).json().code).toBe('already_receipted');
    // The database itself refuses edits and deletions, of the printed details too.
    const id = reissued.json().id;
    expect(() => t.app.sqlite.prepare('update receipts set total_amount = 1 where id = ?').run(id)).toThrow(/never edited/);
    expect(() => t.app.sqlite.prepare("update receipts set food_bank_address = 'x' where id = ?").run(id)).toThrow(/never edited/);
    expect(() => t.app.sqlite.prepare('delete from receipts').run()).toThrow(/kept/);
    const register = (await get(`/api/receipts?donorId=${target.donorId}`)).json().items;
    expect(register.map((r: { serial: string; voidedAt: string | null }) => [r.serial, r.voidedAt !== null])).toEqual([
      [reissued.json().serial, false],
      [receipt.serial, true],
    ]);
  });

  it('consolidate a donor’s year, leaving out donations that already have a receipt', async () => {
    const seojun = donations.find((d) => d.donorName === '윤서준' && d.receivedOn.startsWith(String(year)));
    if (!seojun) return; // the demo's recent intake lies in the previous year in early January
    const annual = await post(`/api/donors/${seojun.donorId}/annual-receipts`, { year });
    expect(annual.statusCode).toBe(201);
    expect(annual.json()).toMatchObject({ kind: 'annual', periodYear: year, donationIds: [seojun.id], totalAmount: seojun.acceptedValue });
    expect((await post(`/api/donors/${seojun.donorId}/annual-receipts`, { year })).statusCode).toBe(200);
    // 김민지's only donation has the demo's reissued receipt: nothing is left for an annual one.
    const minji = donations.find((d) => d.donorName === '김민지')!;
    expect((await post(`/api/donors/${minji.donorId}/annual-receipts`, { year: Number(minji.receivedOn.slice(0, 4)) })).json().code).toBe('nothing_to_receipt');
  });

  it('refuse drafts, bad input and other food banks, writing nothing', async () => {
    const before = serials().length;
    const draft = (await get('/api/donations?status=draft')).json().items[0];
    expect((await post(`/api/donations/${draft.id}/receipt`)).json().code).toBe('donation_not_completed');
    expect((await post(`/api/donations/${donations[0]!.id}/receipt`, { form: 'napkin' })).statusCode).toBe(400);
    expect((await post(`/api/donors/${donations[0]!.donorId}/annual-receipts`, { year: 1999 })).statusCode).toBe(400);
    const gangseo = (await signIn(t.app, 'admin@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await post(`/api/donations/${donations[0]!.id}/receipt`, {}, gangseo)).statusCode).toBe(404);
    const receipt = (await get('/api/receipts')).json().items[0];
    expect((await get(`/api/receipts/${receipt.id}`, gangseo)).statusCode).toBe(404);
    expect((await get(`/api/receipts/${receipt.id}/pdf`, gangseo)).statusCode).toBe(404);
    expect((await post(`/api/receipts/${receipt.id}/void`, { reason: 'x' }, gangseo)).statusCode).toBe(404);
    expect((await get('/api/receipts', gangseo)).json().items).toEqual([]);
    expect(serials()).toHaveLength(before);
  });
});

describe('receipt settings', () => {
  it('must be complete before a food bank issues its first receipt; admins set them, staff read them', async () => {
    const bank = makeFoodBank(t.app);
    const newAdmin = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'admin' })).email)).headers;
    const newStaff = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'staff' })).email)).headers;
    expect((await get('/api/receipt-settings', newStaff)).json()).toMatchObject({ complete: false, registrationNumber: null });
    const patch = (payload: object, headers: Record<string, string>) => t.app.inject({ method: 'PATCH', url: '/api/receipt-settings', headers, payload });
    expect((await patch({ address: '서울' }, newStaff)).statusCode).toBe(403);
    expect((await patch({ receiptTypeCode: 'forty' }, newAdmin)).statusCode).toBe(400);
    expect((await patch({ registrationNumber: '12-34' }, newAdmin)).statusCode).toBe(400);
    const set = await patch({ registrationNumber: '1098211368', address: ' 서울특별시 강서구 ', legalBasis: '「법인세법 시행령」 제39조제1항제1호', receiptTypeCode: '40' }, newAdmin);
    expect(set.json()).toMatchObject({ complete: true, registrationNumber: '109-82-11368', address: '서울특별시 강서구', representative: null });
    expect((await patch({ legalBasis: null }, newAdmin)).json().complete).toBe(false);
  });

  it('are what a receipt prints on the day; later changes leave issued receipts as they were', async () => {
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/receipt-settings', headers: admin, payload });
    await patch({ legalBasis: null });
    const target = donations.find((d) => d.donorName === '마포농협 하나로마트')!;
    const refused = await issueFor(target);
    expect(refused.json()).toMatchObject({ status: 422, code: 'receipt_settings_missing', facts: { missing: 'legalBasis' } });
    await patch({ legalBasis: '옛 근거법령' });
    const receipt = (await issueFor(target)).json();
    await patch({ legalBasis: '새 근거법령', address: '새 주소' });
    expect((await get(`/api/receipts/${receipt.id}`)).json().foodBank).toMatchObject({ legalBasis: '옛 근거법령', address: DEMO_ADDRESS });
  });
});
const DEMO_ADDRESS = '서울특별시 마포구 월드컵북로 212 마포구기초푸드뱅크';

describe('receipt PDF', () => {
  it('is an A4 PDF in Korean with the donor, the plain resident number and the total, decrypted only for it', async () => {
    const minji = (await get('/api/receipts')).json().items.find((r: { donorName: string; voidedAt: string | null }) => r.donorName === '김민지' && !r.voidedAt);
    const response = await get(`/api/receipts/${minji.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="receipt-${minji.serial}.pdf"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('김민지');
    expect(text).toContain('950315-2234567');
    expect(text).toContain(minji.serial);
    expect(text).toContain(`${minji.totalAmount.toLocaleString('ko-KR')}원`);
    expect(text).toContain('마포구기초푸드뱅크');
    // Only the PDF carries it: no JSON answer, log line or column does.
    expect(JSON.stringify(minji)).not.toContain('2234567');
    expect(t.logs.join('\n')).not.toContain('2234567');
    const columns = t.app.sqlite.prepare('select * from receipts').all().flatMap((row) => Object.values(row as object).map(String));
    expect(columns.some((value) => value.includes('2234567'))).toBe(false);
  });

  it('prints a void mark on a voided receipt and the book-value form for surplus food', async () => {
    const items = (await get('/api/receipts')).json().items;
    const voided = items.find((r: { voidedAt: string | null }) => r.voidedAt);
    expect(await pdfText((await get(`/api/receipts/${voided.id}/pdf`)).rawPayload)).toContain('기부자 요청으로 주소 정정');
    const food = items.find((r: { form: string }) => r.form === 'food_donation_receipt');
    const text = await pdfText((await get(`/api/receipts/${food.id}/pdf`)).rawPayload);
    expect(text).toContain('기부식품 등 영수증');
    expect(text).toContain('120-81-47521');
  });
});
