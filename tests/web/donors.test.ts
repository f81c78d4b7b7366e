import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { addDays, today } from '../../server/lib/dates.js';
import { browserAvailable, seriousAccessibilityViolations, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const run = browserAvailable();
let h: BrowserHarness;
let staff: Page;
let admin: Page;

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width <= 375 ? 740 : 900 }, locale: 'ko-KR', acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, h.baseUrl, email, DEMO_PASSWORD);
  return page;
}

beforeAll(async () => {
  if (!run) return;
  h = await startBrowserHarness();
  staff = await signedIn(h.browser, DEMO_LOGINS.staff);
  admin = await signedIn(h.browser, DEMO_LOGINS.admin);
});
afterAll(async () => {
  if (run) await h.close();
});

const sql = <T>(query: string, ...params: unknown[]) => h.app.app.sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0]!;
const donorId = (name: string) => one<{ id: number }>('select id from donors where name = ? and merged_into_id is null', name).id;
const won = (amount: number) => new Intl.NumberFormat('ko').format(amount);

/** Follows a link of the main navigation (the menu is unfolded on a desktop-wide page). */
const follow = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

describe.skipIf(!run)('donors and receipts in the browser', () => {
  it('finds a donor as staff type, opens it and makes a link code shown once in XXXX-XXXX form', async () => {
    await follow(staff, '기부자');
    await staff.getByLabel('기부자 검색 (이름·전화번호·사업자등록번호)').pressSequentially('한빛');
    await staff.getByRole('link', { name: '(주)한빛식품' }).click();
    await staff.getByRole('heading', { level: 1, name: /\(주\)한빛식품/ }).waitFor();
    // The business number is shown; its linked account (the demo company's CSR login) is listed.
    await staff.getByText('120-81-47521').first().waitFor();
    await staff.getByText('csr@hanbit-foods.demo').waitFor();

    const before = one<{ n: number }>('select count(*) n from donor_link_codes where donor_id = ?', donorId('(주)한빛식품')).n;
    await staff.getByRole('button', { name: '연결 코드 만들기' }).click();
    await staff.getByText('(주)한빛식품 연결 코드').waitFor();
    const code = (await staff.locator('.code [aria-hidden="true"]').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await staff.getByText(/까지 사용할 수 있습니다/).waitFor();
    expect(one<{ n: number }>('select count(*) n from donor_link_codes where donor_id = ?', donorId('(주)한빛식품')).n).toBe(before + 1);
    // Only a hash of the code is stored.
    expect(sql('select id from donor_link_codes where code_hash like ?', `%${code}%`)).toEqual([]);
  });

  it('shows a resident number only masked, and the search finds by phone', async () => {
    await follow(staff, '기부자');
    await staff.getByLabel('기부자 검색 (이름·전화번호·사업자등록번호)').pressSequentially('01098765432');
    await staff.getByRole('link', { name: '김민지' }).click();
    await staff.getByText('950315-2******').first().waitFor();
    await staff.getByRole('button', { name: '정보 수정' }).click();
    await staff.getByLabel('새 주민등록번호로 바꾸기 (선택)').waitFor();
    expect(await staff.content()).not.toContain('2234567');
    await staff.getByRole('button', { name: '취소' }).click();
  });

  it('merges the duplicate into the record staff keep, after spelling out what moves', async () => {
    await follow(staff, '기부자');
    const kept = donorId('행복한교회');
    const duplicate = donorId('행복한 교회');
    const set = staff.getByRole('listitem').filter({ hasText: '같은 전화번호' });
    await set.waitFor();
    // The record staff made first is kept by default.
    expect(await set.getByRole('radio', { name: /행복한교회/ }).isChecked()).toBe(true);
    await set.getByRole('button', { name: '병합: 행복한 교회 → 행복한교회' }).click();
    const dialog = staff.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('기부 내역, 기부 예정, 연결된 기부자 계정이 모두 ‘행복한교회’ 기록으로 옮겨집니다');
    await dialog.getByRole('button', { name: '확인' }).click();
    await staff.getByText('‘행복한 교회’ 기록을 ‘행복한교회’ 기록으로 병합했습니다.').waitFor();
    await staff.getByText('중복으로 보이는 기부자가 없습니다.').waitFor();
    expect(one<{ merged_into_id: number }>('select merged_into_id from donors where id = ?', duplicate).merged_into_id).toBe(kept);

    await staff.goto(`${h.baseUrl}/donors/${duplicate}`);
    await staff.getByText('이 기록은 ‘행복한교회’ 기록으로 병합되었습니다.', { exact: false }).waitFor();
    await staff.getByRole('link', { name: '행복한교회 기록 열기' }).click();
    await staff.getByRole('heading', { level: 1, name: /행복한교회/ }).waitFor();
  });

  let receiptId = 0;
  let serial = '';

  it('issues a receipt for a donation, which the register lists and the web view totals', async () => {
    const donor = donorId('마포농협 하나로마트');
    const donation = one<{ id: number }>("select id from donations where donor_id = ? and status = 'completed' order by id limit 1", donor);
    const value = one<{ v: number }>('select sum(quantity * unit_value) v from donation_lines where donation_id = ? and accepted = 1', donation.id).v;
    const rejected = one<{ n: number }>('select count(*) n from donation_lines where donation_id = ? and accepted = 0', donation.id).n;

    await staff.goto(`${h.baseUrl}/donors/${donor}`);
    const row = staff.getByRole('row').filter({ hasText: `#${donation.id}` });
    await row.getByRole('cell', { name: won(value) }).waitFor();
    // A business's goods get the 기부식품 등 영수증 unless staff choose otherwise.
    expect(await staff.getByLabel('발급할 영수증 서식').inputValue()).toBe('food_donation_receipt');
    await row.getByRole('button', { name: /영수증 발급/ }).click();
    const issued = staff.getByText(/영수증을 발급했습니다: \d{4}-\d{6}/);
    await issued.waitFor();
    serial = /\d{4}-\d{6}/.exec((await issued.textContent())!)![0];
    receiptId = one<{ id: number }>('select id from receipts where serial = ?', serial).id;
    expect(one<{ total_amount: number; form: string }>('select total_amount, form from receipts where id = ?', receiptId)).toEqual({ total_amount: value, form: 'food_donation_receipt' });
    await row.getByRole('link', { name: serial }).waitFor();

    await follow(staff, '기부금영수증');
    const registerRow = staff.getByRole('row').filter({ hasText: serial });
    await registerRow.getByRole('link', { name: '마포농협 하나로마트' }).waitFor();
    expect(await registerRow.textContent()).toContain(won(value));
    await registerRow.getByRole('link', { name: serial }).click();

    await staff.getByRole('heading', { level: 1, name: '기부식품 등 영수증' }).waitFor();
    const sheet = staff.locator('.receipt-sheet');
    expect(await sheet.textContent()).toContain(serial);
    expect(await sheet.textContent()).toContain('105-82-11230');
    expect(await sheet.getByRole('row').filter({ hasText: '합계' }).textContent()).toContain(won(value));
    const lines = await sheet.locator('tbody tr').count();
    expect(lines).toBe(one<{ n: number }>('select count(*) n from donation_lines where donation_id = ? and accepted = 1', donation.id).n);
    if (rejected > 0) expect(lines).toBeGreaterThan(0);
    // Staff may not void: the button is an admin's.
    expect(await staff.getByRole('button', { name: /무효 처리/ }).count()).toBe(0);
  });

  it('lets an admin void a receipt with a reason and reissue it under a new serial', async () => {
    await admin.goto(`${h.baseUrl}/receipts/${receiptId}`);
    await admin.getByRole('button', { name: /^무효 처리/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('무효 사유').fill('기부자 요청: 건별 대신 연간 영수증');
    await dialog.getByRole('button', { name: '무효 처리' }).click();
    await admin.getByText(/이 영수증은 .*무효 처리되었습니다/).waitFor();
    await admin.getByText('무효 사유: 기부자 요청: 건별 대신 연간 영수증').waitFor();
    expect(one<{ void_reason: string }>('select void_reason from receipts where id = ?', receiptId).void_reason).toBe('기부자 요청: 건별 대신 연간 영수증');

    await admin.getByRole('button', { name: /^재발급/ }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '확인' }).click();
    await admin.getByText(`${serial}의 재발급`).first().waitFor();
    const reissue = one<{ id: number; serial: string; total_amount: number }>('select id, serial, total_amount from receipts where reissue_of = ?', receiptId);
    expect(reissue.serial).not.toBe(serial);
    expect(admin.url()).toBe(`${h.baseUrl}/receipts/${reissue.id}`);
    expect(await admin.locator('.receipt-sheet').getByRole('row').filter({ hasText: '합계' }).textContent()).toContain(won(reissue.total_amount));

    // The register lists both: the voided one with its reason and the one that replaced it.
    await follow(admin, '기부금영수증');
    const voided = admin.getByRole('row').filter({ hasText: serial }).filter({ hasText: '무효' }).first();
    await voided.waitFor();
    expect(await voided.textContent()).toContain(`재발급된 영수증: ${reissue.serial}`);
  });

  it('issues the year-end annual receipts one donor at a time with progress, until none is left', async () => {
    const year = new Date().getFullYear();
    await follow(admin, '기부금영수증');
    const section = admin.getByRole('region', { name: `연말 일괄 발급 — ${year}년` });
    const waiting = await section.getByRole('checkbox', { name: /선택$/ }).count();
    expect(waiting).toBeGreaterThan(0);
    await section.getByRole('checkbox', { name: /^모두 선택/ }).check();
    await section.getByRole('button', { name: `연간 영수증 발급 (${waiting}명)` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '확인' }).click();

    const progress = section.locator('progress');
    expect(await progress.getAttribute('max')).toBe(String(waiting));
    await section.getByText(`끝났습니다: ${waiting}명 중 ${waiting}명 발급, 실패 0명.`).waitFor();
    expect(await progress.getAttribute('value')).toBe(String(waiting));
    expect(await section.getByRole('list', { name: '기부자별 결과' }).getByRole('listitem').count()).toBe(waiting);
    await section.getByText(`${year}년에 영수증을 받지 않은 기부자가 없습니다.`).waitFor();

    const uncovered = sql(
      `select d.id from donations d where d.status = 'completed' and substr(d.received_on, 1, 4) = ?
       and not exists (select 1 from receipt_donations rd join receipts r on r.id = rd.receipt_id where rd.donation_id = d.id and r.voided_at is null)
       and exists (select 1 from donation_lines l where l.donation_id = d.id and l.accepted = 1)`,
      String(year),
    );
    expect(uncovered).toEqual([]);
    // The register, refreshed, lists the annual receipts.
    await expect.poll(() => admin.getByRole('row').filter({ hasText: '연간' }).count()).toBeGreaterThanOrEqual(waiting);
  });

  it('shows a donor their own receipt on a phone, with its PDF, and no one else’s', async () => {
    const donor = await signedIn(h.browser, DEMO_LOGINS.donor, 375);
    const own = one<{ id: number; total_amount: number }>(
      'select id, total_amount from receipts where donor_id = ? and voided_at is null order by id desc limit 1',
      donorId('윤서준'),
    );
    await donor.goto(`${h.baseUrl}/receipts/${own.id}`);
    await donor.getByRole('heading', { level: 1, name: '기부금 영수증' }).waitFor();
    expect(await donor.locator('.receipt-sheet').getByText('합계').locator('..').textContent()).toContain(won(own.total_amount));
    const [pdf] = await Promise.all([donor.waitForEvent('download'), donor.getByRole('button', { name: /PDF 내려받기/ }).click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await donor.getByRole('button', { name: /무효 처리|재발급/ }).count()).toBe(0);

    const other = one<{ id: number }>('select id from receipts where donor_id = ?', donorId('김민지')).id;
    await donor.goto(`${h.baseUrl}/receipts/${other}`);
    await donor.getByRole('alert').getByText('찾을 수 없습니다.').waitFor();
    await donor.context().close();
  });

  it('exports the register as CSV with a BOM and every serial, and as XLSX', async () => {
    const year = new Date().getFullYear();
    await follow(staff, '기부금영수증');
    const [csv] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'CSV 내려받기' }).click()]);
    expect(csv.suggestedFilename()).toBe(`receipt-register-${year}.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const serials = sql<{ serial: string }>('select serial from receipts where period_year = ?', year).map((r) => r.serial);
    expect(serials.length).toBeGreaterThan(3);
    for (const s of serials) expect(text).toContain(s);
    expect(text).toContain('무효');

    const [xlsx] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: '엑셀(XLSX) 내려받기' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`receipt-register-${year}.xlsx`);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
  });

  it('takes in the planned pickup from (주)한빛식품 at the intake desk, and the plan shows as received', async () => {
    const plan = one<{ id: number }>("select id from planned_contributions where status = 'planned' and delivery = 'pickup'");
    await follow(staff, '입고');
    const expected = staff.getByRole('list', { name: /입고 예정/ }).getByRole('listitem').filter({ hasText: '(주)한빛식품' });
    await expected.getByText('서울특별시 마포구 양화로 45 (주)한빛식품 물류센터 2번 도크').waitFor();
    await expected.getByText('내일').waitFor();
    await expected.getByRole('button', { name: /입고 시작/ }).click();

    await staff.getByText(`기부 예정 #${plan.id}`, { exact: false }).first().waitFor();
    expect(await staff.getByLabel('입고 경로').inputValue()).toBe('pickup');
    // Both lines name catalog items, so both are on the desk with the planned quantities in the
    // items' own units.
    expect(await staff.getByLabel('신라면 수량').inputValue()).toBe('200 개');
    expect(await staff.getByLabel('햇반 210g 수량').inputValue()).toBe('48 개');
    const focused = () => staff.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
    await expect.poll(focused).toBe('신라면 수량');
    const useBy = addDays(today(), 180).slice(2).replace(/-/g, '');
    await staff.keyboard.press('Enter');
    await expect.poll(focused).toBe('신라면 기한 날짜');
    await staff.keyboard.type(useBy);
    await staff.keyboard.press('Enter');
    // On to the next planned line still missing its date, then back to the scanner.
    await expect.poll(focused).toBe('햇반 210g 기한 날짜');
    await staff.keyboard.type(useBy);
    await staff.keyboard.press('Enter');
    await expect.poll(focused).toBe('scan');
    await staff.keyboard.press('Enter');
    await staff.keyboard.press('Enter');
    await staff.getByText(/입고 #\d+ 완료: \(주\)한빛식품/).waitFor();
    await staff.getByText(`기부 예정(#${plan.id})도 입고됨으로 처리했습니다.`).waitFor();

    const received = one<{ status: string; donation_id: number }>('select status, donation_id from planned_contributions where id = ?', plan.id);
    expect(received.status).toBe('received');
    expect(sql<{ item: string; quantity: number }>(
      'select i.name item, l.quantity from donation_lines l join items i on i.id = l.item_id where l.donation_id = ? order by l.line_no',
      received.donation_id,
    )).toEqual([
      { item: '신라면', quantity: 200 },
      { item: '햇반 210g', quantity: 48 },
    ]);
    expect(await staff.getByRole('list', { name: /입고 예정/ }).getByText('(주)한빛식품').count()).toBe(0);

    await staff.goto(`${h.baseUrl}/donors/${donorId('(주)한빛식품')}`);
    const shown = staff.getByRole('list', { name: '기부 예정' }).getByRole('listitem').filter({ hasText: `입고 #${received.donation_id}` });
    await shown.getByText('입고됨').waitFor();
  });

  it.each([375, 1280])('has no serious accessibility violations on the new pages at %ipx', async (width) => {
    const page = await signedIn(h.browser, DEMO_LOGINS.admin, width);
    const receipt = one<{ id: number }>('select id from receipts where voided_at is not null limit 1').id;
    const pages: [string, () => Promise<unknown>][] = [
      ['/donors', () => page.getByRole('heading', { name: '중복 의심 기부자' }).waitFor()],
      [`/donors/${donorId('김민지')}`, () => page.getByRole('heading', { name: '이 기부자의 영수증' }).waitFor()],
      ['/receipts', () => page.getByRole('heading', { name: /영수증 설정/ }).waitFor()],
      [`/receipts/${receipt}`, () => page.locator('.receipt-sheet').waitFor()],
      ['/intake', () => page.getByRole('heading', { name: /입고 예정/ }).waitFor()],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${h.baseUrl}${path}`);
      await ready();
      expect({ path, violations: await seriousAccessibilityViolations(page) }).toEqual({ path, violations: [] });
      // Nothing spills sideways on a phone.
      if (width === 375) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
    await page.context().close();
  });
});
