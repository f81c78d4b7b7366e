import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caller, distributionActors, itemStock } from '../support/distribution.js';

let t: TestApp;
let as: Awaited<ReturnType<typeof distributionActors>>;
let call: ReturnType<typeof caller>;
beforeEach(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  as = await distributionActors(t.app);
  call = caller(t.app);
});
afterEach(async () => t.close());

type Round = {
  id: number;
  status: string;
  fairness: { agencies: number; requested: number; allocated: number; minFillRate: number; maxFillRate: number; spread: number };
  agencies: { agencyName: string; requested: number; allocated: number; fillRate: number; needWeight: number }[];
  lines: { requestLineId: number; name: string; requested: number; allocated: number; shortfall: string | null }[];
  allocations: { requestLineId: number; agencyName: string; itemName: string; lotId: number; locationId: number; quantity: number; zone: string }[];
};
const run = async (payload: object = {}) => {
  const response = await call('POST', '/api/matching-rounds', as.staff, payload);
  expect(response.statusCode).toBe(201);
  return response.json() as Round;
};
const given = (round: Round, agency: string, item: string) =>
  round.allocations.filter((a) => a.agencyName === agency && a.itemName === item).reduce((sum, a) => sum + a.quantity, 0);

describe('matching settings', () => {
  it('default to the Korean weights; an admin sets the food bank’s own, which rounds then use', async () => {
    expect((await call('GET', '/api/matching-settings', as.staff)).json()).toEqual({ baseShare: 1, priorityWeights: { emergency: 4, nearPoor: 3, cutOff: 2, recipients: 1 } });
    expect((await call('PATCH', '/api/matching-settings', as.staff, { baseShare: 0 })).statusCode).toBe(403);
    expect((await call('PATCH', '/api/matching-settings', as.admin, { priorityWeights: { emergency: 1, nearPoor: 1, cutOff: 1 } })).statusCode).toBe(400);
    const equal = { emergency: 1, nearPoor: 1, cutOff: 1, recipients: 1 };
    expect((await call('PATCH', '/api/matching-settings', as.admin, { baseShare: 0, priorityWeights: equal })).json()).toEqual({ baseShare: 0, priorityWeights: equal });
    const round = await run();
    expect(round).toMatchObject({ baseShare: 0, priorityWeights: equal });
    // Equal weights: 햇살 serves 35 people, the seniors 125: 8 rolls split 35:125 → 1.75 and 6.25, so 2 and 6.
    expect(given(round, '햇살지역아동센터', '두루마리 화장지 30롤')).toBe(2);
    expect(given(round, '마포노인복지관', '두루마리 화장지 30롤')).toBe(6);
  });
});

describe('a matching round', () => {
  it('shares scarce toilet paper by need (base 1, then 86 : 231) and publishes each agency’s fill rate', async () => {
    const round = await run();
    expect(round.status).toBe('proposed');
    // 8 rolls for two asks of 6. Base 1 each; the 6 left split 86:231 → 1.63 and 4.37; the last
    // roll goes to the larger remainder (햇살), so 3 and 5.
    expect(given(round, '햇살지역아동센터', '두루마리 화장지 30롤')).toBe(3);
    expect(given(round, '마포노인복지관', '두루마리 화장지 30롤')).toBe(5);
    expect(round.agencies.map((a) => a.needWeight).sort()).toEqual([231, 86]);
    for (const agency of round.agencies) {
      const own = round.allocations.filter((a) => a.agencyName === agency.agencyName).reduce((s, a) => s + a.quantity, 0);
      expect(agency.allocated).toBe(own);
      expect(agency.fillRate).toBeCloseTo(own / agency.requested, 10);
    }
    const rates = round.agencies.map((a) => a.fillRate);
    expect(round.fairness).toMatchObject({ agencies: 2, minFillRate: Math.min(...rates), maxFillRate: Math.max(...rates) });
    expect(round.fairness.spread).toBeCloseTo(Math.max(...rates) - Math.min(...rates), 10);
    // Nothing is reserved until staff confirm.
    expect(itemStock(t.app, '두루마리 화장지 30롤').reserved).toBe(0);
  });

  it('never proposes a lot whose date falls before the delivery day, and says why', async () => {
    const round = await run();
    // The demo's milk is good for two more days; the seniors want it delivered in ten.
    const milk = round.lines.find((l) => l.name === '흰우유 1L')!;
    expect(milk).toMatchObject({ allocated: 0, shortfall: 'expiry' });
    expect(round.allocations.some((a) => a.itemName === '흰우유 1L')).toBe(false);
  });

  it('never gives an agency more than its stated capacity, counting what is already held for it', async () => {
    // 햇살 asks for 48 tuna and 6 rolls (ambient) but now says it can keep only 20 ambient units.
    const sunshine = (await call('GET', '/api/me/agency', as.sunshine)).json().agency;
    await call('PATCH', `/api/agencies/${sunshine.id}`, as.staff, { storage: { ...sunshine.storage, ambientCapacity: 20 } });
    const round = await run();
    const ambient = round.allocations.filter((a) => a.agencyName === '햇살지역아동센터' && a.zone === 'ambient').reduce((s, a) => s + a.quantity, 0);
    expect(ambient).toBe(20);
    expect(round.lines.filter((l) => round.allocations.some((a) => a.requestLineId === l.requestLineId && a.agencyName === '햇살지역아동센터')).map((l) => l.shortfall)).toContain('capacity');
    await call('POST', `/api/matching-rounds/${round.id}/confirm`, as.staff);
    // Held units take room too: the next round finds none left for 햇살.
    const next = await run();
    expect(next.allocations.filter((a) => a.agencyName === '햇살지역아동센터')).toEqual([]);
  });

  it('reserves on confirmation (available drops, on hand stays) and moves requests on; confirming twice changes nothing', async () => {
    const before = itemStock(t.app, '참치 통조림 150g');
    const round = await run();
    const [first, second] = await Promise.all([call('POST', `/api/matching-rounds/${round.id}/confirm`, as.staff), call('POST', `/api/matching-rounds/${round.id}/confirm`, as.staff)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(first.json().status).toBe('confirmed');
    const after = itemStock(t.app, '참치 통조림 150g');
    expect(after).toEqual({ onHand: before.onHand, reserved: before.reserved + given(round, '햇살지역아동센터', '참치 통조림 150g') });
    expect(given(round, '햇살지역아동센터', '참치 통조림 150g')).toBe(48);
    const requests = (await call('GET', '/api/me/requests', as.sunshine)).json().items;
    // 48 tuna and 3 of 6 rolls: part of the request is held.
    expect(requests.find((r: { lines: { name: string }[] }) => r.lines.some((l) => l.name === '참치 통조림 150g')).status).toBe('partly_allocated');
    expect(t.app.sqlite.prepare('select count(*) n from allocations where round_id = ?').get(round.id)).toEqual({ n: round.allocations.length });
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('never reserves a unit twice when two rounds over the same stock are confirmed at once', async () => {
    const a = await run();
    const b = await run();
    const results = await Promise.all([call('POST', `/api/matching-rounds/${a.id}/confirm`, as.staff), call('POST', `/api/matching-rounds/${b.id}/confirm`, as.admin)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('round_stale');
    expect(itemStock(t.app, '두루마리 화장지 30롤')).toEqual({ onHand: 8, reserved: 8 });
    const over = t.app.sqlite.prepare('select count(*) n from stock_levels where reserved > on_hand').get();
    expect(over).toEqual({ n: 0 });
    // The next round finds nothing left to give for the rolls.
    const next = await run();
    expect(next.allocations.filter((x) => x.itemName === '두루마리 화장지 30롤')).toEqual([]);
  });

  it('takes staff adjustments that keep the rules and refuses those that break one, changing nothing', async () => {
    const round = await run();
    const rolls = round.allocations.filter((x) => x.itemName === '두루마리 화장지 30롤');
    const rest = round.allocations.filter((x) => x.itemName !== '두루마리 화장지 30롤');
    const body = (lines: Round['allocations']) => ({ allocations: lines.map(({ requestLineId, lotId, locationId, quantity }) => ({ requestLineId, lotId, locationId, quantity })) });
    // Raising one agency's rolls to 7 takes more than asked (6).
    const raised = rolls.map((x) => (x.agencyName === '마포노인복지관' ? { ...x, quantity: 7 } : { ...x, quantity: 1 }));
    const refused = await call('PUT', `/api/matching-rounds/${round.id}/allocations`, as.staff, body([...rest, ...raised]));
    expect(refused.json()).toMatchObject({ status: 422, code: 'allocation_unsafe', facts: { rule: 'over_request' } });
    // Frozen dumplings to 햇살, which has no freezer.
    const dumplings = (await call('GET', '/api/stock/lots', as.staff)).json().items.find((l: { itemName: string }) => l.itemName === '비비고 왕교자 1kg');
    const tunaLine = rest.find((x) => x.itemName === '참치 통조림 150g')!;
    const frozen = await call('PUT', `/api/matching-rounds/${round.id}/allocations`, as.staff, body([...round.allocations, { ...tunaLine, lotId: dumplings.lotId, locationId: dumplings.locationId, quantity: 1 }]));
    expect(frozen.json()).toMatchObject({ code: 'allocation_unsafe' });
    expect((await call('GET', `/api/matching-rounds/${round.id}`, as.staff)).json().allocations).toEqual(round.allocations);
    // Lowering the seniors to 4 is allowed; the fill rates follow.
    const lowered = rolls.map((x) => (x.agencyName === '마포노인복지관' ? { ...x, quantity: 4 } : x));
    const adjusted = await call('PUT', `/api/matching-rounds/${round.id}/allocations`, as.staff, body([...rest, ...lowered]));
    expect(adjusted.statusCode).toBe(200);
    expect(given(adjusted.json(), '마포노인복지관', '두루마리 화장지 30롤')).toBe(4);
    expect(adjusted.json().fairness.allocated).toBe(round.fairness.allocated - 1);
    const seniorsRolls = adjusted.json().lines.find((l: { name: string; requested: number; allocated: number }) => l.name === '두루마리 화장지 30롤' && l.allocated === 4);
    expect(seniorsRolls.shortfall).toBe('adjusted');
  });

  it('can be discarded; a discarded or confirmed round cannot be changed, and other food banks see none', async () => {
    const round = await run();
    expect((await call('GET', `/api/matching-rounds/${round.id}`, as.gangseo)).statusCode).toBe(404);
    expect((await call('POST', `/api/matching-rounds/${round.id}/confirm`, as.gangseo)).statusCode).toBe(404);
    expect((await call('POST', `/api/matching-rounds/${round.id}/discard`, as.staff)).json().status).toBe('discarded');
    expect((await call('POST', `/api/matching-rounds/${round.id}/confirm`, as.staff)).json().code).toBe('round_closed');
    expect((await call('PUT', `/api/matching-rounds/${round.id}/allocations`, as.staff, { allocations: [] })).json().code).toBe('round_closed');
    expect((await call('POST', '/api/matching-rounds', as.staff, { baseShare: -1 })).statusCode).toBe(400);
    const list = (await call('GET', '/api/matching-rounds', as.staff)).json().items;
    expect(list.map((r: { status: string }) => r.status)).toEqual(['discarded', 'confirmed']);
  });
});
