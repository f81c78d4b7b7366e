import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';

/** A donor signs up, links to the record staff keep, and sees their own donations and receipts only. */
let t: TestApp;
let staff: { authorization: string };
let mapoId: number;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
  mapoId = (await t.app.inject({ method: 'GET', url: '/api/food-banks' })).json().items.find((b: { name: string }) => b.name === '마포구기초푸드뱅크').id;
});
afterAll(async () => t.close());

type Headers = { authorization: string };
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Headers, payload?: object) =>
  t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
let emails = 0;
async function signUp(name = '이수민'): Promise<Headers> {
  const response = await call('POST', '/api/auth/signup', undefined, { foodBankId: mapoId, name, email: `donor${++emails}@example.kr`, password: 'nanum-2026-gift' });
  expect(response.statusCode).toBe(201);
  return { authorization: `Bearer ${response.json().accessToken}` };
}
const donorIdOf = async (name: string) => (await call('GET', `/api/donors?q=${encodeURIComponent(name)}`, staff)).json().items[0].id as number;

describe('donor sign-up', () => {
  it('creates a donor account in the chosen food bank, signed in and not yet linked', async () => {
    const response = await call('POST', '/api/auth/signup', undefined, { foodBankId: mapoId, name: ' 이수민 ', email: 'SUMIN@Example.kr', password: 'nanum-2026-gift' });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ role: 'donor', email: 'sumin@example.kr', name: '이수민', foodBankId: mapoId });
    expect(response.cookies.some((c) => c.name === 'fb_refresh' && c.httpOnly)).toBe(true);
    const headers = { authorization: `Bearer ${response.json().accessToken}` };
    expect((await call('GET', '/api/me/donor', headers)).json()).toEqual({ linked: false, foodBankName: '마포구기초푸드뱅크', donor: null });
    for (const url of ['/api/me/donations', '/api/me/receipts', '/api/me/planned-contributions']) {
      expect((await call('GET', url, headers)).json().code, url).toBe('donor_not_linked');
    }
    expect(t.logs.join('\n')).not.toContain('nanum-2026-gift');
  });

  it('refuses a taken email, an unknown food bank, a short password and unknown fields, writing nothing', async () => {
    const users = count('users');
    const base = { foodBankId: mapoId, name: '박하늘', email: 'donor@mapo.demo', password: 'nanum-2026-gift' };
    expect((await call('POST', '/api/auth/signup', undefined, base)).json()).toMatchObject({ status: 409, code: 'email_taken' });
    expect((await call('POST', '/api/auth/signup', undefined, { ...base, email: 'new@example.kr', foodBankId: 999 })).json().code).toBe('unknown_food_bank');
    expect((await call('POST', '/api/auth/signup', undefined, { ...base, email: 'new@example.kr', password: 'short' })).statusCode).toBe(400);
    expect((await call('POST', '/api/auth/signup', undefined, { ...base, email: 'new@example.kr', role: 'admin' })).statusCode).toBe(400);
    expect(count('users')).toBe(users);
  });
});

describe('linking an account to a donor record', () => {
  it('takes a one-time code from staff; the code works once, in its own food bank only', async () => {
    const minjiId = await donorIdOf('김민지');
    const made = await call('POST', `/api/donors/${minjiId}/link-codes`, staff, {});
    expect(made.statusCode).toBe(201);
    const { code } = made.json();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(JSON.stringify(t.app.sqlite.prepare('select * from donor_link_codes').all())).not.toContain(code.replace('-', ''));

    const gangseoAdmin = (await signIn(t.app, 'admin@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await call('POST', `/api/donors/${minjiId}/link-codes`, gangseoAdmin, {})).statusCode).toBe(404);
    const gangseoDonor = (await signIn(t.app, 'donor@gangseo.demo', DEMO_PASSWORD)).headers;
    expect((await call('POST', '/api/me/donor/link', gangseoDonor, { code })).json().code).toBe('invalid_link_code');

    const donor = await signUp('김민지');
    expect((await call('POST', '/api/me/donor/link', donor, { code: 'ABCD-EFGH' })).json()).toMatchObject({ status: 422, code: 'invalid_link_code' });
    // Typed in lower case without the dash, as people do.
    const linked = await call('POST', '/api/me/donor/link', donor, { code: code.replace('-', '').toLowerCase() });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ linked: true, donor: { id: minjiId, name: '김민지', residentNumberMasked: '950315-2******' } });
    expect(linked.json().donor).not.toHaveProperty('notes');
    expect(linked.body).not.toContain('2234567');
    expect((await call('GET', `/api/donors/${minjiId}`, staff)).json().linkedAccounts).toHaveLength(1);

    const another = await signUp('김민지 가족');
    expect((await call('POST', '/api/me/donor/link', another, { code })).json().code).toBe('invalid_link_code');
    expect((await call('POST', '/api/me/donor/link', donor, { code })).json().code).toBe('already_linked');
  });

  it('lets a new donor start their own record, once, marked as self-registered for staff', async () => {
    const donor = await signUp('정다은');
    const donors = count('donors');
    expect((await call('POST', '/api/me/donor', donor, { kind: 'individual', name: '정다은', businessNumber: '120-81-47521' })).json().code).toBe(
      'business_number_for_individual',
    );
    expect(count('donors')).toBe(donors);
    const created = await call('POST', '/api/me/donor', donor, { kind: 'individual', name: '정다은', phone: '010-5555-1234', residentNumber: '010203-4123456', consentReceipts: true });
    expect(created.statusCode).toBe(201);
    expect(created.json().donor).toMatchObject({ name: '정다은', phone: '01055551234', residentNumberMasked: '010203-4******', consentReceipts: true });
    expect(created.body).not.toContain('4123456');
    expect((await call('POST', '/api/me/donor', donor, { kind: 'individual', name: '정다은' })).json().code).toBe('already_linked');
    const record = (await call('GET', `/api/donors/${created.json().donor.id}`, staff)).json();
    expect(record).toMatchObject({ selfRegistered: true, email: expect.stringMatching(/@example\.kr$/) });
    const changed = await call('PATCH', '/api/me/donor', donor, { address: '서울특별시 마포구 성미산로 1', consentMessages: true });
    expect(changed.json().donor).toMatchObject({ address: '서울특별시 마포구 성미산로 1', consentMessages: true });
    expect((await call('PATCH', '/api/me/donor', donor, { notes: 'VIP' })).statusCode).toBe(400);
  });
});

describe('a linked donor', () => {
  it('sees their own donations with accepted values and receipts, and downloads their receipt PDF', async () => {
    const hanbit = (await signIn(t.app, 'csr@hanbit-foods.demo', DEMO_PASSWORD)).headers;
    const history = (await call('GET', '/api/me/donations', hanbit)).json();
    const staffView = (await call('GET', `/api/donations?donorId=${await donorIdOf('(주)한빛식품')}&status=completed`, staff)).json().items;
    expect(history.items.map((d: { id: number; acceptedValue: number }) => [d.id, d.acceptedValue])).toEqual(
      staffView.map((d: { id: number; acceptedValue: number }) => [d.id, d.acceptedValue]),
    );
    expect(history.totalValue).toBe(staffView.reduce((s: number, d: { acceptedValue: number }) => s + d.acceptedValue, 0));
    const receipts = (await call('GET', '/api/me/receipts', hanbit)).json().items;
    expect(receipts).toHaveLength(1);
    expect(history.items.find((d: { receiptSerial: string | null }) => d.receiptSerial)?.receiptSerial).toBe(receipts[0].serial);
    const pdf = await call('GET', `/api/me/receipts/${receipts[0].id}/pdf`, hanbit);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('(주)한빛식품');
    expect(text).toContain(`${receipts[0].totalAmount.toLocaleString('ko-KR')}원`);
  });

  it('never sees another donor’s receipts, plans or data', async () => {
    const seojun = (await signIn(t.app, DEMO_LOGINS.donor, DEMO_PASSWORD)).headers;
    const all = (await call('GET', '/api/receipts', staff)).json().items as { id: number; donorName: string }[];
    expect((await call('GET', '/api/me/receipts', seojun)).json().items).toEqual([]);
    for (const receipt of all) {
      expect((await call('GET', `/api/me/receipts/${receipt.id}`, seojun)).statusCode).toBe(404);
      expect((await call('GET', `/api/me/receipts/${receipt.id}/pdf`, seojun)).statusCode).toBe(404);
    }
    const hanbitPlan = (await call('GET', '/api/planned-contributions?status=planned', staff)).json().items.find((p: { donorName: string }) => p.donorName === '(주)한빛식품');
    expect((await call('GET', `/api/me/planned-contributions/${hanbitPlan.id}`, seojun)).statusCode).toBe(404);
    expect((await call('POST', `/api/me/planned-contributions/${hanbitPlan.id}/cancel`, seojun, { reason: '장난' })).statusCode).toBe(404);
    const mine = (await call('GET', '/api/me/planned-contributions', seojun)).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p: { donorName: string }) => p.donorName === '윤서준')).toBe(true);
    // Staff routes stay closed to donors.
    expect((await call('GET', '/api/donors?q=%EA%B9%80', seojun)).statusCode).toBe(403);
    expect((await call('GET', '/api/receipts', seojun)).statusCode).toBe(403);
  });
});
