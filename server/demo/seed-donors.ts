import type { Db } from '../db/client.js';
import { linkAccount } from '../db/repositories/donor-accounts.js';
import { findUserByEmail } from '../db/repositories/users.js';
import { updateDonor } from '../db/repositories/donors.js';
import type { Actor } from '../domain/roles.js';
import { addDays, today } from '../lib/dates.js';
import { listDonations } from '../services/donations.js';
import { createDonor, searchDonors } from '../services/donors.js';
import { cancelPlan, createPlan, donorCatalog } from '../services/planned-contributions.js';
import { updateReceiptSettings } from '../services/receipt-settings.js';
import { issueDonationReceipt, reissueReceipt, voidReceipt } from '../services/receipts.js';
import type { FieldCipher } from '../lib/field-encryption.js';

/** What 마포's receipts print about it (a 사회복지법인's food bank: 일반기부금, code 40). */
export const DEMO_RECEIPT_SETTINGS = {
  registrationNumber: '105-82-05427',
  address: '서울특별시 마포구 월드컵북로 212 마포구기초푸드뱅크',
  representative: '박민준',
  legalBasis: '「법인세법 시행령」 제39조제1항제1호 (사회복지사업법에 따른 사회복지법인)',
  receiptTypeCode: '40',
};

/**
 * The donor side of the demo: receipt settings, donor accounts linked to their records, planned
 * contributions (one expected tomorrow for pickup, one brought in, one cancelled), receipts (one
 * voided and reissued) and a self-registered duplicate waiting to be merged.
 */
export function seedDemoDonors(db: Db, cipher: FieldCipher, actor: Actor): void {
  updateReceiptSettings(db, actor, DEMO_RECEIPT_SETTINGS);
  const donorId = (name: string) => searchDonors(db, actor, name, 1)[0]!.id;
  for (const [email, name] of [
    ['donor@mapo.demo', '윤서준'],
    ['csr@hanbit-foods.demo', '(주)한빛식품'],
  ] as const) {
    linkAccount(db, findUserByEmail(db, email)!.id, donorId(name));
  }

  const catalog = new Map(donorCatalog(db, actor).map((item) => [item.name, item.id]));
  const donorActor = (email: string): Actor => {
    const user = findUserByEmail(db, email)!;
    return { userId: user.id, foodBankId: user.foodBankId, role: user.role };
  };
  const hanbit = donorActor('csr@hanbit-foods.demo');
  createPlan(db, hanbit, donorId('(주)한빛식품'), {
    expectedOn: addDays(today(), 1),
    delivery: 'pickup',
    pickupAddress: '서울특별시 마포구 양화로 45 (주)한빛식품 물류센터 2번 도크',
    contactPhone: '02-2123-4567',
    note: '오전 10시 이후 수거 부탁드립니다',
    lines: [
      { itemId: catalog.get('신라면')!, quantity: 200, unit: '개' },
      { itemId: catalog.get('햇반 210g')!, quantity: 48, unit: '개' },
    ],
  });
  const seojun = donorActor('donor@mapo.demo');
  createPlan(db, seojun, donorId('윤서준'), {
    expectedOn: addDays(today(), 3),
    delivery: 'drop_off',
    lines: [
      { itemId: catalog.get('두유 190ml')!, quantity: 24, unit: '팩' },
      { description: '수제 쿠키 선물세트', quantity: 5, unit: '세트' },
    ],
  });
  const cancelled = createPlan(db, seojun, donorId('윤서준'), {
    expectedOn: today(),
    delivery: 'drop_off',
    lines: [{ itemId: catalog.get('치약 120g')!, quantity: 10, unit: '개' }],
  });
  cancelPlan(db, seojun, cancelled.id, '일정이 바뀌어 다음 달에 가져가겠습니다', donorId('윤서준'));

  // Receipts: the company's surplus food at book value, and a personal receipt voided and reissued.
  const completed = listDonations(db, actor, { status: 'completed', limit: 100, offset: 0 });
  const firstOf = (name: string) => completed.filter((d) => d.donorName === name).at(-1)!;
  issueDonationReceipt(db, actor, firstOf('(주)한빛식품').id, 'food_donation_receipt');
  const minji = issueDonationReceipt(db, actor, firstOf('김민지').id).receipt;
  voidReceipt(db, actor, minji.id, '기부자 요청으로 주소 정정');
  reissueReceipt(db, actor, minji.id);

  // A donor who signed up on their own and whose record duplicates one staff keep.
  const selfMade = createDonor(db, actor, { kind: 'organisation', name: '행복한 교회', phone: '02-3777-8888', allowDuplicate: true, notes: '온라인 가입' }, cipher);
  updateDonor(db, selfMade.id, { selfRegistered: true });
}
