import type { Db } from '../db/client.js';
import { linkAgencyAccount } from '../db/repositories/agencies.js';
import { findUserByEmail } from '../db/repositories/users.js';
import type { Actor } from '../domain/roles.js';
import { addDays, today } from '../lib/dates.js';
import type { AgencyBody } from '../schemas/agencies.js';
import { registerAgency, setAgencyStatus } from '../services/agencies.js';
import { getCategories } from '../services/catalog.js';
import { confirmRound, runRound } from '../services/matching-rounds.js';
import { confirmReceipt, createRequest, getRequest, handOver, markReady, requestable } from '../services/requests.js';

const noLimit = { ambientCapacity: null, chilledCapacity: null, frozenCapacity: null };

/** 마포's partner agencies: two active ones with users, an application waiting, one suspended. */
const AGENCIES: { body: AgencyBody; user?: string; status?: { status: 'suspended'; reason: string } }[] = [
  {
    user: 'agency@mapo.demo',
    body: {
      name: '햇살지역아동센터',
      type: 'community_child_center',
      registrationNumber: '105-80-33412',
      address: '서울특별시 마포구 성미산로 101',
      contactName: '오햇살',
      contactPhone: '02-332-1004',
      contactEmail: 'agency@mapo.demo',
      storage: { fridge: true, freezer: false, ambientCapacity: 500, chilledCapacity: 40, frozenCapacity: null },
      peopleServed: { emergency: 4, nearPoor: 18, cutOff: 3, recipients: 10 },
      fulfilment: 'pickup',
    },
  },
  {
    user: 'seniors@mapo.demo',
    body: {
      name: '마포노인복지관',
      type: 'senior_welfare_center',
      registrationNumber: '105-82-61234',
      address: '서울특별시 마포구 토정로 53',
      contactName: '김복지',
      contactPhone: '02-715-6661',
      contactEmail: 'seniors@mapo.demo',
      storage: { fridge: true, freezer: true, ...noLimit },
      peopleServed: { emergency: 8, nearPoor: 35, cutOff: 12, recipients: 70 },
      fulfilment: 'delivery',
    },
  },
  {
    body: {
      name: '망원동 사랑의 무료급식소',
      type: 'free_meal_center',
      address: '서울특별시 마포구 망원로 77',
      contactName: '이나눔',
      contactPhone: '010-2233-4455',
      storage: { fridge: true, freezer: true, ...noLimit },
      peopleServed: { emergency: 20, nearPoor: 30, cutOff: 5, recipients: 40 },
      fulfilment: 'pickup',
    },
    status: { status: 'suspended', reason: '위생 점검 결과 보완 요청 (재점검 후 재개)' },
  },
];

/**
 * The distribution side of the demo: agencies, a round confirmed last week whose pickup was
 * handed over and confirmed with a damaged pack, a delivery waiting to go out, and new requests
 * waiting for the next round.
 */
export function seedDemoDistribution(db: Db, staff: Actor): void {
  const agencyActor = (email: string): Actor => {
    const user = findUserByEmail(db, email)!;
    return { userId: user.id, foodBankId: user.foodBankId, role: user.role };
  };
  for (const { body, user, status } of AGENCIES) {
    const agency = registerAgency(db, staff, body);
    if (user) linkAgencyAccount(db, findUserByEmail(db, user)!.id, agency.id);
    if (status) setAgencyStatus(db, staff, agency.id, status.status, status.reason);
  }
  const sunshine = agencyActor('agency@mapo.demo');
  const seniors = agencyActor('seniors@mapo.demo');
  const catalog = new Map(requestable(db, sunshine).items.map((i) => [i.name, i.id]));
  const category = (name: string) => getCategories(db, staff).find((c) => c.name === name)!.id;

  const pickup = createRequest(db, sunshine, {
    neededBy: addDays(today(), 2),
    fulfilment: 'pickup',
    note: '방과후 간식용',
    submit: true,
    lines: [
      { itemId: catalog.get('두유 190ml')!, quantity: 30 },
      { itemId: catalog.get('신라면')!, quantity: 60 },
    ],
  });
  const delivery = createRequest(db, seniors, {
    neededBy: addDays(today(), 4),
    fulfilment: 'delivery',
    note: '경로식당 주간 식재료',
    submit: true,
    lines: [
      { categoryId: category('면류'), quantity: 150 },
      { itemId: catalog.get('쌀 10kg')!, quantity: 10 },
      { itemId: catalog.get('두부 300g')!, quantity: 12 },
    ],
  });
  const round = runRound(db, staff, {});
  confirmRound(db, staff, round.id);
  markReady(db, staff, pickup.id);
  handOver(db, staff, pickup.id, { receivedByName: '오햇살 센터장', note: '차량으로 직접 수령' });
  const damaged = getRequest(db, staff, pickup.id).allocations.find((a) => a.itemName === '두유 190ml')!;
  confirmReceipt(db, sunshine, pickup.id, { note: '두유 2팩 찌그러짐', lines: [{ allocationId: damaged.id, receivedQuantity: damaged.quantity, damagedQuantity: 2 }] });
  markReady(db, staff, delivery.id);

  // Waiting for the next round: both ask for toilet paper, and there is not enough for both.
  createRequest(db, sunshine, {
    neededBy: addDays(today(), 7),
    fulfilment: 'pickup',
    submit: true,
    lines: [
      { itemId: catalog.get('참치 통조림 150g')!, quantity: 48 },
      { itemId: catalog.get('두루마리 화장지 30롤')!, quantity: 6 },
    ],
  });
  createRequest(db, seniors, {
    neededBy: addDays(today(), 10),
    fulfilment: 'delivery',
    submit: true,
    lines: [
      { itemId: catalog.get('두루마리 화장지 30롤')!, quantity: 6 },
      { itemId: catalog.get('흰우유 1L')!, quantity: 20 },
    ],
  });
  createRequest(db, seniors, {
    neededBy: addDays(today(), 14),
    fulfilment: 'delivery',
    note: '연말 행사용 (작성 중)',
    lines: [{ itemId: catalog.get('햇반 210g')!, quantity: 48 }],
  });
}
