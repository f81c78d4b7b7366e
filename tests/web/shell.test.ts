import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { browserAvailable, seriousAccessibilityViolations, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const run = browserAvailable();
let h: BrowserHarness;

beforeAll(async () => {
  if (run) h = await startBrowserHarness();
});
afterAll(async () => {
  if (run) await h.close();
});

/** A fresh browser profile (no cookies, no saved language) at phone (375×740) or desktop width. */
async function newPage(width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: width <= 375 ? 740 : 800 }, locale: 'ko-KR' });
  return context.newPage();
}

/** On a phone the navigation folds behind a menu button; this opens it when it is folded. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByRole('navigation').getByRole('button');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function follow(page: Page, link: string): Promise<void> {
  await openMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

const navLinks = async (page: Page) => {
  await openMenu(page);
  return (await page.getByRole('navigation').getByRole('link').allTextContents()).map((t) => t.trim());
};

describe.skipIf(!run)('the web app', () => {
  it.each([
    ['admin', ['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '배분 요청', '배분 매칭', '이용시설', '기부자', '기부금영수증', '사용자 관리', '내 계정']],
    ['staff', ['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '배분 요청', '배분 매칭', '이용시설', '기부자', '기부금영수증', '내 계정']],
    ['donor', ['홈', '내 기부자 정보', '기부 예정', '기부 내역', '내 영수증', '내 계정']],
    ['agency', ['홈', '우리 시설', '요청하기', '내 계정']],
  ] as const)('signs in as %s and shows only that role’s navigation', async (role, expected) => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS[role], DEMO_PASSWORD);
    expect(await navLinks(page)).toEqual(expected);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/안녕하세요/);
    // A role without the users page gets "not found" even by typing its address.
    if (role !== 'admin') {
      await page.goto(`${h.baseUrl}/users`);
      await page.getByRole('navigation').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('페이지를 찾을 수 없습니다');
    }
    await page.context().close();
  });

  it('explains a wrong password in the chosen language', async () => {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/`);
    await page.getByLabel('이메일').fill(DEMO_LOGINS.staff);
    await page.getByLabel('비밀번호').fill('wrong-password');
    await page.getByRole('button', { name: '로그인' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    await page.context().close();
  });

  it('switches language to English and Mongolian, and remembers the choice after a reload', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    const language = page.getByLabel('언어');
    await language.selectOption('en');
    expect(await navLinks(page)).toEqual(['Home', 'Intake', 'Stock', 'Expiring', 'Stock counts', 'Shipments', 'Items', 'Locations', 'Requests', 'Matching', 'Agencies', 'Donors', 'Receipts', 'Users', 'My account']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const now = new Date();
    const today = () => page.getByRole('main').getByText(/^(Today is|Өнөөдөр)/).textContent();
    expect(await today()).toBe(`Today is ${new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(now)}.`);
    await page.getByLabel('Language').selectOption('mn');
    const mongolian = ['Нүүр', 'Хүлээн авалт', 'Нөөц', 'Хугацаа дуусах', 'Тооллого', 'Шилжүүлэг', 'Бараа', 'Байршил', 'Хүсэлтүүд', 'Хуваарилалт', 'Байгууллагууд', 'Хандивлагчид', 'Баримтууд', 'Хэрэглэгчид', 'Миний бүртгэл'];
    expect(await navLinks(page)).toEqual(mongolian);
    // Chromium has no Mongolian date data; the app's own pattern writes the date in Mongolian.
    expect(await today()).toContain(`${now.getFullYear()} оны ${now.getMonth() + 1}-р сарын ${now.getDate()}, `);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Сайн байна уу/);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    expect(await navLinks(page)).toEqual(mongolian);
    expect(await page.getByRole('button', { name: 'Гарах' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('signs out and lands on the sign-in page; the session does not come back on reload', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.staff, DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.context().close();
  });

  it('keeps the session across a reload through the refresh cookie', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.donor, DEMO_PASSWORD);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    expect(await navLinks(page)).toEqual(['홈', '내 기부자 정보', '기부 예정', '기부 내역', '내 영수증', '내 계정']);
    await page.context().close();
  });

  it('refreshes an expired access token once and retries; when the session is gone, goes to sign-in', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    let refreshes = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) refreshes++;
    });
    let usersCalls = 0;
    await page.route('**/api/users', (route) => {
      // The first answer plays an access token that expired meanwhile.
      if (usersCalls++ === 0) {
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_token' }),
        });
      }
      return route.continue();
    });
    await follow(page, '사용자 관리');
    await page.getByRole('cell', { name: DEMO_LOGINS.admin }).waitFor();
    expect([usersCalls, refreshes]).toEqual([2, 1]);

    await page.context().clearCookies();
    usersCalls = 0;
    await follow(page, '홈');
    await follow(page, '사용자 관리');
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    expect(refreshes).toBe(2);
    await page.context().close();
  });

  it('lets an admin create a user, shows the temporary password once, and that user must change it', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    await page.getByRole('link', { name: '사용자 관리' }).click();
    await page.getByLabel('이름', { exact: true }).fill('신규 직원');
    await page.getByLabel('이메일', { exact: true }).fill('new.staff@mapo.demo');
    await page.getByRole('button', { name: '추가' }).click();
    await page.getByText('new.staff@mapo.demo 계정을 만들었습니다.').waitFor();
    expect(await page.getByText('임시 비밀번호', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/다시 표시되지 않습니다/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '복사' }).isVisible()).toBe(true);
    const temporary = (await page.getByRole('main').locator('code').textContent())!.trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await page.getByRole('cell', { name: 'new.staff@mapo.demo' }).count()).toBe(1);
    // Shown once: leaving the page and coming back does not bring it back.
    await page.getByRole('link', { name: '홈' }).click();
    await page.getByRole('link', { name: '사용자 관리' }).click();
    await page.getByRole('cell', { name: 'new.staff@mapo.demo' }).waitFor();
    expect(await page.getByText(temporary).count()).toBe(0);

    const other = await newPage(375);
    await other.goto(`${h.baseUrl}/`);
    await other.getByLabel('이메일').fill('new.staff@mapo.demo');
    await other.getByLabel('비밀번호').fill(temporary);
    await other.keyboard.press('Enter');
    await other.getByRole('heading', { name: '비밀번호 변경' }).waitFor();
    await other.getByLabel('현재 비밀번호').fill(temporary);
    await other.getByLabel('새 비밀번호', { exact: true }).fill('my-own-long-password');
    await other.getByLabel('새 비밀번호 확인').fill('my-own-long-password');
    await other.getByRole('button', { name: '변경' }).click();
    await other.getByRole('navigation').waitFor();
    expect(await navLinks(other)).toEqual(['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '배분 요청', '배분 매칭', '이용시설', '기부자', '기부금영수증', '내 계정']);
    await other.context().close();
    await page.context().close();
  });

  it('shows the server’s refusals in words: field errors beside the field and a taken email', async () => {
    const page = await newPage(375);
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    // At phone width the menu starts folded, opens from its button and folds again after a choice.
    const menu = page.getByRole('button', { name: /^메뉴/ });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: '사용자 관리' }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: '사용자 관리' }).click();
    await page.getByRole('heading', { name: '사용자 관리' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.textContent()).toContain('사용자 관리');
    await page.getByLabel('이름', { exact: true }).fill('짧은 비번');
    await page.getByLabel('이메일', { exact: true }).fill('not-an-email');
    await page.getByLabel('비밀번호 (선택)').fill('short');
    await page.getByRole('button', { name: '추가' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('입력 내용을 확인하세요.');
    const described = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '),
      );
    expect(await described('이메일')).toBe('올바른 이메일 주소를 입력하세요.');
    expect(await described('비밀번호 (선택)')).toMatch(/^10자 이상 입력하세요\. /);
    expect(await page.getByLabel('이메일', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('이메일', { exact: true }).fill(DEMO_LOGINS.donor);
    await page.getByLabel('비밀번호 (선택)').fill('');
    await page.getByRole('button', { name: '추가' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('이미 사용 중인 이메일입니다.');
    await page.context().close();
  });

  it('asks before changing a role or an account’s access, and leaves the admin’s own row alone', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    await page.getByRole('link', { name: '사용자 관리' }).click();
    const own = page.getByRole('row').filter({ hasText: DEMO_LOGINS.admin });
    await own.waitFor();
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.getByRole('combobox').count()).toBe(0);

    // Cancel leaves the role as it was; confirm saves it.
    const role = page.getByLabel('정하은님의 역할', { exact: true });
    await role.selectOption('donor');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('정하은님의 역할을 바꿀까요? 직원 → 기부자');
    expect(await dialog.getByRole('button', { name: '취소' }).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => role.inputValue()).toBe('staff');
    await role.selectOption('agency');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => role.inputValue()).toBe('staff');
    await role.selectOption('agency');
    await dialog.getByRole('button', { name: '확인' }).click();
    await page.getByText('정하은님의 역할을 바꿨습니다.').waitFor();
    await page.reload();
    expect(await page.getByLabel('정하은님의 역할', { exact: true }).inputValue()).toBe('agency');

    // Disable: the account can no longer sign in; re-enable brings it back.
    const row = page.getByRole('row').filter({ hasText: 'warehouse@mapo.demo' });
    await row.getByRole('button', { name: '사용 중지' }).click();
    await dialog.getByRole('button', { name: '확인' }).click();
    await row.getByRole('button', { name: '다시 사용' }).waitFor();
    expect(await row.getByText('사용 중지', { exact: true }).isVisible()).toBe(true);

    const other = await newPage(375);
    await other.goto(`${h.baseUrl}/`);
    await other.getByLabel('이메일').fill('warehouse@mapo.demo');
    await other.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await other.keyboard.press('Enter');
    await expect.poll(() => other.getByRole('alert').textContent()).toBe('사용 중지된 계정입니다. 관리자에게 문의하세요.');

    await row.getByRole('button', { name: '다시 사용' }).click();
    await expect.poll(() => dialog.textContent()).toContain('정하은님의 계정을 다시 사용하게 할까요?');
    await dialog.getByRole('button', { name: '확인' }).click();
    await row.getByRole('button', { name: '사용 중지' }).waitFor();
    await other.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await other.keyboard.press('Enter');
    await other.getByRole('navigation').waitFor();
    await other.context().close();
    await page.context().close();
  });

  it('tells a locked-out account how long to wait, in minutes', async () => {
    const page = await newPage(375);
    await page.goto(`${h.baseUrl}/`);
    let code = '';
    for (let attempt = 0; attempt < 8 && code !== 'account_locked'; attempt++) {
      await page.getByLabel('이메일').fill('seniors@mapo.demo');
      await page.getByLabel('비밀번호').fill('wrong-password');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: '로그인' }).click(),
      ]);
      code = ((await response.json()) as { code: string }).code;
    }
    expect(code).toBe('account_locked');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^로그인 실패가 많아 계정이 잠시 잠겼습니다\. (1[0-5])분 후 다시 시도하세요\.$/);
    await page.context().close();
  });

  it.each([375, 1280])('has no serious or critical accessibility violations at %ipx', async (width) => {
    const page = await newPage(width);
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    for (const [link, ready] of [
      ['사용자 관리', 'table'],
      ['입고', 'heading'],
      ['재고', 'table'],
      ['기한 임박', 'table'],
      ['재고 실사', 'heading'],
      ['이관', 'table'],
      ['품목', 'table'],
      ['보관 장소', 'table'],
    ] as const) {
      await follow(page, link);
      await page.getByRole('main').getByRole(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousAccessibilityViolations(page), link).toEqual([]);
    }
    await page.context().close();
  });

  it('is usable by keyboard alone: sign in, skip to content, reach the navigation', async () => {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/`);
    await page.getByLabel('이메일').focus();
    await page.keyboard.type(DEMO_LOGINS.admin);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('본문으로 건너뛰기');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });
});
