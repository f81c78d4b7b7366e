import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { ensureWebBuilt } from '../../server/lib/web-build.js';
import { createTestApp, type TestApp } from './app.js';

export const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve('web/dist');

/**
 * Browser tests need Debian's Chromium. Without it they are skipped with a notice, except under
 * CI=true, where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)`);
  console.warn(`Skipping browser tests: ${CHROMIUM} not found (apt-get install chromium to run them).`);
  return false;
}

export interface BrowserHarness {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** A real server on a demo database serving the built web app, and a headless Chromium. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  await ensureWebBuilt(WEB_DIST, () => undefined);
  // Every test signs in from 127.0.0.1: the per-address sign-in limit would otherwise trip mid-suite.
  const app = await createTestApp({ WEB_DIST_DIR: WEB_DIST, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  await seedDemo(app.app.db, app.app.cipher);
  await app.app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/이메일|Email|И-мэйл/).fill(email);
  await page.getByLabel(/비밀번호|Password|Нууц үг/).fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const axe = await import('axe-core');
  await page.addScriptTag({ content: axe.default.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

/** A fresh browser profile at phone width (375 px), in Korean, that accepts downloads. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'ko-KR', acceptDownloads: true });
  return context.newPage();
}

/**
 * Follows a link of the main navigation, opening the menu first where it folds (on a phone), and
 * waits for the page's heading (the link's own words unless told otherwise; null: do not wait).
 */
export async function followNav(page: Page, link: string, heading: string | RegExp | null = link): Promise<void> {
  const toggle = page.getByRole('navigation').getByRole('button');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  if (heading !== null) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Nothing serious for axe-core, and nothing wider than the phone's screen. */
export async function expectPhoneFriendly(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}
