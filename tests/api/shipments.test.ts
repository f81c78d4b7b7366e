import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, items, locations } from '../../server/db/schema.js';
import { verifyProjection } from '../../server/db/repositories/stock-projection.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeFoodBank, makeUser, signIn } from '../support/factories.js';

let t: TestApp;
let metro: { headers: { authorization: string }; shelf: number; lotId: number; bankId: number };
let local: { headers: { authorization: string }; shelf: number; fridge: number; bankId: number; rice: number };
let strangerHeaders: { authorization: string };

async function foodBankWithCatalog(name: string, tier: 'metro' | 'local', parentId: number | null) {
  const bank = makeFoodBank(t.app, { name, tier, parentId });
  const staff = await makeUser(t.app, { foodBankId: bank.id, role: 'staff' });
  const { headers } = await signIn(t.app, staff.email);
  const grain = t.app.db.insert(categories).values({ foodBankId: bank.id, name: '곡류', kind: 'food' }).returning().get().id;
  const rice = t.app.db
    .insert(items)
    .values({ foodBankId: bank.id, name: '쌀 10kg', nameKey: '쌀10kg', categoryId: grain, unit: '포', defaultZone: 'ambient', defaultUnitValue: 30000 })
    .returning()
    .get().id;
  const shelf = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '창고', name: '상온 1', nameKey: '상온1', zone: 'ambient' }).returning().get().id;
  const fridge = t.app.db.insert(locations).values({ foodBankId: bank.id, warehouse: '창고', name: '냉장 1', nameKey: '냉장1', zone: 'chilled' }).returning().get().id;
  return { bank, headers, rice, shelf, fridge };
}

beforeEach(async () => {
  t = await createTestApp();
  const m = await foodBankWithCatalog('서울특별시광역푸드뱅크', 'metro', null);
  const l = await foodBankWithCatalog('마포구기초푸드뱅크', 'local', m.bank.id);
  const s = await foodBankWithCatalog('부산광역푸드뱅크', 'metro', null);
  strangerHeaders = s.headers;
  const donor = await t.app.inject({ method: 'POST', url: '/api/donors', headers: m.headers, payload: { kind: 'organisation', name: '(주)대한곡물' } });
  const donation = await t.app.inject({
    method: 'POST',
    url: '/api/donations',
    headers: m.headers,
    payload: {
      donorId: donor.json().id,
      receivedOn: today(),
      channel: 'corporate_delivery',
      complete: true,
      lines: [{ itemId: m.rice, quantity: 100, dateLabel: addDays(today(), 300), locationId: m.shelf }],
    },
  });
  metro = { headers: m.headers, shelf: m.shelf, lotId: donation.json().lines[0].lotId, bankId: m.bank.id };
  local = { headers: l.headers, shelf: l.shelf, fridge: l.fridge, bankId: l.bank.id, rice: l.rice };
});
afterEach(async () => t.close());

const ship = (quantity: number, toFoodBankId = local.bankId, headers = metro.headers) =>
  t.app.inject({
    method: 'POST',
    url: '/api/shipments',
    headers,
    payload: { toFoodBankId, note: '11월 정기 배분', lines: [{ lotId: metro.lotId, fromLocationId: metro.shelf, quantity }] },
  });
const stockOf = async (headers: { authorization: string }) =>
  (await t.app.inject({ method: 'GET', url: '/api/stock/items', headers })).json().items.map((i: { onHand: number }) => i.onHand);

describe('shipments between food banks', () => {
  it('ship from 광역 to 기초; the receiver confirms a shortfall, which stays on record', async () => {
    const shipped = await ship(40);
    expect(shipped.statusCode).toBe(201);
    expect(await stockOf(metro.headers)).toEqual([60]);
    const id = shipped.json().id;

    const incoming = (await t.app.inject({ method: 'GET', url: '/api/shipments?direction=incoming', headers: local.headers })).json().items;
    expect(incoming).toEqual([expect.objectContaining({ id, status: 'shipped', fromFoodBankName: '서울특별시광역푸드뱅크' })]);

    const receive = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/shipments/${id}/receive`,
        headers: local.headers,
        payload: { lines: [{ lineNo: 1, receivedQuantity: 38, locationId: local.shelf, shortfallNote: '2포 파손' }] },
      });
    const received = await receive();
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', lines: [{ quantity: 40, receivedQuantity: 38, shortfall: 2, shortfallNote: '2포 파손' }] });
    expect(await stockOf(local.headers)).toEqual([38]);
    // Confirming again (a double click) changes nothing.
    expect((await receive()).json().lines[0].receivedQuantity).toBe(38);
    expect(await stockOf(local.headers)).toEqual([38]);
    expect(verifyProjection(t.app.sqlite)).toEqual([]);
  });

  it('are refused outside the network, beyond the stock, or to the wrong zone, with nothing written', async () => {
    const strangerBank = (await t.app.inject({ method: 'GET', url: '/api/me', headers: strangerHeaders })).json().foodBank.id;
    expect((await ship(10, strangerBank)).json()).toMatchObject({ status: 422, code: 'not_in_network' });
    expect((await ship(101)).json()).toMatchObject({ status: 409, code: 'insufficient_stock', facts: { requested: 101, available: 100 } });
    expect((t.app.sqlite.prepare('select count(*) n from shipments').get() as { n: number }).n).toBe(0);

    const id = (await ship(10)).json().id;
    const wrongZone = await t.app.inject({
      method: 'POST',
      url: `/api/shipments/${id}/receive`,
      headers: local.headers,
      payload: { lines: [{ lineNo: 1, receivedQuantity: 10, locationId: local.fridge }] },
    });
    expect(wrongZone.json()).toMatchObject({ status: 422, code: 'zone_mismatch' });
    const tooMany = await t.app.inject({
      method: 'POST',
      url: `/api/shipments/${id}/receive`,
      headers: local.headers,
      payload: { lines: [{ lineNo: 1, receivedQuantity: 11, locationId: local.shelf }] },
    });
    expect(tooMany.json()).toMatchObject({ status: 422, code: 'received_more_than_shipped' });
    expect(await stockOf(local.headers)).toEqual([]);
  });

  it('are seen only by sender and receiver, and only the receiver confirms', async () => {
    const id = (await ship(10)).json().id;
    expect((await t.app.inject({ method: 'GET', url: `/api/shipments/${id}`, headers: strangerHeaders })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/shipments/${id}`, headers: metro.headers })).statusCode).toBe(200);
    const senderReceives = await t.app.inject({
      method: 'POST',
      url: `/api/shipments/${id}/receive`,
      headers: metro.headers,
      payload: { lines: [{ lineNo: 1, receivedQuantity: 10, locationId: metro.shelf }] },
    });
    expect(senderReceives.statusCode).toBe(404);
  });
});
