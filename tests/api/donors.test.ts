import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let headers: { authorization: string };
let stranger: { authorization: string };
const PLAIN = '900101-1234567';
const PLAIN_FORMS = [PLAIN, PLAIN.replace('-', ''), '1234567'];

beforeEach(async () => {
  t = await createTestApp();
  const bank = makeFoodBank(t.app);
  headers = (await signIn(t.app, (await makeUser(t.app, { foodBankId: bank.id, role: 'staff' })).email)).headers;
  const other = makeFoodBank(t.app);
  stranger = (await signIn(t.app, (await makeUser(t.app, { foodBankId: other.id, role: 'admin' })).email)).headers;
});
afterEach(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = headers) =>
  t.app.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });
const donorCount = () => (t.app.sqlite.prepare('select count(*) n from donors').get() as { n: number }).n;

/** Every text value in every column of every table. */
function everyStoredValue(): string[] {
  const tables = t.app.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (t.app.sqlite.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]).flatMap((row) => Object.values(row).map(String)),
  );
}

describe('resident registration numbers', () => {
  it('are encrypted at rest, answered only masked, and appear in no response, log line or column', async () => {
    const created = await req('POST', '/api/donors', {
      kind: 'individual',
      name: '김민지',
      phone: '010-9876-5432',
      residentNumber: PLAIN,
      address: '서울특별시 마포구 월드컵로 212',
      consentReceipts: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ residentNumberMasked: '900101-1******', consentReceipts: true, phone: '01098765432' });
    const responses = [
      created.body,
      (await req('GET', `/api/donors/${created.json().id}`)).body,
      (await req('GET', '/api/donors?q=%EA%B9%80%EB%AF%BC')).body,
      (await req('PATCH', `/api/donors/${created.json().id}`, { notes: '연말 영수증 희망' })).body,
      (await req('GET', '/api/openapi.json')).body,
    ];
    for (const body of responses) for (const form of PLAIN_FORMS) expect(body).not.toContain(form);
    for (const form of PLAIN_FORMS) {
      expect(t.logs.join('\n')).not.toContain(form);
      expect(everyStoredValue().some((value) => value.includes(form))).toBe(false);
    }
    // Encrypted, not lost: the key opens it (as receipts will).
    const stored = t.app.sqlite.prepare('select resident_number_encrypted e from donors').get() as { e: string };
    expect(t.app.cipher.decrypt(stored.e)).toBe(PLAIN);
  });

  it.each([
    [{ kind: 'individual', name: 'x', residentNumber: '900230-1234567' }, 'invalid_resident_number'],
    [{ kind: 'organisation', name: 'x', residentNumber: PLAIN }, 'resident_number_for_organisation'],
    [{ kind: 'organisation', name: 'x', businessNumber: '120-81-47522' }, 'invalid_business_number'],
    [{ kind: 'individual', name: 'x', businessNumber: '120-81-47521' }, 'business_number_for_individual'],
  ])('refuse %j with %s, writing nothing', async (payload, code) => {
    const response = await req('POST', '/api/donors', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(code);
    expect(donorCount()).toBe(0);
    expect(response.body).not.toContain('1234567');
  });

  it('can be set later and removed again', async () => {
    const donor = (await req('POST', '/api/donors', { kind: 'individual', name: '윤서준' })).json();
    expect(donor.residentNumberMasked).toBeNull();
    expect((await req('PATCH', `/api/donors/${donor.id}`, { residentNumber: '0503014234567' })).json().residentNumberMasked).toBe('050301-4******');
    expect((await req('PATCH', `/api/donors/${donor.id}`, { residentNumber: null })).json().residentNumberMasked).toBeNull();
    expect(t.app.sqlite.prepare('select resident_number_encrypted e from donors').get()).toEqual({ e: null });
  });
});

describe('donors', () => {
  it('store business numbers checked and formatted, and refuse a duplicate unless confirmed', async () => {
    const first = await req('POST', '/api/donors', { kind: 'organisation', name: '(주)한빛식품', businessNumber: '1208147521' });
    expect(first.json().businessNumber).toBe('120-81-47521');
    const again = await req('POST', '/api/donors', { kind: 'organisation', name: '한빛식품', businessNumber: '120-81-47521' });
    expect(again.json()).toMatchObject({ status: 409, code: 'donor_duplicate', facts: { donorId: first.json().id } });
    const confirmed = await req('POST', '/api/donors', { kind: 'organisation', name: '한빛식품 2공장', businessNumber: '120-81-47521', allowDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('belong to one food bank', async () => {
    const donor = (await req('POST', '/api/donors', { kind: 'individual', name: '윤서준', phone: '01012345678' })).json();
    expect((await req('GET', `/api/donors/${donor.id}`, undefined, stranger)).statusCode).toBe(404);
    expect((await req('PATCH', `/api/donors/${donor.id}`, { name: '남의 기부자' }, stranger)).statusCode).toBe(404);
    expect((await req('GET', '/api/donors?q=%EC%9C%A4', undefined, stranger)).json().items).toEqual([]);
    expect((await req('GET', `/api/donors/${donor.id}`)).json().name).toBe('윤서준');
  });
});
