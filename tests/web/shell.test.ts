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

async function newPage(width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 800 }, locale: 'ko-KR' });
  return context.newPage();
}

const navLinks = async (page: Page) =>
  (await page.getByRole('navigation').getByRole('link').allTextContents()).map((t) => t.trim());

describe.skipIf(!run)('the web app', () => {
  it.each([
    ['admin', ['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '사용자 관리', '내 계정']],
    ['staff', ['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '내 계정']],
    ['donor', ['홈', '내 계정']],
    ['agency', ['홈', '내 계정']],
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
    expect(await navLinks(page)).toEqual(['Home', 'Intake', 'Stock', 'Expiring', 'Stock counts', 'Shipments', 'Items', 'Locations', 'Users', 'My account']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').selectOption('mn');
    const mongolian = ['Нүүр', 'Хүлээн авалт', 'Нөөц', 'Хугацаа дуусах', 'Тооллого', 'Шилжүүлэг', 'Бараа', 'Байршил', 'Хэрэглэгчид', 'Миний бүртгэл'];
    expect(await navLinks(page)).toEqual(mongolian);
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
    expect(await navLinks(page)).toEqual(['홈', '내 계정']);
    await page.context().close();
  });

  it('lets an admin create a user, shows the temporary password once, and that user must change it', async () => {
    const page = await newPage();
    await signInAs(page, h.baseUrl, DEMO_LOGINS.admin, DEMO_PASSWORD);
    await page.getByRole('link', { name: '사용자 관리' }).click();
    await page.getByLabel('이름', { exact: true }).fill('신규 직원');
    await page.getByLabel('이메일', { exact: true }).fill('new.staff@mapo.demo');
    await page.getByRole('button', { name: '추가' }).click();
    const notice = page.getByText(/임시 비밀번호: /);
    await notice.waitFor();
    const temporary = (await notice.textContent())!.replace('임시 비밀번호: ', '').trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await page.getByRole('cell', { name: 'new.staff@mapo.demo' }).count()).toBe(1);

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
    expect(await navLinks(other)).toEqual(['홈', '입고', '재고', '기한 임박', '재고 실사', '이관', '품목', '보관 장소', '내 계정']);
    await other.context().close();
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
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
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
