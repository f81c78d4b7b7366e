import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../server/db/repositories/users.js';
import { DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { getMyAgency } from '../../server/services/agencies.js';
import { listRequests } from '../../server/services/requests.js';
import { browserAvailable, expectPhoneFriendly, followNav, phonePage, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { signIn } from '../support/factories.js';

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
const agencyRequests = (email: string) => {
  const actor = actorOf(email);
  return listRequests(h.app.app.db, actor, { agencyId: getMyAgency(h.app.app.db, actor).agency!.id });
};

/** The one option of a select whose text starts with `prefix` (options also say how much is available). */
async function selectStartingWith(select: Locator, prefix: string): Promise<void> {
  const labels = await select.locator('option').allTextContents();
  const label = labels.map((l) => l.trim()).find((l) => l.startsWith(prefix));
  expect(label, `an option starting with ${prefix}`).toBeDefined();
  await select.selectOption({ label: label! });
}

describe.skipIf(!run)('a new partner agency on a phone', () => {
  const email = 'nanum@seongmisan.example';
  const password = 'seongmisan-2026-pass';
  let page: Page;

  it('applies from the sign-in page and lands on its agency page, under review', async () => {
    page = await phonePage(h.browser);
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: '이용시설 이용 신청' }).click();
    await page.getByRole('heading', { level: 1, name: '이용시설 이용 신청' }).waitFor();
    await expectPhoneFriendly(page);

    // Nothing filled in: the checks show beside the fields and nothing is sent.
    await page.getByRole('button', { name: '신청하기' }).click();
    await expect.poll(() => page.getByLabel('이용할 푸드뱅크').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#apply-type-error').textContent()).toBe('시설 유형을 선택해 주세요.');
    expect(await page.getByLabel('이용할 푸드뱅크').evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel('이용할 푸드뱅크').selectOption({ label: '마포구기초푸드뱅크 (서울특별시 마포구)' });
    await page.getByLabel('시설 이름').fill('성미산 나눔쉼터');
    await page.getByLabel('시설 유형').selectOption({ label: '쉼터' });
    await page.getByLabel('주소', { exact: true }).fill('서울특별시 마포구 성미산로 17길 5');
    await page.getByLabel('담당자 이름').fill('한나눔');
    await page.getByLabel('담당자 전화번호').fill('010-2345-6789');

    // Capacity is asked only for the zones the agency can keep.
    expect(await page.getByLabel('냉장 보관 가능량 (선택)').count()).toBe(0);
    await page.getByLabel('냉장고가 있습니다 (0–10℃)').check();
    await page.getByLabel('냉장 보관 가능량 (선택)').fill('30');
    expect(await page.getByLabel('냉동 보관 가능량 (선택)').count()).toBe(0);
    await page.getByLabel('상온 보관 가능량 (선택)').fill('300');

    await page.getByLabel('1순위 · 긴급지원대상자').fill('3');
    await page.getByLabel('2순위 · 차상위계층·주거·교육급여').fill('6');
    await page.getByLabel('4순위 · 생계·의료급여 수급자 등 저소득층').fill('11');
    await page.getByRole('radio', { name: /^배송/ }).check();

    await page.getByLabel('이름', { exact: true }).fill('한나눔');
    await page.getByLabel('로그인 이메일').fill(email);
    await page.getByLabel('비밀번호', { exact: true }).fill(password);
    await page.getByLabel('비밀번호 확인').fill(password);
    await expectPhoneFriendly(page);
    await page.getByRole('button', { name: '신청하기' }).click();

    await page.getByRole('heading', { level: 1, name: '우리 시설' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/agency');
    await expect.poll(() => page.getByRole('heading', { name: /이용 상태:/ }).textContent()).toMatch(/심사 중/);
    await page.getByText('아직 받은 물품이 없습니다.').waitFor();
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain('성미산 나눔쉼터');
    expect(main).toContain('010-2345-6789');
    await expectPhoneFriendly(page);

    const agency = getMyAgency(h.app.app.db, actorOf(email)).agency!;
    expect(agency).toMatchObject({
      status: 'pending',
      type: 'shelter',
      fulfilment: 'delivery',
      storage: { fridge: true, freezer: false, ambientCapacity: 300, chilledCapacity: 30, frozenCapacity: null },
      peopleServed: { emergency: 3, nearPoor: 6, cutOff: 0, recipients: 11 },
    });
  });

  it('cannot request while under review: the page says so, and so would the API', async () => {
    await followNav(page, '요청하기');
    await page.getByText('승인된 이용시설만 물품을 요청할 수 있습니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '새 요청 작성' }).count()).toBe(0);
    expect(await page.getByText('심사 중', { exact: true }).isVisible()).toBe(true);
    await expectPhoneFriendly(page);

    const session = await signIn(h.app.app, email, password);
    const refused = await h.app.app.inject({
      method: 'POST',
      url: '/api/me/requests',
      headers: { ...session.headers, 'idempotency-key': 'pending-agency-try-1' },
      payload: { neededBy: tomorrow(), fulfilment: 'delivery', lines: [{ categoryId: 1, quantity: 10 }], submit: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('agency_not_approved');

    // Home says the same first.
    await followNav(page, '홈', /안녕하세요/);
    await page.getByText('심사 중', { exact: true }).waitFor();
    await page.context().close();
  });
});

describe.skipIf(!run)('햇살지역아동센터 asks for goods on a phone', () => {
  const email = 'agency@mapo.demo';
  let page: Page;
  let created: number;

  it('shows its approved agency, its profile and every lot it received', async () => {
    page = await phonePage(h.browser);
    await signInAs(page, h.baseUrl, email, DEMO_PASSWORD);
    // Home: what is on its way.
    await page.getByRole('heading', { name: '진행 중인 요청' }).waitFor();
    await followNav(page, '우리 시설');
    await expect.poll(() => page.getByRole('heading', { name: /이용 상태:/ }).textContent()).toMatch(/승인됨/);
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('두유 190ml') && r.includes('30팩') && r.includes('오햇살 센터장'))).toBe(true);
    expect(rows.some((r) => r.includes('신라면'))).toBe(true);
    await expectPhoneFriendly(page);

    await page.getByRole('button', { name: '정보 수정' }).click();
    await page.getByLabel('담당자 전화번호').fill('02-332-1005');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('시설 정보를 저장했습니다.');
    expect(await page.getByRole('main').textContent()).toContain('02-332-1005');
    expect(getMyAgency(h.app.app.db, actorOf(email)).agency!.contactPhone).toBe('023321005');
  });

  it('asks for an item and a category; the review merges lines and flags 5000 soy milk against a usual 30', async () => {
    await followNav(page, '요청하기');
    await page.getByRole('heading', { name: '진행 중인 요청' }).waitFor();
    await expectPhoneFriendly(page);
    const before = agencyRequests(email).length;

    await page.getByRole('button', { name: '새 요청 작성' }).click();
    await page.getByRole('heading', { name: '새 요청' }).waitFor();
    expect(await page.getByRole('radio', { name: /^방문 수령/ }).isChecked()).toBe(true);

    // Nothing filled in: checked here, beside the fields.
    await page.getByRole('button', { name: '검토하기' }).click();
    expect(await page.locator('#request-new-date-error').textContent()).toBe('필요한 날을 골라 주세요.');

    await page.getByLabel('필요한 날').fill(tomorrow());
    const lines = page.locator('ol.lines > li');
    await lines.nth(0).getByLabel('품목', { exact: true }).fill('두유 190ml');
    // The availability hint is words, never a number.
    const hint = lines.nth(0).locator('.target-hint');
    await expect.poll(() => hint.textContent()).toMatch(/음료 · 단위 팩 · 상온\s*(넉넉함|적음|지금은 없음)/);
    expect(await hint.textContent()).not.toMatch(/\d{2,}/);
    await lines.nth(0).getByLabel(/^수량/).fill('5000');

    await page.getByRole('button', { name: '물품 추가' }).click();
    await lines.nth(1).getByRole('radio', { name: '분류 전체' }).check();
    await selectStartingWith(lines.nth(1).getByLabel('분류', { exact: true }), '면류 · ');
    await lines.nth(1).getByLabel(/^수량/).fill('200');

    await page.getByRole('button', { name: '물품 추가' }).click();
    await lines.nth(2).getByRole('radio', { name: '분류 전체' }).check();
    await selectStartingWith(lines.nth(2).getByLabel('분류', { exact: true }), '면류 · ');
    await lines.nth(2).getByLabel(/^수량/).fill('100');
    await page.getByLabel('메모 (선택)').fill('겨울방학 급식용');
    await expectPhoneFriendly(page);

    await page.getByRole('button', { name: '검토하기' }).click();
    await page.getByRole('heading', { name: '요청 내용 확인' }).waitFor();
    expect(await page.getByText('같은 물품을 적은 줄 1개를 하나로 합쳤습니다.').isVisible()).toBe(true);
    const kept = (await page.locator('ul.preview > li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatch(/^두유 190ml 5,000팩 평소 30 → 5,000\?/);
    expect(kept[1]).toBe('면류 분류 전체 300개');
    await expectPhoneFriendly(page);

    // Submitting without saying the quantity is meant is stopped here, and nothing is created.
    await page.getByRole('button', { name: '요청 제출' }).click();
    const tick = page.getByLabel('표시한 수량이 맞습니다. 평소보다 많이 요청합니다.');
    await expect.poll(() => tick.getAttribute('aria-invalid')).toBe('true');
    expect(await tick.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(agencyRequests(email)).toHaveLength(before);

    await tick.check();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/me/requests')) posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: '요청 제출' }).dblclick();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^#\d+ 요청을 제출했습니다\.$/);

    const after = agencyRequests(email);
    expect(after).toHaveLength(before + 1);
    const request = after[0]!;
    created = request.id;
    expect(request).toMatchObject({ status: 'submitted', fulfilment: 'pickup', neededBy: tomorrow(), note: '겨울방학 급식용' });
    expect(request.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['두유 190ml', 5000],
      ['면류', 300],
    ]);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((key) => key === posts[0] && key.length >= 8)).toBe(true);

    const card = page.locator(`#request-${created}`);
    expect(await card.getByText('제출됨', { exact: true }).isVisible()).toBe(true);
    await expectPhoneFriendly(page);
  });

  it('opens the request and cancels it with a reason', async () => {
    await page.locator(`#request-${created}`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^요청 #${created}`) }).waitFor();
    await page.getByRole('heading', { name: '진행 상황' }).waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('제출');
    await expectPhoneFriendly(page);

    await page.getByRole('button', { name: '요청 취소' }).click();
    const dialog = page.getByRole('dialog', { name: '요청 취소' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '취소하기' }).click();
    expect(await dialog.locator('.field-error').textContent()).toBe('취소 사유를 적어 주세요.');
    expect(await dialog.getByLabel('취소 사유').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('취소 사유').fill('수량을 잘못 적어 다시 요청합니다');
    await dialog.getByRole('button', { name: '취소하기' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`#${created} 요청을 취소했습니다.`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('취소됨');
    expect(await page.getByRole('main').textContent()).toContain('수량을 잘못 적어 다시 요청합니다');
    expect(await page.getByRole('button', { name: '요청 취소' }).count()).toBe(0);

    const request = agencyRequests(email).find((r) => r.id === created)!;
    expect(request).toMatchObject({ status: 'cancelled', cancelReason: '수량을 잘못 적어 다시 요청합니다' });
    await expectPhoneFriendly(page);
    await page.context().close();
  });
});

describe.skipIf(!run)('마포노인복지관 finishes a draft and confirms a delivery on a phone', () => {
  const email = 'seniors@mapo.demo';
  let page: Page;

  it('changes its draft and submits it', async () => {
    page = await phonePage(h.browser);
    await signInAs(page, h.baseUrl, email, DEMO_PASSWORD);
    await followNav(page, '요청하기');
    const draft = agencyRequests(email).find((r) => r.status === 'draft')!;
    await page.locator(`#request-${draft.id}`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^요청 #${draft.id}`) }).waitFor();
    await page.getByText('임시 저장한 요청입니다.', { exact: false }).waitFor();

    await page.getByRole('button', { name: '고쳐서 제출하기' }).click();
    const quantity = page.locator('ol.lines > li').nth(0).getByLabel(/^수량/);
    await expect.poll(() => quantity.inputValue()).toBe('48');
    expect(await page.locator('ol.lines > li').nth(0).getByLabel('품목', { exact: true }).inputValue()).toBe('햇반 210g');
    await quantity.fill('60');
    await page.getByRole('button', { name: '검토하기' }).click();
    await page.getByRole('heading', { name: '요청 내용 확인' }).waitFor();
    await page.getByRole('button', { name: '요청 제출' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`#${draft.id} 요청을 제출했습니다.`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('제출됨');

    const submitted = agencyRequests(email).find((r) => r.id === draft.id)!;
    expect(submitted.status).toBe('submitted');
    expect(submitted.lines.map((l) => l.quantity)).toEqual([60]);
  });

  it('confirms receipt of its delivery once it is handed over, reporting a shortfall and damage', async () => {
    const ready = agencyRequests(email).find((r) => r.status === 'ready')!;
    const staff = await signIn(h.app.app, 'warehouse@mapo.demo', DEMO_PASSWORD);
    const handover = await h.app.app.inject({
      method: 'POST',
      url: `/api/requests/${ready.id}/handover`,
      headers: staff.headers,
      payload: { receivedByName: '김복지 팀장' },
    });
    expect(handover.statusCode, handover.body).toBe(200);

    // Home puts it first: something to confirm.
    await followNav(page, '홈', /안녕하세요/);
    const confirm = page.getByRole('region', { name: '수령 확인이 필요합니다' });
    await confirm.waitFor();
    await confirm.getByRole('link', { name: new RegExp(`^#${ready.id} `) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^요청 #${ready.id}`) }).waitFor();
    await page.getByRole('heading', { name: '수령 확인', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('전달됨');
    expect(await page.getByRole('main').textContent()).toContain('김복지 팀장');
    await expectPhoneFriendly(page);

    const given = ready.allocations.filter((a) => a.status === 'reserved');
    // The line with the most units is where the shortfall and the damage are reported.
    const most = given.reduce((top, a) => (a.quantity > top.quantity ? a : top));
    expect(most.quantity).toBeGreaterThan(2);
    const rest = given.filter((a) => a.id !== most.id);
    // Every line starts as received in full.
    for (const allocation of given) expect(await page.locator(`#received-${allocation.id}`).inputValue()).toBe(String(allocation.quantity));
    await page.locator(`#received-${most.id}`).fill(String(most.quantity - 2));
    await page.locator(`#damaged-${most.id}`).fill(String(most.quantity));
    await page.getByRole('button', { name: '수령 확인 보내기' }).click();
    // More damaged than received is caught beside the field.
    expect(await page.locator(`#damaged-${most.id}-error`).textContent()).toBe('파손 수량은 받은 수량보다 많을 수 없습니다.');
    await page.locator(`#damaged-${most.id}`).fill('1');
    await page.locator(`#receipt-note-${most.id}`).fill('2개 모자람, 1개 포장 터짐');
    await page.getByRole('button', { name: '수령 확인 보내기' }).dblclick();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('수령 확인을 보냈습니다. 감사합니다.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('수령 완료');
    expect(await page.getByRole('main').textContent()).toContain('2개 모자람, 1개 포장 터짐');

    const received = agencyRequests(email).find((r) => r.id === ready.id)!;
    expect(received.status).toBe('received');
    const lines = received.confirmation!.lines;
    expect(lines.find((l) => l.allocationId === most.id)).toMatchObject({ receivedQuantity: most.quantity - 2, damagedQuantity: 1, note: '2개 모자람, 1개 포장 터짐' });
    for (const allocation of rest) expect(lines.find((l) => l.allocationId === allocation.id)).toMatchObject({ receivedQuantity: allocation.quantity, damagedQuantity: 0 });
    await expectPhoneFriendly(page);
    await page.context().close();
  });
});
