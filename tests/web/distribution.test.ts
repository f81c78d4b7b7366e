import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { addDays, today } from '../../server/lib/dates.js';
import { browserAvailable, seriousAccessibilityViolations, signInAs, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';

const run = browserAvailable();
let h: BrowserHarness;
let staff: Page;
let admin: Page;

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width <= 375 ? 740 : 900 }, locale: 'ko-KR', acceptDownloads: true });
  // An action that cannot happen fails with its locator well before the test's own time limit.
  context.setDefaultTimeout(10_000);
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

/** The API as one user sees it, through the app itself (for the checks and the agency's own steps). */
async function apiAs(email: string) {
  const login = await h.app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${login.json().accessToken}` };
  return {
    get: async <T>(url: string) => (await h.app.app.inject({ method: 'GET', url, headers })).json() as T,
    post: async <T>(url: string, payload: object) => {
      const response = await h.app.app.inject({ method: 'POST', url, headers, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json() as T;
    },
  };
}

/** Follows a link of the main navigation (the menu is unfolded on a desktop-wide page). */
const follow = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const percent = (rate: number) => new Intl.NumberFormat('ko', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
const confirmDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: '확인' }).click();

interface Round {
  id: number;
  status: string;
  agencies: { agencyId: number; agencyName: string; requested: number; allocated: number; fillRate: number }[];
  lines: { requestLineId: number; requestId: number; agencyId: number; name: string; requested: number; allocated: number }[];
  allocations: { requestLineId: number; requestId: number; agencyName: string; lotId: number; locationId: number; itemName: string; quantity: number }[];
}
interface ItemStock {
  itemId: number;
  itemName: string;
  onHand: number;
  reserved: number;
}
interface PickList {
  lines: { allocationId: number; warehouse: string; locationName: string; itemName: string; lotId: number; quantity: number }[];
}
interface AllocationRequest {
  id: number;
  status: string;
  allocations: { id: number; itemName: string; lotId: number; quantity: number; status: string }[];
}

describe.skipIf(!run)('distribution in the browser: agencies, matching, pick list, handover and trace', () => {
  it('takes an agency request from submission through matching, pick list, handover and receipt to the lot trace', async () => {
    // 1. The agency asks on its phone, in the agency portal.
    const agencyPage = await signedIn(h.browser, 'agency@mapo.demo', 375);
    await agencyPage.goto(`${h.baseUrl}/agency/requests`);
    await agencyPage.getByRole('button', { name: '새 요청 작성' }).click();
    await agencyPage.getByLabel('필요한 날').fill(addDays(today(), 3));
    const asked: [string, number][] = [
      ['신라면', 120],
      ['간장 900ml', 4],
      ['세탁세제 2.5L', 3],
    ];
    for (const [index, [name, quantity]] of asked.entries()) {
      if (index > 0) await agencyPage.getByRole('button', { name: '물품 추가' }).click();
      await agencyPage.getByLabel('품목', { exact: true }).nth(index).fill(name);
      await agencyPage.getByLabel(/^수량/).nth(index).fill(String(quantity));
    }
    await agencyPage.getByLabel('메모 (선택)').fill('겨울방학 프로그램');
    await agencyPage.getByRole('button', { name: '검토하기' }).click();
    await agencyPage.getByRole('heading', { name: '요청 내용 확인' }).waitFor();
    await agencyPage.getByRole('button', { name: '요청 제출' }).click();
    const submitted = agencyPage.getByText(/^#\d+ 요청을 제출했습니다\.$/);
    await submitted.waitFor();
    const requestId = Number(/#(\d+)/.exec((await submitted.textContent())!)![1]);
    const request = one<{ id: number; status: string }>('select id, status from allocation_requests where id = ?', requestId);
    expect(request.status).toBe('submitted');
    expect(sql<{ name: string; quantity: number }>('select i.name, l.quantity from request_lines l join items i on i.id = l.item_id where l.request_id = ? order by l.line_no', requestId)).toEqual(
      asked.map(([name, quantity]) => ({ name, quantity })),
    );

    // 2. Staff run a round with the Korean defaults shown.
    await follow(staff, '배분 매칭');
    await staff.getByText('대기 중인 요청 3건 (이용시설 2곳)').waitFor();
    expect(await staff.getByLabel('긴급지원대상자').inputValue()).toBe('4');
    expect(await staff.getByLabel('생계·의료급여 수급자 등').inputValue()).toBe('1');
    await staff.getByRole('button', { name: '매칭 실행' }).click();
    const heading = staff.getByRole('heading', { level: 1, name: /^매칭 회차 #\d+$/ });
    await heading.waitFor();
    const roundId = Number(/#(\d+)/.exec((await heading.textContent())!)![1]);
    const api = await apiAs(DEMO_LOGINS.staff);
    const round = await api.get<Round>(`/api/matching-rounds/${roundId}`);
    expect(round.status).toBe('proposed');

    // Both agencies' fill rates, as the round API computed them.
    const byAgency = staff.getByRole('table', { name: '시설별 충족률' });
    expect(round.agencies.map((a) => a.agencyName).sort()).toEqual(['마포노인복지관', '햇살지역아동센터']);
    for (const a of round.agencies) {
      const row = byAgency.getByRole('row').filter({ hasText: a.agencyName });
      expect(await row.textContent()).toContain(`${percent(a.fillRate)} (${a.allocated}/${a.requested})`);
    }
    // The 8 packs of toilet paper are shared by need (base 1 each, then 86 : 231), not 6 and 2.
    const paper = round.lines.filter((l) => l.name === '두루마리 화장지 30롤');
    expect(paper).toHaveLength(2);
    expect(paper.reduce((sum, l) => sum + l.allocated, 0)).toBe(8);
    expect(paper.every((l) => l.allocated > 0 && l.allocated < 6)).toBe(true);
    const sunshineId = round.agencies.find((a) => a.agencyName === '햇살지역아동센터')!.agencyId;
    const paperSunshine = paper.find((l) => l.agencyId === sunshineId)!;
    const paperSeniors = paper.find((l) => l.agencyId !== sunshineId)!;
    expect(paperSeniors.allocated).toBeGreaterThan(paperSunshine.allocated);
    const byLine = staff.getByRole('table', { name: '요청 줄별 결과' });
    for (const [line, agencyName] of [
      [paperSunshine, '햇살지역아동센터'],
      [paperSeniors, '마포노인복지관'],
    ] as const) {
      const row = byLine.getByRole('row').filter({ hasText: agencyName }).filter({ hasText: '두루마리 화장지 30롤' });
      const text = (await row.textContent())!;
      expect(text).toContain(`(${line.allocated}/6)`);
      expect(text).toContain('재고 부족: 다른 시설과 필요에 비례해 나눔');
    }
    // Milk expires before the seniors need it: said in words.
    expect(await byLine.getByRole('row').filter({ hasText: '흰우유 1L' }).textContent()).toContain('필요한 날까지 기한이 남은 로트가 없음');
    await staff.getByText('최저 충족률').waitFor();
    await staff.getByText('균등 지수 (Jain)').waitFor();

    // 3. An adjustment above what was asked is refused with the rule in words; nothing is kept.
    const paperAllocation = round.allocations.find((a) => a.requestLineId === paperSunshine.requestLineId)!;
    const paperInput = staff.getByLabel(`햇살지역아동센터 두루마리 화장지 30롤 로트 #${paperAllocation.lotId} 배분 수량`);
    await paperInput.fill('7');
    await staff.getByRole('button', { name: '변경 적용' }).click();
    await staff
      .getByText(`조정이 거부되었습니다. 햇살지역아동센터 · 두루마리 화장지 30롤 (로트 #${paperAllocation.lotId}): 요청한 수량(6)보다 많이 배분할 수 없습니다. 배분하려는 수량: 7`)
      .waitFor();
    expect(await staff.getByRole('button', { name: '확정 (재고 잡기)' }).isDisabled()).toBe(true);
    expect((await api.get<Round>(`/api/matching-rounds/${roundId}`)).allocations).toEqual(round.allocations);
    await staff.getByRole('button', { name: '변경 되돌리기' }).click();
    expect(await paperInput.inputValue()).toBe(String(paperSunshine.allocated));

    // A safe change is applied as the whole proposal: one bottle of soy sauce fewer.
    const soy = round.allocations.find((a) => a.requestId === request.id && a.itemName === '간장 900ml')!;
    expect(soy.quantity).toBe(4);
    await staff.getByLabel(`햇살지역아동센터 간장 900ml 로트 #${soy.lotId} 배분 수량`).fill('3');
    await staff.getByRole('button', { name: '변경 적용' }).click();
    await staff.getByText('변경을 적용했습니다. 충족률과 공정성을 다시 계산했습니다.').waitFor();
    const adjusted = await api.get<Round>(`/api/matching-rounds/${roundId}`);
    expect(adjusted.allocations.find((a) => a.requestLineId === soy.requestLineId)!.quantity).toBe(3);
    expect(adjusted.allocations).toHaveLength(round.allocations.length);

    // 4. Confirm: stock is reserved, not yet gone.
    const before = await api.get<{ items: ItemStock[] }>('/api/stock/items');
    await staff.getByRole('button', { name: '확정 (재고 잡기)' }).click();
    await staff.getByRole('dialog').getByText(/이용시설 2곳에 \d+줄/).waitFor();
    await confirmDialog(staff);
    await staff.getByText('확정했습니다. 재고를 잡았습니다. 요청별로 피킹 목록을 출력하세요.').waitFor();
    const reserved = one<{ n: number }>("select coalesce(sum(quantity), 0) n from allocations where round_id = ? and status = 'reserved'", roundId).n;
    expect(reserved).toBe(adjusted.allocations.reduce((sum, a) => sum + a.quantity, 0));

    // 5. The request's pick list, in walking order, prints alone.
    await staff.getByRole('list', { name: '이 회차로 배분된 요청' }).getByRole('link', { name: `요청 #${request.id}` }).click();
    await staff.getByRole('heading', { level: 1, name: `요청 #${request.id} · 햇살지역아동센터` }).waitFor();
    const pickList = await api.get<PickList>(`/api/requests/${request.id}/pick-list`);
    expect(pickList.lines.length).toBeGreaterThanOrEqual(3);
    const sheet = staff.getByRole('table', { name: '피킹 목록 (동선 순서)' });
    const rows = sheet.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(pickList.lines.length);
    for (const [index, line] of pickList.lines.entries()) {
      const cells = await rows.nth(index).getByRole('cell').allTextContents();
      expect(cells.slice(0, 4)).toEqual([String(index + 1), line.warehouse, line.locationName, line.itemName]);
      expect(cells[5]).toBe(`로트 #${line.lotId}`);
      expect(cells[7]).toContain(String(line.quantity));
    }
    // Walking order: the locations' own order, as set up in the warehouse.
    const order = new Map(sql<{ name: string; sort_order: number }>('select name, sort_order from locations').map((l) => [l.name, l.sort_order]));
    const walk = pickList.lines.map((l) => order.get(l.locationName)!);
    expect(walk).toEqual([...walk].sort((a, b) => a - b));
    expect(new Set(pickList.lines.map((l) => l.locationName)).size).toBeGreaterThan(1);
    await staff.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await staff.getByRole('navigation').isVisible()).toBe(false);
    expect(await staff.getByRole('banner').isVisible()).toBe(false);
    expect(await staff.getByRole('heading', { name: '요청한 품목과 배분량' }).isVisible()).toBe(false);
    expect(await staff.getByRole('button', { name: '피킹 목록 인쇄' }).isVisible()).toBe(false);
    await staff.emulateMedia({ media: 'screen' });
    // The same list as a PDF in Korean, in the same order.
    const download = staff.waitForEvent('download');
    await staff.getByRole('button', { name: 'PDF로 내려받기' }).click();
    const pdf = await pdfText(readFileSync((await (await download).path())!));
    const positions = pickList.lines.map((line) => pdf.indexOf(line.itemName));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(pdf).toContain('햇살지역아동센터');

    // 6. Picked: ready (what was not allocated is no longer waited for).
    await staff.getByRole('button', { name: '피킹 완료 (준비됨)' }).click();
    await staff.getByRole('dialog').getByText('아직 배분되지 않은 수량 1은 더 기다리지 않고', { exact: false }).waitFor();
    await confirmDialog(staff);
    await staff.getByText('준비됨으로 표시했습니다.', { exact: false }).waitFor();

    // 7. Handover to a proxy: the held units leave through the ledger.
    const handedOver = (await api.get<AllocationRequest>(`/api/requests/${request.id}`)).allocations.filter((a) => a.status === 'reserved');
    await staff.getByLabel('받아 간 사람').fill('이웃집 박민수');
    await staff.getByLabel('시설 담당자가 아닌 대리인이 받았습니다').check();
    await staff.getByLabel('메모', { exact: true }).fill('센터장 부재로 대리 수령 (위임장 확인)');
    await staff.getByRole('button', { name: '전달 기록' }).click();
    await staff.getByRole('dialog').getByText(/^대리인 이웃집 박민수 님이/).waitFor();
    await confirmDialog(staff);
    await staff.getByText('전달을 기록했습니다 (받은 사람: 이웃집 박민수).', { exact: false }).waitFor();
    await staff.getByText('대리 수령', { exact: true }).waitFor();
    await staff.getByText('시설이 아직 수령을 확인하지 않았습니다.').waitFor();

    const after = await api.get<{ items: ItemStock[] }>('/api/stock/items');
    const gone = new Map<string, number>();
    for (const a of handedOver) gone.set(a.itemName, (gone.get(a.itemName) ?? 0) + a.quantity);
    expect(Object.fromEntries(gone)).toEqual({ 신라면: 120, '간장 900ml': 3, '세탁세제 2.5L': 3 });
    for (const item of before.items) {
      const now = after.items.find((i) => i.itemId === item.itemId)?.onHand ?? 0;
      expect(item.onHand - now, item.itemName).toBe(gone.get(item.itemName) ?? 0);
    }
    expect(verifyProjection(h.app.app.sqlite)).toEqual([]);

    // 8. The agency confirms receipt in its portal: one bottle short, one box damaged.
    await agencyPage.goto(`${h.baseUrl}/agency/requests/${request.id}`);
    await agencyPage.getByRole('heading', { name: '수령 확인', exact: true }).waitFor();
    const soyGroup = agencyPage.getByRole('group', { name: /^간장 900ml/ });
    await soyGroup.getByLabel(/^받은 수량/).fill(String(handedOver.find((a) => a.itemName === '간장 900ml')!.quantity - 1));
    const detergentGroup = agencyPage.getByRole('group', { name: /^세탁세제 2\.5L/ });
    await detergentGroup.getByLabel(/^파손 수량/).fill('1');
    await detergentGroup.getByLabel('메모 (선택)').fill('뚜껑 깨짐');
    await agencyPage.getByLabel('전체 메모 (선택)').fill('세제 한 통 뚜껑 파손');
    await agencyPage.getByRole('button', { name: '수령 확인 보내기' }).click();
    await agencyPage.getByText('수령 확인을 보냈습니다. 감사합니다.').waitFor();
    await agencyPage.context().close();
    await staff.reload();
    await staff.getByText('부족 1 · 파손 1을(를) 보고했습니다.', { exact: false }).waitFor();
    const receipt = staff.getByRole('table', { name: '시설의 수령 확인' });
    expect(await receipt.locator('tr.flagged').count()).toBe(2);
    expect(await receipt.getByRole('row').filter({ hasText: '세탁세제 2.5L' }).textContent()).toContain('뚜껑 깨짐');

    // 9. The lot's trace names the agency and who took it.
    const ramenLot = handedOver.find((a) => a.itemName === '신라면')!.lotId;
    await staff.getByRole('table', { name: '배분된 로트' }).getByRole('link', { name: `로트 #${ramenLot}` }).first().click();
    const trace = staff.getByRole('table', { name: '이 로트가 간 곳' });
    const traced = trace.getByRole('row').filter({ hasText: '이웃집 박민수' });
    await traced.first().waitFor();
    expect(await traced.first().textContent()).toContain('햇살지역아동센터');
    expect(await trace.getByRole('link', { name: '햇살지역아동센터' }).count()).toBeGreaterThan(0);

    // And from the agency: every lot it received.
    await staff.goto(`${h.baseUrl}/agencies/${sunshineId}`);
    const lots = staff.getByRole('table', { name: '받은 로트 (추적)' });
    await lots.getByRole('row').filter({ hasText: '이웃집 박민수' }).first().waitFor();
    expect(await lots.getByRole('row').filter({ hasText: '이웃집 박민수' }).count()).toBe(handedOver.length);
  });

  it('approves a pending application and rejects another with a reason', async () => {
    const foodBankId = one<{ food_bank_id: number }>('select food_bank_id from users where email = ?', DEMO_LOGINS.staff).food_bank_id;
    const apply = async (name: string, email: string) => {
      const response = await h.app.app.inject({
        method: 'POST',
        url: '/api/agency-applications',
        payload: {
          foodBankId,
          agency: {
            name,
            type: 'disability_facility',
            address: '서울특별시 마포구 월드컵로 200',
            contactName: '정담당',
            contactPhone: '02-300-1234',
            storage: { fridge: true, freezer: false, ambientCapacity: 300, chilledCapacity: 30, frozenCapacity: null },
            peopleServed: { emergency: 2, nearPoor: 10, cutOff: 1, recipients: 15 },
            fulfilment: 'delivery',
          },
          user: { name: '정담당', email, password: 'new-agency-2026!' },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await apply('성산 장애인주간보호센터', 'seongsan@agency.test');
    await apply('연남 나눔공동체', 'yeonnam@agency.test');

    await follow(staff, '이용시설');
    const pending = staff.getByRole('region', { name: /승인 대기 중인 신청/ });
    await pending.getByRole('heading', { name: '성산 장애인주간보호센터' }).waitFor();
    await pending.getByRole('button', { name: '승인 (성산 장애인주간보호센터)' }).click();
    await staff.getByRole('dialog').getByText('‘성산 장애인주간보호센터’을(를) 승인할까요?', { exact: false }).waitFor();
    await confirmDialog(staff);
    await staff.getByText('‘성산 장애인주간보호센터’을(를) 승인했습니다.').waitFor();
    expect(one<{ status: string }>("select status from agencies where name = '성산 장애인주간보호센터'").status).toBe('approved');

    await pending.getByRole('button', { name: '반려 (연남 나눔공동체)' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('반려 사유').fill('관할 구역 밖 (서대문구 푸드뱅크로 안내)');
    await dialog.getByRole('button', { name: '반려' }).click();
    await staff.getByText('‘연남 나눔공동체’의 신청을 반려했습니다.').waitFor();
    expect(one<{ status: string; status_reason: string }>("select status, status_reason from agencies where name = '연남 나눔공동체'")).toEqual({
      status: 'rejected',
      status_reason: '관할 구역 밖 (서대문구 푸드뱅크로 안내)',
    });
    // No application is waiting any more.
    await expect.poll(() => staff.getByRole('region', { name: /승인 대기 중인 신청/ }).count()).toBe(0);
    const row = staff.getByRole('row').filter({ hasText: '성산 장애인주간보호센터' });
    expect(await row.textContent()).toContain('승인됨');
  });

  it('suspends an agency with a reason, reactivates it, and an admin adds a user shown a temporary password once', async () => {
    const id = one<{ id: number }>("select id from agencies where name = '마포노인복지관'").id;
    await admin.goto(`${h.baseUrl}/agencies/${id}`);
    await admin.getByRole('heading', { level: 1, name: /마포노인복지관/ }).waitFor();
    await admin.getByRole('button', { name: '이용 정지' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('정지 사유').fill('보관 설비 점검 중');
    await dialog.getByRole('button', { name: '이용 정지' }).click();
    await admin.getByText('‘마포노인복지관’의 이용을 정지했습니다.').waitFor();
    await admin.getByText('정지 사유: 보관 설비 점검 중').waitFor();
    await admin.getByRole('button', { name: '이용 재개' }).click();
    await confirmDialog(admin);
    await admin.getByText('‘마포노인복지관’의 이용을 재개했습니다.').waitFor();
    expect(one<{ status: string }>('select status from agencies where id = ?', id).status).toBe('approved');

    // The profile's storage and people served are edited in place.
    await admin.getByRole('button', { name: '시설 정보 수정' }).click();
    await admin.getByLabel('긴급지원대상자').fill('10');
    await admin.getByRole('button', { name: '저장' }).click();
    await admin.getByText('‘마포노인복지관’ 정보를 저장했습니다.').waitFor();
    expect(one<{ n: number }>('select people_emergency n from agencies where id = ?', id).n).toBe(10);

    await admin.getByLabel('이름', { exact: true }).fill('김사회');
    await admin.getByLabel('이메일', { exact: true }).fill('social@seniors.test');
    await admin.getByRole('button', { name: '사용자 추가' }).click();
    await admin.getByText('social@seniors.test 사용자를 만들었습니다.').waitFor();
    const password = (await admin.locator('.temporary code').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    const login = await h.app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'social@seniors.test', password } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('agency');
    await admin.getByRole('button', { name: '닫기' }).click();
    expect(await admin.getByText(password).count()).toBe(0);

    // Staff do not get the admin's form.
    await staff.goto(`${h.baseUrl}/agencies/${id}`);
    await staff.getByRole('heading', { level: 1, name: /마포노인복지관/ }).waitFor();
    expect(await staff.getByRole('button', { name: '사용자 추가' }).count()).toBe(0);
  });

  it('lists requests by status and cancels one with a reason, releasing what it held', async () => {
    const api = await apiAs(DEMO_LOGINS.staff);
    const requests = (await api.get<{ items: (AllocationRequest & { agencyName: string })[] }>('/api/requests')).items;
    const open = requests.find((r) => r.status === 'partly_allocated' || r.status === 'allocated')!;
    await follow(staff, '배분 요청');
    const tab = staff.getByRole('tab', { name: new RegExp(`^${open.status === 'allocated' ? '배분 완료' : '일부 배분'}`) });
    await staff.getByRole('tab', { name: /^제출됨/ }).waitFor();
    await staff.getByRole('tab', { name: /^준비됨/ }).click();
    expect(await staff.getByRole('tab', { name: /^준비됨/ }).getAttribute('aria-selected')).toBe('true');
    await tab.click();
    await staff.getByRole('tabpanel').getByRole('link', { name: `요청 #${open.id}` }).click();
    await staff.getByRole('heading', { level: 1, name: `요청 #${open.id} · ${open.agencyName}` }).waitFor();
    const held = one<{ n: number }>("select coalesce(sum(quantity), 0) n from allocations where request_id = ? and status = 'reserved'", open.id).n;
    expect(held).toBeGreaterThan(0);
    await staff.getByRole('button', { name: '요청 취소' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText('이 요청에 잡아 둔 재고는 풀려서', { exact: false }).waitFor();
    await dialog.getByLabel('취소 사유').fill('시설 요청으로 취소 (행사 연기)');
    await dialog.getByRole('button', { name: '요청 취소' }).click();
    await staff.getByText('요청을 취소했습니다.').waitFor();
    // The reason shows with the request, and in its history with who cancelled it.
    await staff.getByRole('definition').filter({ hasText: '시설 요청으로 취소 (행사 연기)' }).waitFor();
    const history = staff.getByRole('region', { name: '처리 기록' }).getByRole('row').filter({ hasText: '취소됨' });
    expect(await history.textContent()).toContain('시설 요청으로 취소 (행사 연기)');
    expect(await history.textContent()).toContain('최지우');
    expect(one<{ n: number }>("select count(*) n from allocations where request_id = ? and status = 'reserved'", open.id).n).toBe(0);
    expect(verifyProjection(h.app.app.sqlite)).toEqual([]);
  });

  it.each([375, 1280])('has no serious accessibility violations on the distribution pages at %ipx', async (width) => {
    const api = await apiAs(DEMO_LOGINS.staff);
    const proposed = await api.post<Round>('/api/matching-rounds', {});
    const ready = one<{ id: number }>("select id from allocation_requests where status = 'ready' order by id limit 1").id;
    const received = one<{ id: number }>("select id from allocation_requests where status = 'received' order by id limit 1").id;
    const agencyId = one<{ id: number }>("select id from agencies where name = '햇살지역아동센터'").id;
    const lotId = one<{ lot_id: number }>('select lot_id from allocations order by id limit 1').lot_id;
    const page = await signedIn(h.browser, DEMO_LOGINS.admin, width);
    const pages: [string, string][] = [
      ['/agencies', '이용시설'],
      [`/agencies/${agencyId}`, '햇살지역아동센터'],
      ['/requests', '배분 요청'],
      [`/requests/${ready}`, `요청 #${ready}`],
      [`/requests/${received}`, `요청 #${received}`],
      ['/matching', '배분 매칭'],
      [`/matching/${proposed.id}`, `매칭 회차 #${proposed.id}`],
      [`/lots/${lotId}`, `로트 #${lotId}`],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(title.replace(/[()#]/g, '\\$&')) }).waitFor();
      // Let the page's second request (pick list, trace …) land before checking.
      await page.waitForLoadState('networkidle');
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
      if (width === 375) expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.context().close();
  }, 120_000);
});
