import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { addDays, today } from '../../server/lib/dates.js';
import { browserAvailable, followNav, phonePage, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * The whole donor path in the browser: staff make a link code, a donor signs up on a phone and
 * links with it, plans a contribution, the intake desk takes it in from the expected list, staff
 * issue the receipt, and the donor downloads it; the PDF names the donor and the amount.
 */
const run = browserAvailable();
let h: BrowserHarness;
let staff: Page;
let donor: Page;

beforeAll(async () => {
  if (!run) return;
  h = await startBrowserHarness();
  const desk = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  staff = await desk.newPage();
  await signInAs(staff, h.baseUrl, DEMO_LOGINS.staff, DEMO_PASSWORD);
  donor = await phonePage(h.browser);
});
afterAll(async () => {
  if (run) await h.close();
});

const one = <T>(query: string, ...params: unknown[]) => h.app.app.sqlite.prepare(query).get(...params) as T;

describe.skipIf(!run)('a donor from sign-up to receipt', () => {
  const church = () => one<{ id: number }>("select id from donors where name = '행복한교회'").id;
  let code = '';

  it('staff make a link code for the church the food bank already keeps', async () => {
    await staff.goto(`${h.baseUrl}/donors/${church()}`);
    await staff.getByRole('heading', { level: 1, name: /행복한교회/ }).waitFor();
    await staff.getByRole('button', { name: '연결 코드 만들기' }).click();
    code = (await staff.locator('.code [aria-hidden="true"]').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('the donor signs up on a phone and links the account with the code', async () => {
    await donor.goto(`${h.baseUrl}/`);
    await donor.getByRole('link', { name: '기부자로 가입하기' }).click();
    await donor.getByLabel('기부할 푸드뱅크').selectOption({ label: '마포구기초푸드뱅크 (서울특별시 마포구)' });
    await donor.getByLabel('이름').fill('행복한교회 재정부');
    await donor.getByLabel('이메일').fill('finance@happy-church.example');
    await donor.getByLabel('비밀번호', { exact: true }).fill('church-finance-2026');
    await donor.getByLabel('비밀번호 확인').fill('church-finance-2026');
    await donor.getByRole('button', { name: '가입하기' }).click();
    await donor.getByRole('heading', { level: 1, name: '내 기부자 정보' }).waitFor();
    await donor.getByLabel('연결 코드', { exact: true }).fill(code.toLowerCase());
    await donor.getByRole('button', { name: '연결하기' }).click();
    await donor.getByText('행복한교회', { exact: true }).first().waitFor();
    expect(one<{ donor_id: number }>("select donor_id from donor_accounts da join users u on u.id = da.user_id where u.email = 'finance@happy-church.example'").donor_id).toBe(church());
  });

  it('the donor plans a drop-off of soy sauce for tomorrow', async () => {
    await followNav(donor, '기부 예정');
    await donor.getByLabel('기부 예정일').fill(addDays(today(), 1));
    await donor.getByLabel('품목', { exact: true }).fill('간장 900ml');
    await expect.poll(() => donor.getByLabel('단위').inputValue()).toBe('병');
    await donor.getByLabel('수량').fill('12');
    await donor.getByRole('button', { name: '기부 예정 등록', exact: true }).click();
    await expect.poll(() => donor.getByRole('status').first().textContent()).toMatch(/기부 예정을 등록했습니다\.$/);
  });

  it('the intake desk takes it in from the expected list, and staff issue the receipt', async () => {
    await followNav(staff, '입고', null);
    const expected = staff.getByRole('list', { name: /입고 예정/ }).getByRole('listitem').filter({ hasText: '행복한교회' });
    await expected.getByRole('button', { name: /입고 시작/ }).click();
    expect(await staff.getByLabel('간장 900ml 수량').inputValue()).toBe('12 병');
    const focused = () => staff.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
    await expect.poll(focused).toBe('간장 900ml 수량');
    await staff.keyboard.press('Enter');
    await expect.poll(focused).toBe('간장 900ml 기한 날짜');
    await staff.keyboard.type(addDays(today(), 400).slice(2).replace(/-/g, ''));
    await staff.keyboard.press('Enter');
    await expect.poll(focused).toBe('scan');
    await staff.keyboard.press('Enter');
    await staff.keyboard.press('Enter');
    await staff.getByText(/입고 #\d+ 완료: 행복한교회/).waitFor();
    const donation = one<{ id: number; value: number }>(
      "select d.id, sum(l.quantity * l.unit_value) value from donations d join donation_lines l on l.donation_id = d.id join planned_contributions p on p.donation_id = d.id where p.status = 'received' and d.donor_id = ? group by d.id",
      church(),
    );
    expect(donation.value).toBe(12 * 4500);

    await staff.goto(`${h.baseUrl}/donors/${church()}`);
    const row = staff.getByRole('row').filter({ hasText: `#${donation.id}` });
    await row.getByRole('button', { name: /영수증 발급/ }).click();
    await staff.getByText(/영수증을 발급했습니다: \d{4}-\d{6}/).waitFor();
  });

  it('the donor downloads the receipt; its text names the church and the amount', async () => {
    await followNav(donor, '내 영수증');
    const receipt = one<{ serial: string; total_amount: number }>('select serial, total_amount from receipts where donor_id = ? and voided_at is null order by id desc', church());
    const row = donor.getByRole('row').filter({ hasText: receipt.serial });
    const download = donor.waitForEvent('download');
    await row.getByRole('button', { name: /PDF 내려받기/ }).click();
    const text = await pdfText(await readFile((await (await download).path())!));
    expect(text).toContain('행복한교회');
    expect(text).toContain(`${(12 * 4500).toLocaleString('ko-KR')}원`);
    expect(receipt.total_amount).toBe(12 * 4500);
  });
});
