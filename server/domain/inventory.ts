/** The words of the warehouse, shared by schema, API and rules. */

/** 상온 ambient, 냉장 chilled (0–10 °C), 냉동 frozen (≤ −18 °C). */
export const STORAGE_ZONES = ['ambient', 'chilled', 'frozen'] as const;
export type StorageZone = (typeof STORAGE_ZONES)[number];

/** 소비기한 (use-by, the rule since 2023), 유통기한 (sell-by, still on some milk), or none (household goods). */
export const DATE_LABEL_KINDS = ['use_by', 'sell_by', 'none'] as const;
export type DateLabelKind = (typeof DATE_LABEL_KINDS)[number];

export const CATEGORY_KINDS = ['food', 'household'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const UNITS = ['개', '봉', '박스', '병', '캔', '팩', '포', 'kg', 'g', 'L'] as const;
export type Unit = (typeof UNITS)[number];

export const DONATION_CHANNELS = ['walk_in', 'pickup', 'corporate_delivery', 'food_drive', 'transfer'] as const;
export type DonationChannel = (typeof DONATION_CHANNELS)[number];

export const REJECTION_REASONS = ['expired', 'damaged_packaging', 'temperature_abuse', 'not_accepted_category', 'recalled', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const MOVEMENT_REASONS = [
  'intake',
  'transfer_out',
  'transfer_in',
  'allocation',
  'handover',
  'disposal',
  'count_adjustment',
  'correction',
] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

export const DONOR_KINDS = ['individual', 'organisation'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** 폐기 reasons. */
export const DISPOSAL_REASONS = ['expired', 'spoiled', 'damaged', 'recalled', 'other'] as const;
export type DisposalReason = (typeof DISPOSAL_REASONS)[number];
