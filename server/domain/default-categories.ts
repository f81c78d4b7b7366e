import type { CategoryKind } from './inventory.js';

/** The categories a new food bank starts with: food and the household goods the law allows. */
export const DEFAULT_CATEGORIES: { name: string; nameEn: string; nameMn: string; kind: CategoryKind }[] = [
  { name: '곡류', nameEn: 'Grains', nameMn: 'Үр тариа', kind: 'food' },
  { name: '면류', nameEn: 'Noodles', nameMn: 'Гоймон', kind: 'food' },
  { name: '통조림', nameEn: 'Canned food', nameMn: 'Лаазалсан хүнс', kind: 'food' },
  { name: '음료', nameEn: 'Drinks', nameMn: 'Ундаа', kind: 'food' },
  { name: '유제품', nameEn: 'Dairy', nameMn: 'Сүүн бүтээгдэхүүн', kind: 'food' },
  { name: '냉동식품', nameEn: 'Frozen food', nameMn: 'Хөлдөөсөн хүнс', kind: 'food' },
  { name: '신선식품', nameEn: 'Fresh food', nameMn: 'Шинэ хүнс', kind: 'food' },
  { name: '반찬', nameEn: 'Side dishes', nameMn: 'Хачир', kind: 'food' },
  { name: '조미료', nameEn: 'Seasonings', nameMn: 'Амтлагч', kind: 'food' },
  { name: '과자·간식', nameEn: 'Snacks', nameMn: 'Амттан', kind: 'food' },
  { name: '조리식품', nameEn: 'Cooked food', nameMn: 'Болгосон хоол', kind: 'food' },
  { name: '세제', nameEn: 'Detergent', nameMn: 'Угаалгын бодис', kind: 'household' },
  { name: '화장지', nameEn: 'Tissue', nameMn: 'Ариун цэврийн цаас', kind: 'household' },
  { name: '위생용품', nameEn: 'Hygiene products', nameMn: 'Ариун цэврийн хэрэгсэл', kind: 'household' },
  { name: '기저귀', nameEn: 'Diapers', nameMn: 'Живх', kind: 'household' },
  { name: '구강용품', nameEn: 'Oral care', nameMn: 'Амны хөндийн арчилгаа', kind: 'household' },
  { name: '여성용품', nameEn: 'Feminine hygiene', nameMn: 'Эмэгтэйчүүдийн ариун цэвэр', kind: 'household' },
  { name: '수건', nameEn: 'Towels', nameMn: 'Алчуур', kind: 'household' },
];
