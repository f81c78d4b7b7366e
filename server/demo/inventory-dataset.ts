import type { DateLabelKind, DonationChannel, StorageZone, Unit } from '../domain/inventory.js';

/** The demo catalog, warehouse and a month of intake for 마포구기초푸드뱅크 (and a little for 강서구). */
export interface DemoItem {
  name: string;
  nameEn: string;
  category: string;
  unit: Unit;
  packSize: number;
  zone: StorageZone;
  unitValue: number;
  weightGrams: number;
  minStock?: number;
  /** A valid GTIN-13; a case barcode scans as `packSize`. */
  barcode?: string;
  caseBarcode?: string;
}

export const DEMO_ITEMS: DemoItem[] = [
  { name: '쌀 10kg', nameEn: 'Rice 10 kg', category: '곡류', unit: '포', packSize: 1, zone: 'ambient', unitValue: 32000, weightGrams: 10000, minStock: 20, barcode: '8801050000017' },
  { name: '신라면', nameEn: 'Shin Ramyun', category: '면류', unit: '개', packSize: 40, zone: 'ambient', unitValue: 950, weightGrams: 120, minStock: 200, barcode: '8801043014830', caseBarcode: '8801060000021' },
  { name: '진라면 순한맛', nameEn: 'Jin Ramen mild', category: '면류', unit: '개', packSize: 40, zone: 'ambient', unitValue: 850, weightGrams: 120, barcode: '8801070000035' },
  { name: '참치 통조림 150g', nameEn: 'Canned tuna 150 g', category: '통조림', unit: '캔', packSize: 24, zone: 'ambient', unitValue: 2500, weightGrams: 150, minStock: 100, barcode: '8801080000049' },
  { name: '햇반 210g', nameEn: 'Cooked rice 210 g', category: '곡류', unit: '개', packSize: 24, zone: 'ambient', unitValue: 1500, weightGrams: 210, barcode: '8801090000053' },
  { name: '흰우유 1L', nameEn: 'Milk 1 L', category: '유제품', unit: '개', packSize: 10, zone: 'chilled', unitValue: 2800, weightGrams: 1030, minStock: 30, barcode: '8801100000066' },
  { name: '두부 300g', nameEn: 'Tofu 300 g', category: '신선식품', unit: '개', packSize: 20, zone: 'chilled', unitValue: 1800, weightGrams: 300, barcode: '8801110000070' },
  { name: '비비고 왕교자 1kg', nameEn: 'Frozen dumplings 1 kg', category: '냉동식품', unit: '봉', packSize: 6, zone: 'frozen', unitValue: 9900, weightGrams: 1000, barcode: '8801120000084' },
  { name: '냉동 닭가슴살 1kg', nameEn: 'Frozen chicken breast 1 kg', category: '냉동식품', unit: '봉', packSize: 10, zone: 'frozen', unitValue: 8500, weightGrams: 1000, barcode: '8801130000098' },
  { name: '배추김치 1kg', nameEn: 'Kimchi 1 kg', category: '반찬', unit: '팩', packSize: 10, zone: 'chilled', unitValue: 7000, weightGrams: 1000, barcode: '8801140000101' },
  { name: '간장 900ml', nameEn: 'Soy sauce 900 ml', category: '조미료', unit: '병', packSize: 12, zone: 'ambient', unitValue: 4500, weightGrams: 1000, barcode: '8801150000115' },
  { name: '두유 190ml', nameEn: 'Soy milk 190 ml', category: '음료', unit: '팩', packSize: 24, zone: 'ambient', unitValue: 700, weightGrams: 200, barcode: '8801160000129' },
  { name: '세탁세제 2.5L', nameEn: 'Laundry detergent 2.5 L', category: '세제', unit: '개', packSize: 4, zone: 'ambient', unitValue: 12000, weightGrams: 2700, barcode: '8801170000133' },
  { name: '두루마리 화장지 30롤', nameEn: 'Toilet paper 30 rolls', category: '화장지', unit: '팩', packSize: 1, zone: 'ambient', unitValue: 15000, weightGrams: 3000, minStock: 10, barcode: '8801180000147' },
  { name: '아기 기저귀 대형', nameEn: 'Baby diapers L', category: '기저귀', unit: '팩', packSize: 4, zone: 'ambient', unitValue: 18000, weightGrams: 1500, barcode: '8801190000151' },
  { name: '치약 120g', nameEn: 'Toothpaste 120 g', category: '구강용품', unit: '개', packSize: 48, zone: 'ambient', unitValue: 2000, weightGrams: 140, barcode: '8801200000164' },
];

export interface DemoLocation {
  warehouse: string;
  name: string;
  zone: StorageZone;
  capacity?: number;
}

export const DEMO_LOCATIONS: DemoLocation[] = [
  { warehouse: '본관 창고', name: 'A-1 상온 선반', zone: 'ambient', capacity: 2000 },
  { warehouse: '본관 창고', name: 'A-2 상온 선반', zone: 'ambient', capacity: 2000 },
  { warehouse: '본관 창고', name: 'B 생활용품 선반', zone: 'ambient' },
  { warehouse: '본관 창고', name: '냉장실', zone: 'chilled', capacity: 500 },
  { warehouse: '본관 창고', name: '냉동고 1', zone: 'frozen', capacity: 300 },
];

export interface DemoDonor {
  kind: 'individual' | 'organisation';
  name: string;
  phone?: string;
  businessNumber?: string;
  /** Only for an individual who wants a tax receipt; stored encrypted. */
  residentNumber?: string;
  address?: string;
  consentReceipts?: boolean;
}

export const DEMO_DONORS: DemoDonor[] = [
  { kind: 'organisation', name: '(주)한빛식품', businessNumber: '1208147521', phone: '0221234567', address: '서울특별시 마포구 양화로 45', consentReceipts: true },
  { kind: 'organisation', name: '마포농협 하나로마트', businessNumber: '1058211230', phone: '0233331111' },
  { kind: 'organisation', name: '행복한교회', phone: '0237778888' },
  { kind: 'individual', name: '윤서준', phone: '01012345678' },
  { kind: 'individual', name: '김민지', phone: '01098765432', residentNumber: '950315-2234567', address: '서울특별시 마포구 월드컵로 212', consentReceipts: true },
];

export interface DemoLine {
  item: string;
  quantity: number;
  /** Days from the donation date to the date label; omitted for goods without one. */
  days?: number;
  kind?: DateLabelKind;
  location: string;
  rejected?: 'damaged_packaging' | 'expired' | 'temperature_abuse';
}

export interface DemoDonation {
  donor: string;
  daysAgo: number;
  channel: DonationChannel;
  notes?: string;
  lines: DemoLine[];
  /** Left as a draft at the desk. */
  draft?: boolean;
}

export const DEMO_DONATIONS: DemoDonation[] = [
  {
    donor: '(주)한빛식품',
    daysAgo: 28,
    channel: 'corporate_delivery',
    notes: '11월 정기 기부',
    lines: [
      { item: '신라면', quantity: 400, days: 150, location: 'A-1 상온 선반' },
      { item: '참치 통조림 150g', quantity: 240, days: 700, location: 'A-1 상온 선반' },
      { item: '햇반 210g', quantity: 96, days: 200, location: 'A-2 상온 선반' },
      { item: '비비고 왕교자 1kg', quantity: 30, days: 240, location: '냉동고 1' },
    ],
  },
  {
    donor: '마포농협 하나로마트',
    daysAgo: 20,
    channel: 'pickup',
    notes: '유통기한 임박 상품 수거',
    lines: [
      { item: '흰우유 1L', quantity: 40, days: 22, kind: 'sell_by', location: '냉장실' },
      { item: '두부 300g', quantity: 30, days: 18, location: '냉장실' },
      { item: '배추김치 1kg', quantity: 20, days: 40, location: '냉장실' },
      { item: '흰우유 1L', quantity: 10, days: 21, kind: 'sell_by', location: '냉장실', rejected: 'temperature_abuse' },
    ],
  },
  {
    donor: '행복한교회',
    daysAgo: 12,
    channel: 'food_drive',
    notes: '추수감사절 나눔',
    lines: [
      { item: '쌀 10kg', quantity: 25, days: 330, location: 'A-2 상온 선반' },
      { item: '간장 900ml', quantity: 12, days: 500, location: 'A-2 상온 선반' },
      { item: '세탁세제 2.5L', quantity: 16, location: 'B 생활용품 선반' },
      { item: '두루마리 화장지 30롤', quantity: 8, location: 'B 생활용품 선반' },
      { item: '진라면 순한맛', quantity: 40, days: 140, location: 'A-1 상온 선반', rejected: 'damaged_packaging' },
    ],
  },
  {
    donor: '윤서준',
    daysAgo: 5,
    channel: 'walk_in',
    lines: [
      { item: '두유 190ml', quantity: 48, days: 90, location: 'A-1 상온 선반' },
      { item: '치약 120g', quantity: 10, location: 'B 생활용품 선반' },
    ],
  },
  {
    donor: '김민지',
    daysAgo: 2,
    channel: 'walk_in',
    lines: [
      { item: '아기 기저귀 대형', quantity: 6, location: 'B 생활용품 선반' },
      { item: '냉동 닭가슴살 1kg', quantity: 10, days: 180, location: '냉동고 1' },
    ],
  },
  {
    donor: '(주)한빛식품',
    daysAgo: 0,
    channel: 'corporate_delivery',
    notes: '도착 예정분 — 검수 중',
    draft: true,
    lines: [{ item: '신라면', quantity: 200, days: 160, location: 'A-1 상온 선반' }],
  },
];
