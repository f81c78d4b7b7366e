import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { addDays, today } from '../../server/lib/dates.js';
import { browserAvailable, seriousAccessibilityViolations, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const run = browserAvailable();
let h: BrowserHarness;
let page: Page;

beforeAll(async () => {
  if (!run) return;
  h = await startBrowserHarness();
  page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' })).newPage();
  await signInAs(page, h.baseUrl, DEMO_LOGINS.staff, DEMO_PASSWORD);
});
afterAll(async () => {
  if (run) await h.close();
});

const sql = <T>(query: string, ...params: unknown[]) => h.app.app.sqlite.prepare(query).all(...params) as T[];
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe.skipIf(!run)('the warehouse in the browser', () => {
  it('records a donation by keyboard with a scanner, puts it away and shows it in stock', async () => {
    await page.getByRole('link', { name: '입고' }).click();
    const donor = page.getByLabel('기부자 검색 (이름·전화번호)');
    await donor.focus();
    await page.keyboard.type('윤서');
    await page.getByRole('button', { name: /윤서준/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('scan');

    // A scanner is a keyboard that types the code and Enter.
    await page.keyboard.type('8801043014830');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toMatch(/^quantity-/);
    await page.keyboard.type('2 박스');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toMatch(/^date-/);
    const useBy = addDays(today(), 200);
    await page.keyboard.type(useBy.slice(2).replace(/-/g, ''));
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('scan');

    await page.keyboard.type('8801180000147'); // 두루마리 화장지: household goods, no date
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toMatch(/^quantity-/);
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('scan');
    await page.getByLabel('두루마리 화장지 30롤 보관 장소').selectOption({ label: 'B 생활용품 선반' });
    await page.getByLabel('바코드 스캔 또는 품목명').focus();

    expect(await page.getByText(/2줄 \(합격 2, 불합격 0\) · 합격 수량 83/).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('complete');
    await page.keyboard.press('Enter');
    const done = page.getByText(/입고 #\d+ 완료: 윤서준/);
    await done.waitFor();
    const donationId = Number(/#(\d+)/.exec((await done.textContent())!)![1]);

    const lots = sql<{ item: string; location: string; quantity: number; date_label: string | null }>(
      `select i.name item, l2.name location, m.quantity, l.date_label from stock_movements m
       join lots l on l.id = m.lot_id join items i on i.id = l.item_id join locations l2 on l2.id = m.location_id
       where m.document_type = 'donation' and m.document_id = ? order by m.id`,
      donationId,
    );
    expect(lots).toEqual([
      { item: '신라면', location: 'A-1 상온 선반', quantity: 80, date_label: useBy },
      { item: '두루마리 화장지 30롤', location: 'B 생활용품 선반', quantity: 3, date_label: null },
    ]);

    await page.getByRole('link', { name: '재고 보기' }).click();
    await page.getByLabel('품목명').fill('화장지');
    await page.getByRole('button', { name: '조회' }).click();
    await page.getByRole('button', { name: '두루마리 화장지 30롤' }).click();
    const lotRow = page.getByRole('table', { name: '두루마리 화장지 30롤의 로트' }).getByRole('row').filter({ hasText: 'B 생활용품 선반' });
    await expect.poll(() => lotRow.count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('accepts a line past its date only with a reason', async () => {
    await page.getByRole('link', { name: '입고' }).click();
    await page.getByLabel('기부자 검색 (이름·전화번호)').fill('김민지');
    await page.getByRole('button', { name: /김민지/ }).click();
    await page.keyboard.type('8801090000053'); // 햇반
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toMatch(/^quantity-/);
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.keyboard.type(addDays(today(), -1));
    await page.keyboard.press('Enter');
    await page.getByText('기한이 지났습니다.', { exact: false }).waitFor();
    await page.getByLabel('햇반 210g 기한 경과 합격 사유').fill('포장 이상 없음, 팀장 확인');
    await page.getByLabel('바코드 스캔 또는 품목명').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByText(/입고 #\d+ 완료: 김민지/).waitFor();
    const line = sql<{ accepted: number; override_reason: string }>('select accepted, override_reason from donation_lines order by id desc limit 1');
    expect(line).toEqual([{ accepted: 1, override_reason: '포장 이상 없음, 팀장 확인' }]);
  });

  it('completes a draft left at the desk', async () => {
    await page.getByRole('link', { name: '입고' }).click();
    const draft = sql<{ id: number }>("select id from donations where status = 'draft'")[0]!;
    await page.getByRole('button', { name: `#${draft.id} 입고 완료` }).click();
    await page.getByText('임시 저장된 입고가 없습니다.').waitFor();
    expect(sql<{ status: string }>('select status from donations where id = ?', draft.id)).toEqual([{ status: 'completed' }]);
  });

  it('receives a shipment from the 광역 food bank, recording a shortfall', async () => {
    // 서울 ships 20 bags of rice to 마포 through the API.
    const api = h.app.app;
    const seoul = (await api.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'staff@seoul.demo', password: DEMO_PASSWORD } })).json();
    const headers = { authorization: `Bearer ${seoul.accessToken}` };
    const post = async (url: string, payload: object) => (await api.inject({ method: 'POST', url, headers, payload })).json();
    const seoulAdmin = (await api.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@seoul.demo', password: DEMO_PASSWORD } })).json();
    const location = (await api.inject({ method: 'POST', url: '/api/locations', headers: { authorization: `Bearer ${seoulAdmin.accessToken}` }, payload: { warehouse: '광역 물류센터', name: '상온 랙 1', zone: 'ambient' } })).json();
    const grain = (await api.inject({ method: 'GET', url: '/api/categories', headers })).json().items.find((c: { name: string }) => c.name === '곡류');
    const rice = await post('/api/items', { name: '쌀 10kg', categoryId: grain.id, unit: '포', defaultZone: 'ambient', defaultUnitValue: 32000 });
    const donor = await post('/api/donors', { kind: 'organisation', name: '(주)대한곡물' });
    const donation = await post('/api/donations', {
      donorId: donor.id,
      receivedOn: today(),
      channel: 'corporate_delivery',
      complete: true,
      lines: [{ itemId: rice.id, quantity: 50, dateLabel: addDays(today(), 300), locationId: location.id }],
    });
    const mapo = (await api.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${(await api.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_LOGINS.staff, password: DEMO_PASSWORD } })).json().accessToken}` } })).json().foodBank;
    const shipment = await post('/api/shipments', { toFoodBankId: mapo.id, lines: [{ lotId: donation.lines[0].lotId, fromLocationId: location.id, quantity: 20 }] });
    expect(shipment.status).toBe('shipped');

    await page.getByRole('link', { name: '이관' }).click();
    await page.getByRole('button', { name: '수령 확인' }).click();
    await page.getByLabel('받은 수량').fill('18');
    await page.getByLabel('부족·파손 메모').fill('2포 포장 파손');
    await page.getByRole('button', { name: '수령 확정' }).click();
    await page.getByText('(2 부족)').waitFor();
    const received = sql<{ received_quantity: number; shortfall_note: string }>('select received_quantity, shortfall_note from shipment_lines');
    expect(received).toEqual([{ received_quantity: 18, shortfall_note: '2포 포장 파손' }]);
    expect(verifyProjection(h.app.app.sqlite)).toEqual([]);
  });

  it('disposes of an expired lot, and the ledger shows it', async () => {
    await page.getByRole('link', { name: '기한 임박' }).click();
    const expiredRow = page.getByRole('row').filter({ hasText: '기한 경과' }).first();
    await expiredRow.waitFor();
    const onHand = Number((await expiredRow.getByRole('cell').nth(2).textContent())!.replace(/\D/g, ''));
    await expiredRow.getByRole('link').click();
    await page.getByRole('heading', { name: '폐기' }).waitFor();
    expect(await page.getByRole('img', { name: /^LOT-\d+$/ }).count()).toBe(1);

    await page.getByLabel('수량', { exact: true }).first().fill(String(onHand));
    await page.getByLabel('승인자').fill('박민준 팀장');
    await page.getByRole('button', { name: '폐기 기록' }).click();
    await page.getByText(`${onHand}개를 폐기했습니다.`).waitFor();
    await page.getByText('이 로트는 재고가 남아 있지 않습니다.').waitFor();
    const history = page.getByRole('table').last().getByRole('row');
    await expect.poll(async () => (await history.allTextContents()).some((t) => t.includes('폐기') && t.includes(`-${onHand}`))).toBe(true);
    expect(sql<{ n: number }>("select count(*) n from disposals where reason = 'expired'")[0]!.n).toBe(1);
    expect(verifyProjection(h.app.app.sqlite)).toEqual([]);
  });
});
