import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../server/db/repositories/users.js';
import { DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { myDonations } from '../../server/services/donor-portal.js';
import { browserAvailable, expectPhoneFriendly, followNav, phonePage, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { signIn } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';

const run = browserAvailable();
let h: BrowserHarness;

beforeAll(async () => {
  if (run) h = await startBrowserHarness();
});
afterAll(async () => {
  if (run) await h.close();
});




/** The day after today where the browser (and the server) run, as YYYY-MM-DD. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE');

const actorOf = (email: string) => {
  const user = findUserByEmail(h.app.app.db, email)!;
  return { userId: user.id, foodBankId: user.foodBankId, role: user.role };
};

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

describe.skipIf(!run)('the donor portal on a phone', () => {
  const email = 'daeun.jung@example.com';
  const password = 'daeun-password-2026';
  let page: Page;

  it('signs a new donor up at 마포구기초푸드뱅크 and lands on their donor page', async () => {
    page = await phonePage(h.browser);
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: '기부자로 가입하기' }).click();
    await page.getByRole('heading', { level: 1, name: '기부자 가입' }).waitFor();
    await expectPhoneFriendly(page);

    await page.getByLabel('기부할 푸드뱅크').selectOption({ label: '마포구기초푸드뱅크 (서울특별시 마포구)' });
    await page.getByLabel('이름').fill('정다은');
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호', { exact: true }).fill(password);
    await page.getByLabel('비밀번호 확인').fill('something-else-entirely');
    await page.getByRole('button', { name: '가입하기' }).click();
    // Mismatched passwords are caught before anything is sent, beside the field.
    const confirm = page.getByLabel('비밀번호 확인');
    await expect.poll(() => confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#signup-confirm-error').textContent()).toBe('비밀번호가 서로 다릅니다.');
    expect(findUserByEmail(h.app.app.db, email)).toBeUndefined();

    await confirm.fill(password);
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('heading', { level: 1, name: '내 기부자 정보' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/donor');
    expect(await page.getByRole('heading', { name: '푸드뱅크에서 받은 연결 코드가 있어요' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: '처음 기부해요' }).isVisible()).toBe(true);
    await expectPhoneFriendly(page);
  });

  it('explains a wrong link code in Korean', async () => {
    await page.getByLabel('연결 코드', { exact: true }).fill('ABCD-EF23');
    await page.getByRole('button', { name: '연결하기' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('연결 코드가 맞지 않거나 이미 사용되었거나 만료되었습니다. 푸드뱅크에 새 코드를 요청해 주세요.');
    expect(await page.getByLabel('연결 코드', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  });

  it('starts a new individual record; the resident number only ever comes back masked', async () => {
    expect(await page.getByRole('radio', { name: /^개인/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('이름', { exact: true }).inputValue()).toBe('정다은');
    await page.getByLabel('전화번호 (선택)').fill('010-5555-1234');
    const resident = page.getByLabel('주민등록번호 (선택)');
    // Month 13: refused by the server and shown beside the field.
    await resident.fill('881340-2345678');
    await page.getByRole('button', { name: '기부자 정보 만들기' }).click();
    await expect.poll(() => resident.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-resident-error').textContent()).toBe('주민등록번호가 올바르지 않습니다.');

    await resident.fill('880412-2345678');
    await page.getByLabel(/기부금영수증 발급을 위해/).check();
    await page.getByRole('button', { name: '기부자 정보 만들기' }).click();
    await page.getByRole('heading', { name: '기부자 정보', exact: true }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toBe('기부자 정보를 만들었습니다.');
    const profile = await page.getByRole('main').textContent();
    expect(profile).toContain('880412-2******');
    expect(profile).not.toContain('2345678');
    expect(profile).toContain('010-5555-1234');
    await expectPhoneFriendly(page);

    // The edit form shows the number masked too, never filled in.
    await page.getByRole('button', { name: '정보 수정' }).click();
    expect(await page.getByLabel('새 주민등록번호 (바꿀 때만 입력)').inputValue()).toBe('');
    expect(await page.getByText('저장된 번호: 880412-2******').isVisible()).toBe(true);
    await page.getByLabel('주소 (선택)').fill('서울특별시 마포구 성미산로 10');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('서울특별시 마포구 성미산로 10').waitFor();
    expect(await page.getByRole('status').first().textContent()).toBe('기부자 정보를 저장했습니다.');
  });

  it('plans a drop-off with a catalog line and a free-text line; a double tap plans it once', async () => {
    await followNav(page, '기부 예정');
    expect(await page.getByText('아직 등록한 기부 예정이 없습니다.').isVisible()).toBe(true);
    await expectPhoneFriendly(page);

    // Nothing filled in: the checks show beside the fields, and nothing is sent.
    await page.getByRole('button', { name: '기부 예정 등록', exact: true }).click();
    expect(await page.locator('#plan-date-error').textContent()).toBe('기부 예정일을 골라 주세요.');
    expect(await page.getByLabel('기부 예정일').evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel('기부 예정일').fill(tomorrow());
    expect(await page.getByRole('radio', { name: /^직접 가져갈게요/ }).isChecked()).toBe(true);
    const what = page.getByLabel('품목', { exact: true });
    await what.nth(0).fill('두유 190ml');
    // Picked from the catalog: the item's own unit comes with it.
    await expect.poll(() => page.getByLabel('단위').nth(0).inputValue()).toBe('팩');
    expect(await page.locator('.kind').nth(0).textContent()).toMatch(/^\s*목록의 품목 · /);
    await page.getByLabel('수량').nth(0).fill('24');

    await page.getByRole('button', { name: '물품 추가' }).click();
    await what.nth(1).fill('수제 딸기잼 선물세트');
    expect((await page.locator('.kind').nth(1).textContent())?.trim()).toBe('목록에 없는 물품으로 등록됩니다.');
    await page.getByLabel('수량').nth(1).fill('3');
    await page.getByLabel('단위').nth(1).fill('세트');
    await page.getByLabel('메모 (선택)').fill('오후 2시쯤 방문합니다');

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/me/planned-contributions')) posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: '기부 예정 등록', exact: true }).dblclick();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/기부 예정을 등록했습니다\.$/);

    const plans = page.getByRole('main').getByRole('article');
    expect(await plans.count()).toBe(1);
    const plan = plans.first();
    expect(await plan.getByText('예정', { exact: true }).isVisible()).toBe(true);
    expect(await plan.getByText('직접 전달').isVisible()).toBe(true);
    const lines = (await plan.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ''));
    expect(lines).toEqual(['두유190ml24팩', '수제딸기잼선물세트3세트']);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((key) => key === posts[0] && key.length >= 8)).toBe(true);
    const staff = await signIn(h.app.app, 'intake@mapo.demo', DEMO_PASSWORD);
    const all = await h.app.app.inject({ method: 'GET', url: '/api/planned-contributions', headers: staff.headers });
    expect(all.json().items.filter((p: { donorName: string }) => p.donorName === '정다은')).toHaveLength(1);
    // The form is empty again, ready for the next one.
    expect(await page.getByLabel('기부 예정일').inputValue()).toBe('');
    expect(await page.getByLabel('품목', { exact: true }).count()).toBe(1);
    await expectPhoneFriendly(page);
  });

  it('sees the donation taken in at the desk: value in won, the rejected line and why, then downloads its receipt', async () => {
    // The intake desk takes the planned contribution in: the soy milk accepted, a second box rejected.
    const staff = await signIn(h.app.app, 'intake@mapo.demo', DEMO_PASSWORD);
    const get = async (url: string) => (await h.app.app.inject({ method: 'GET', url, headers: staff.headers })).json();
    const planned = (await get('/api/planned-contributions?status=planned')).items.find((p: { donorName: string }) => p.donorName === '정다은');
    const itemId = planned.lines[0].itemId as number;
    const zone = (await get(`/api/items/${itemId}`)).defaultZone as string;
    const location = (await get('/api/locations')).items.find((l: { zone: string; active: boolean }) => l.zone === zone && l.active);
    const useBy = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const donation = await h.app.app.inject({
      method: 'POST',
      url: '/api/donations',
      headers: staff.headers,
      payload: {
        donorId: planned.donorId,
        receivedOn: new Date().toLocaleDateString('sv-SE'),
        channel: 'walk_in',
        plannedContributionId: planned.id,
        complete: true,
        lines: [
          { itemId, quantity: 24, unitValue: 800, dateLabelKind: 'use_by', dateLabel: useBy, zone, locationId: location.id },
          { itemId, quantity: 6, unitValue: 800, dateLabelKind: 'use_by', dateLabel: useBy, accepted: false, rejectionReason: 'damaged_packaging' },
        ],
      },
    });
    expect(donation.statusCode, donation.body).toBe(201);
    const receipt = await h.app.app.inject({ method: 'POST', url: `/api/donations/${donation.json().id}/receipt`, headers: staff.headers, payload: {} });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const serial = receipt.json().serial as string;

    await followNav(page, '기부 내역');
    const article = page.getByRole('main').getByRole('article');
    await article.first().waitFor();
    expect(await article.count()).toBe(1);
    expect(await page.locator('.total').textContent()).toBe('19,200원');
    expect(await article.getByText(`영수증 ${serial}`).isVisible()).toBe(true);
    const rejected = article.getByRole('listitem').filter({ hasText: '받지 않음' });
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain('받지 않음 · 포장 파손');
    expect(await rejected.textContent()).toContain('가액 제외');
    await expectPhoneFriendly(page);

    await followNav(page, '기부 예정');
    expect(await page.getByRole('article').first().getByText('입고 완료').isVisible()).toBe(true);

    await followNav(page, '내 영수증');
    const row = page.getByRole('row').filter({ hasText: serial });
    expect(await row.textContent()).toContain('19,200원');
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: /PDF 내려받기/ }).click();
    const file = await (await download).path();
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\n/g, ' ');
    expect(text).toContain('정다은');
    expect(text).toContain('19,200');
    await page.context().close();
  });
});

describe.skipIf(!run)('a linked demo donor', () => {
  it('(주)한빛식품 sees its history with values and downloads its receipt as a PDF', async () => {
    const page = await phonePage(h.browser);
    await signInAs(page, h.baseUrl, 'csr@hanbit-foods.demo', DEMO_PASSWORD);
    // Home: the next planned contribution (a pickup tomorrow) and the way to the portal.
    await page.getByRole('heading', { name: '다음 기부 예정' }).waitFor();
    expect(await page.getByText(/수거 요청/).first().isVisible()).toBe(true);
    await expectPhoneFriendly(page);

    const expected = myDonations(h.app.app.db, actorOf('csr@hanbit-foods.demo'));
    expect(expected.items.length).toBeGreaterThan(0);
    await followNav(page, '기부 내역');
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('article').count()).toBe(expected.items.length);
    expect(await page.locator('.total').textContent()).toBe(won(expected.totalValue));
    const receipted = expected.items.find((d) => d.receiptSerial)!;
    expect(await page.getByText(`영수증 ${receipted.receiptSerial}`).isVisible()).toBe(true);
    for (const donation of expected.items) {
      expect(await page.getByRole('article').filter({ hasText: won(donation.acceptedValue) }).count()).toBeGreaterThan(0);
    }
    await expectPhoneFriendly(page);

    await followNav(page, '내 영수증');
    const row = page.getByRole('row').filter({ hasText: receipted.receiptSerial! });
    expect(await row.textContent()).toContain('기부식품 등 영수증');
    expect(await row.textContent()).toContain(won(receipted.acceptedValue));
    expect(await row.textContent()).toContain('유효');
    const view = row.getByRole('link', { name: /영수증 보기/ });
    expect(await view.getAttribute('href')).toMatch(/^\/receipts\/\d+$/);
    await expectPhoneFriendly(page);

    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: /PDF 내려받기/ }).click();
    const pdf = await readFile(await (await download).path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.getByRole('status').first().textContent()).toBe(`영수증 ${receipted.receiptSerial}을(를) 내려받았습니다.`);
    await page.context().close();
  });

  it('윤서준 sees upcoming plans first and cancels one with a reason in a dialog', async () => {
    const page = await phonePage(h.browser);
    await signInAs(page, h.baseUrl, 'donor@mapo.demo', DEMO_PASSWORD);
    await followNav(page, '기부 예정');
    const plans = page.getByRole('main').getByRole('article');
    await plans.first().waitFor();
    const badges = await page.locator('.plan .badge').allTextContents();
    expect(badges[0]).toBe('예정');
    expect(badges).toContain('취소됨');
    expect(await plans.filter({ hasText: '일정이 바뀌어 다음 달에 가져가겠습니다' }).count()).toBe(1);

    await plans.first().getByRole('button', { name: /예정 취소/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectPhoneFriendly(page);
    // No reason, no cancellation.
    await dialog.getByRole('button', { name: '예정 취소하기' }).click();
    expect(await dialog.getByText('취소 사유를 적어 주세요.').isVisible()).toBe(true);
    await dialog.getByLabel('취소 사유').fill('출장이 잡혀서 다음에 가져가겠습니다');
    await dialog.getByRole('button', { name: '예정 취소하기' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/기부 예정을 취소했습니다\.$/);
    expect(await plans.filter({ hasText: '출장이 잡혀서 다음에 가져가겠습니다' }).locator('.badge').textContent()).toBe('취소됨');
    expect(await page.getByRole('button', { name: /예정 취소/ }).count()).toBe(0);

    // Receipts page with none of its own, and the home page: still fine on a phone.
    await followNav(page, '내 영수증');
    await page.getByText(/아직 발급된 영수증이 없습니다|유효|취소됨/).first().waitFor();
    await expectPhoneFriendly(page);
    await page.context().close();
  });
});
