import type { FoodBankTier, Role } from '../domain/roles.js';

/**
 * A realistic Korean network for demonstrations and browser tests: the national centre, a 광역
 * (metro) food bank and two 기초 (local) sites under it, each with its own people.
 */
export interface DemoFoodBank {
  key: string;
  name: string;
  tier: FoodBankTier;
  parent: string | null;
  region: string;
}

export interface DemoUser {
  foodBank: string;
  email: string;
  name: string;
  role: Role;
}

export const DEMO_PASSWORD = 'foodbank-demo-2026';

export const DEMO_FOOD_BANKS: DemoFoodBank[] = [
  { key: 'national', name: '전국푸드뱅크', tier: 'national', parent: null, region: '전국' },
  { key: 'seoul', name: '서울특별시광역푸드뱅크', tier: 'metro', parent: 'national', region: '서울특별시' },
  { key: 'mapo', name: '마포구기초푸드뱅크', tier: 'local', parent: 'seoul', region: '서울특별시 마포구' },
  { key: 'gangseo', name: '강서구푸드마켓', tier: 'local', parent: 'seoul', region: '서울특별시 강서구' },
];

export const DEMO_USERS: DemoUser[] = [
  { foodBank: 'national', email: 'admin@national.demo', name: '한지원', role: 'admin' },
  { foodBank: 'seoul', email: 'admin@seoul.demo', name: '김서연', role: 'admin' },
  { foodBank: 'seoul', email: 'staff@seoul.demo', name: '이도윤', role: 'staff' },
  { foodBank: 'mapo', email: 'admin@mapo.demo', name: '박민준', role: 'admin' },
  { foodBank: 'mapo', email: 'intake@mapo.demo', name: '최지우', role: 'staff' },
  { foodBank: 'mapo', email: 'warehouse@mapo.demo', name: '정하은', role: 'staff' },
  { foodBank: 'mapo', email: 'donor@mapo.demo', name: '윤서준', role: 'donor' },
  { foodBank: 'mapo', email: 'csr@hanbit-foods.demo', name: '(주)한빛식품 사회공헌팀', role: 'donor' },
  { foodBank: 'mapo', email: 'agency@mapo.demo', name: '햇살지역아동센터', role: 'agency' },
  { foodBank: 'mapo', email: 'seniors@mapo.demo', name: '마포노인복지관', role: 'agency' },
  { foodBank: 'gangseo', email: 'admin@gangseo.demo', name: '강하늘', role: 'admin' },
  { foodBank: 'gangseo', email: 'staff@gangseo.demo', name: '오세린', role: 'staff' },
  { foodBank: 'gangseo', email: 'donor@gangseo.demo', name: '임채원', role: 'donor' },
  { foodBank: 'gangseo', email: 'agency@gangseo.demo', name: '강서장애인복지관', role: 'agency' },
];

/** The login printed for each role when the demo starts. */
export const DEMO_LOGINS: Record<Role, string> = {
  admin: 'admin@mapo.demo',
  staff: 'intake@mapo.demo',
  donor: 'donor@mapo.demo',
  agency: 'agency@mapo.demo',
};
