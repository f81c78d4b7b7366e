import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { seedDemo } from '../../server/demo/seed.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caller, distributionActors, itemStock } from '../support/distribution.js';
import { pdfText } from '../support/pdf-text.js';

let t: TestApp;
let as: Awaited<ReturnType<typeof distributionActors>>;
let call: ReturnType<typeof caller>;
let catalog: { id: number; name: string; categoryId: number; categoryName: string; availability: string }[];
beforeEach(async () => {
  t = await createTestApp();
  await seedDemo(t.app.db, t.app.cipher);
  as = await distributionActors(t.app);
  call = caller(t.app);
  catalog = (await call('GET', '/api/me/requestable', as.sunshine)).json().items;
});
afterEach(async () => t.close());

const item = (name: string) => catalog.find((i) => i.name === name)!;
const body = (lines: object[], extra: object = {}) => ({ neededBy: addDays(today(), 3), fulfilment: 'pickup', lines, ...extra });
const count = (table: string) => (t.app.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe('what an agency may request', () => {
  it('lists requestable items and categories with a hint of availability, never quantities', async () => {
    const response = await call('GET', '/api/me/requestable', as.sunshine);
    expect(item('참치 통조림 150g').availability).toBe('available');
    expect(item('두부 300g').availability).toBe('none'); // only an expired lot is left
    expect(response.body).not.toMatch(/"(onHand|available|reserved|quantity)":/);
    expect(response.json().categories.find((c: { name: string }) => c.name === '면류').availability).toBe('available');
  });
});

describe('an agency request', () => {
  it('merges duplicate lines, mixes items and categories, and is created once per idempotency key', async () => {
    const noodles = item('신라면').categoryId;
    const payload = body([{ itemId: item('참치 통조림 150g').id, quantity: 10 }, { categoryId: noodles, quantity: 100 }, { itemId: item('참치 통조림 150g').id, quantity: 14 }], { submit: true });
    const key = { 'idempotency-key': 'request-tuna-0001' };
    const first = await call('POST', '/api/me/requests', as.sunshine, payload, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'submitted',
      agencyName: '햇살지역아동센터',
      lines: [
        { lineNo: 1, name: '참치 통조림 150g', quantity: 24, allocated: 0 },
        { lineNo: 2, categoryId: noodles, name: '면류', unit: null, quantity: 100 },
      ],
      requested: 124,
      fillRate: 0,
    });
    const requests = count('allocation_requests');
    expect((await call('POST', '/api/me/requests', as.sunshine, payload, key)).json().id).toBe(first.json().id);
    expect(count('allocation_requests')).toBe(requests);
  });

  it('flags a quantity far above the agency’s usual (the 5000-instead-of-500 slip) until it is confirmed', async () => {
    // 햇살 asked for 30 soy milk before.
    const payload = body([{ itemId: item('두유 190ml').id, quantity: 5000 }], { submit: true });
    const preview = await call('POST', '/api/me/requests/preview', as.sunshine, payload);
    expect(preview.json().unusual).toEqual([{ lineNo: 1, quantity: 5000, usual: 30 }]);
    const before = count('allocation_requests');
    expect((await call('POST', '/api/me/requests', as.sunshine, payload)).json()).toMatchObject({ status: 422, code: 'unusual_quantity', facts: { lineNo: 1, usual: 30 } });
    expect(count('allocation_requests')).toBe(before);
    expect((await call('POST', '/api/me/requests', as.sunshine, { ...payload, confirmUnusual: true })).statusCode).toBe(201);
    // 60 is within the usual range: no flag.
    expect((await call('POST', '/api/me/requests/preview', as.sunshine, body([{ itemId: item('두유 190ml').id, quantity: 60 }]))).json().unusual).toEqual([]);
  });

  it.each([
    [{ neededBy: addDays(today(), -1) }, 422, 'date_in_past'],
    [{ lines: [{ quantity: 3 }] }, 422, 'line_target'],
    [{ lines: [{ itemId: 1, categoryId: 1, quantity: 3 }] }, 422, 'line_target'],
    [{ lines: [{ itemId: 99999, quantity: 3 }] }, 422, 'unknown_item'],
    [{ lines: [{ categoryId: 99999, quantity: 3 }] }, 422, 'unknown_category'],
    [{ lines: [] }, 400, 'validation_failed'],
    [{ fulfilment: 'drone' }, 400, 'validation_failed'],
    [{ lines: [{ itemId: 1, quantity: 0 }] }, 400, 'validation_failed'],
  ])('refuses %j (%i %s), writing nothing', async (overrides, status, code) => {
    const before = count('allocation_requests');
    const response = await call('POST', '/api/me/requests', as.sunshine, { ...body([{ itemId: item('신라면').id, quantity: 5 }]), ...overrides });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(count('allocation_requests')).toBe(before);
  });

  it('goes from draft to submitted, and a draft alone can be replaced', async () => {
    const draft = (await call('POST', '/api/me/requests', as.sunshine, body([{ itemId: item('신라면').id, quantity: 20 }]))).json();
    expect(draft.status).toBe('draft');
    const replaced = await call('PUT', `/api/me/requests/${draft.id}`, as.sunshine, body([{ itemId: item('신라면').id, quantity: 40 }], { note: '주말 행사' }));
    expect(replaced.json()).toMatchObject({ note: '주말 행사', lines: [{ quantity: 40 }] });
    expect((await call('POST', `/api/me/requests/${draft.id}/submit`, as.sunshine, {})).json().status).toBe('submitted');
    expect((await call('PUT', `/api/me/requests/${draft.id}`, as.sunshine, body([{ itemId: item('신라면').id, quantity: 1 }]))).json().code).toBe('request_not_draft');
    expect((await call('POST', `/api/me/requests/${draft.id}/submit`, as.seniors, {})).statusCode).toBe(404);
    // Staff never see an agency's drafts.
    const another = (await call('POST', '/api/me/requests', as.sunshine, body([{ itemId: item('신라면').id, quantity: 5 }]))).json();
    expect((await call('GET', `/api/requests/${another.id}`, as.staff)).statusCode).toBe(404);
    expect((await call('GET', '/api/requests', as.staff)).json().items.map((r: { status: string }) => r.status)).not.toContain('draft');
  });
});

describe('from reservation to receipt', () => {
  const roundFor = async () => {
    const round = (await call('POST', '/api/matching-rounds', as.staff, {})).json();
    expect((await call('POST', `/api/matching-rounds/${round.id}/confirm`, as.staff, {})).statusCode).toBe(200);
    return round as { allocations: { requestId: number; itemName: string; quantity: number; lotId: number }[] };
  };

  it('cancelling releases what the request held', async () => {
    const round = await roundFor();
    const tuna = round.allocations.find((a) => a.itemName === '참치 통조림 150g')!;
    expect(itemStock(t.app, '참치 통조림 150g').reserved).toBe(tuna.quantity);
    const cancelled = await call('POST', `/api/me/requests/${tuna.requestId}/cancel`, as.sunshine, { reason: '행사 취소' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '행사 취소', allocated: 0 });
    expect(itemStock(t.app, '참치 통조림 150g').reserved).toBe(0);
    expect(t.app.sqlite.prepare("select status, released_reason r from allocations where request_id = ? and status <> 'released'").all(tuna.requestId)).toEqual([]);
    expect((await call('POST', `/api/requests/${tuna.requestId}/cancel`, as.staff, { reason: 'again' })).json().status).toBe('cancelled');
    const received = (await call('GET', '/api/me/requests?status=received', as.sunshine)).json().items[0];
    expect((await call('POST', `/api/me/requests/${received.id}/cancel`, as.sunshine, { reason: 'late' })).json().code).toBe('request_closed');
  });

  it('hands over exactly what was held through the ledger, then the agency confirms with shortfalls and damage', async () => {
    const round = await roundFor();
    const requestId = round.allocations.find((a) => a.itemName === '참치 통조림 150g')!.requestId;
    const held = round.allocations.filter((a) => a.requestId === requestId);
    const before = Object.fromEntries(held.map((a) => [a.itemName, itemStock(t.app, a.itemName)]));

    const pick = (await call('GET', `/api/requests/${requestId}/pick-list`, as.staff)).json();
    expect(pick.lines.map((l: { quantity: number }) => l.quantity).reduce((a: number, b: number) => a + b, 0)).toBe(held.reduce((s, a) => s + a.quantity, 0));
    const pdf = await call('GET', `/api/requests/${requestId}/pick-list.pdf`, as.staff);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain('햇살지역아동센터');

    expect((await call('POST', `/api/me/requests/${requestId}/confirm-receipt`, as.sunshine, { lines: [] })).json().code).toBe('request_not_handed_over');
    expect((await call('POST', `/api/requests/${requestId}/ready`, as.staff, {})).json().status).toBe('ready');
    const handover = { receivedByName: '김대리 (센터장 대리 수령)', proxy: true, note: '신분증 확인' };
    const [first, second] = await Promise.all([call('POST', `/api/requests/${requestId}/handover`, as.staff, handover), call('POST', `/api/requests/${requestId}/handover`, as.staff, handover)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(first.json()).toMatchObject({ status: 'handed_over', handover: { receivedByName: '김대리 (센터장 대리 수령)', proxy: true, method: 'pickup' } });
    for (const allocation of held) {
      const now = itemStock(t.app, allocation.itemName);
      expect(now.onHand).toBe(before[allocation.itemName]!.onHand - allocation.quantity);
      expect(now.reserved).toBe(before[allocation.itemName]!.reserved - allocation.quantity);
    }
    const ledger = t.app.sqlite.prepare("select sum(quantity) q from stock_movements where reason = 'handover' and document_type = 'handover' and document_id = (select id from handovers where request_id = ?)").get(requestId);
    expect(ledger).toEqual({ q: -held.reduce((s, a) => s + a.quantity, 0) });
    expect(verifyProjection(t.app.sqlite)).toEqual([]);

    const allocations = first.json().allocations as { id: number; quantity: number }[];
    const tooMany = await call('POST', `/api/me/requests/${requestId}/confirm-receipt`, as.sunshine, { lines: [{ allocationId: allocations[0]!.id, receivedQuantity: allocations[0]!.quantity + 1 }] });
    expect(tooMany.json().code).toBe('received_more_than_handed_over');
    const confirmed = await call('POST', `/api/me/requests/${requestId}/confirm-receipt`, as.sunshine, {
      note: '한 상자 젖음',
      lines: [{ allocationId: allocations[0]!.id, receivedQuantity: allocations[0]!.quantity - 2, damagedQuantity: 1, note: '2개 부족' }],
    });
    expect(confirmed.json()).toMatchObject({ status: 'received', confirmation: { note: '한 상자 젖음' } });
    expect(confirmed.json().confirmation.lines).toEqual(
      allocations.map((a, i) => (i === 0 ? { allocationId: a.id, receivedQuantity: a.quantity - 2, damagedQuantity: 1, note: '2개 부족' } : { allocationId: a.id, receivedQuantity: a.quantity, damagedQuantity: 0, note: null })),
    );
    // Every step is on record: who moved the request on, when and why.
    expect(confirmed.json().history.map((h: { status: string; byName: string; note: string | null }) => [h.status, h.byName, h.note])).toEqual([
      ['draft', '햇살지역아동센터', null],
      ['submitted', '햇살지역아동센터', null],
      ['partly_allocated', '최지우', expect.stringMatching(/^round \d+$/)],
      ['ready', '최지우', null],
      ['handed_over', '최지우', '김대리 (센터장 대리 수령)'],
      ['received', '햇살지역아동센터', '한 상자 젖음'],
    ]);
    expect(() => t.app.sqlite.prepare('delete from request_status_changes').run()).toThrow(/kept/);
    expect(() => t.app.sqlite.prepare('update handovers set received_by_name = ? where request_id = ?').run('x', requestId)).toThrow(/never edited/);
    expect(() => t.app.sqlite.prepare('delete from allocations').run()).toThrow(/kept/);
  });

  it('traces every unit: from a lot to the agencies it went to, and from an agency to its lots', async () => {
    const received = (await call('GET', '/api/me/requests?status=received', as.sunshine)).json().items[0];
    const soy = received.allocations.find((a: { itemName: string }) => a.itemName === '두유 190ml');
    const lotTrace = (await call('GET', `/api/lots/${soy.lotId}/trace`, as.staff)).json().items;
    expect(lotTrace).toEqual([expect.objectContaining({ agencyName: '햇살지역아동센터', requestId: received.id, quantity: soy.quantity, status: 'handed_over', receivedByName: '오햇살 센터장' })]);
    const agencyTrace = (await call('GET', `/api/agencies/${received.agencyId}/trace`, as.staff)).json().items;
    expect(agencyTrace.map((e: { lotId: number }) => e.lotId)).toEqual(expect.arrayContaining(received.allocations.map((a: { lotId: number }) => a.lotId)));
    expect((await call('GET', '/api/me/received', as.sunshine)).json().items.length).toBe(agencyTrace.length);
    expect((await call('GET', `/api/lots/${soy.lotId}/trace`, as.gangseo)).statusCode).toBe(404);
    expect((await call('GET', `/api/agencies/${received.agencyId}/trace`, as.gangseo)).statusCode).toBe(404);
  });
});
