/** Who a user is to their food bank. Every route declares which of these may call it. */
export const ROLES = ['admin', 'staff', 'donor', 'agency'] as const;
export type Role = (typeof ROLES)[number];

/** Food banks form the network's tiers: 전국 (national) → 광역 (metro) → 기초 (local). */
export const FOOD_BANK_TIERS = ['national', 'metro', 'local'] as const;
export type FoodBankTier = (typeof FOOD_BANK_TIERS)[number];

/** The identity a service acts for: taken from a verified token and a live user row. */
export interface Actor {
  readonly userId: number;
  readonly foodBankId: number;
  readonly role: Role;
}
