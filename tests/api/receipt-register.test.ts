import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/factories.js';

/** The issue register (기부자별 발급명세) and the year-end run of annual receipts. */
let t: TestApp;
let staff: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  staff = (await signIn(t.app, DEMO_LOGINS.staff, DEMO_PASSWORD)).headers;
});
afterAll(async () => t.close());

const get = (url: string, headers = staff) => t.app.inject({ method: 'GET', url, headers });
const year = new Date().getFullYear();

describe('the issue register export', () => {
  it('is a CSV with every receipt, voided and reissued ones included, oldest first', async () => {
    const response = await get(`/api/receipts/register?format=csv&year=${year}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="receipt-register-${year}.csv"`);
    expect(response.body.startsWith('\uFEFF일련번호,')).toBe(true);
    const register = (await get(`/api/receipts?year=${year}`)).json().items.reverse();
    const rows = response.body.trim().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(register.map((r: { serial: string }) => r.serial));
    expect(rows.filter((row) => row.includes('무효'))).toHaveLength(1);
    expect(response.body).toContain('기부자 요청으로 주소 정정');
    expect(response.body).not.toContain('2234567');
  });

  it('is an XLSX with the same rows and amounts as numbers', async () => {
    const response = await get('/api/receipts/register?format=xlsx');
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readSheet(response.rawPayload);
    const register = (await get('/api/receipts')).json().items.reverse();
    expect(rows.slice(1).map((r) => [r[0], r[8]])).toEqual(register.map((r: { serial: string; totalAmount: number }) => [r.serial, r.totalAmount]));
  });

  it('refuses an unknown format and other roles', async () => {
    expect((await get('/api/receipts/register?format=pdf')).statusCode).toBe(400);
    const donor = (await signIn(t.app, DEMO_LOGINS.donor, DEMO_PASSWORD)).headers;
    expect((await get('/api/receipts/register?format=csv', donor)).statusCode).toBe(403);
  });
});

describe('year-end', () => {
  it('lists donors whose completed donations lack a receipt, and issuing their annual receipts empties the list', async () => {
    const completed = (await get('/api/donations?status=completed')).json().items as { donorName: string; receivedOn: string; acceptedValue: number }[];
    const years = [...new Set(completed.map((d) => Number(d.receivedOn.slice(0, 4))))];
    let listed = 0;
    for (const y of years) {
      const list = (await get(`/api/receipts/year-end?year=${y}`)).json();
      listed += list.items.length;
      expect(list.year).toBe(y);
      // 한빛 and 김민지 have receipts in the demo; the others do not.
      for (const item of list.items) {
        expect(['(주)한빛식품', '김민지']).not.toContain(item.donorName);
        const own = completed.filter((d) => d.donorName === item.donorName && d.receivedOn.startsWith(String(y)) && d.acceptedValue > 0);
        expect(item.amount).toBe(own.reduce((s, d) => s + d.acceptedValue, 0));
      }
      const issued = await Promise.all(list.items.map((i: { donorId: number }) => t.app.inject({ method: 'POST', url: `/api/donors/${i.donorId}/annual-receipts`, headers: staff, payload: { year: y } })));
      expect(issued.map((r) => r.statusCode)).toEqual(list.items.map(() => 201));
      expect((await get(`/api/receipts/year-end?year=${y}`)).json().items).toEqual([]);
    }
    // 마포농협, 행복한교회 and 윤서준 have no receipt in the demo.
    expect(listed).toBe(3);
    expect((await get('/api/receipts/year-end?year=1999')).statusCode).toBe(400);
  });
});
