/** The words of distribution: partner agencies, their requests and what they are handed. */

/** 이용시설 types: 지역아동센터, 노인복지관, 장애인시설, 무료급식소, 사회복지관, 읍면동 주민센터 … */
export const AGENCY_TYPES = [
  'community_child_center',
  'senior_welfare_center',
  'disability_facility',
  'free_meal_center',
  'social_welfare_center',
  'community_service_center',
  'shelter',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** An agency applies (pending); staff approve it, and may suspend and reactivate it. Only approved agencies request. */
export const AGENCY_STATUSES = ['pending', 'approved', 'suspended', 'rejected'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

/** The agency collects (pickup) or the food bank delivers. */
export const FULFILMENT_METHODS = ['pickup', 'delivery'] as const;
export type FulfilmentMethod = (typeof FULFILMENT_METHODS)[number];

/**
 * draft → submitted → partly_allocated / allocated → ready (picked) → handed_over → received,
 * or cancelled with a reason. Received and cancelled requests never change again.
 */
export const REQUEST_STATUSES = ['draft', 'submitted', 'partly_allocated', 'allocated', 'ready', 'handed_over', 'received', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Requests a matching round serves: submitted, or allocated in part and still waiting for more. */
export const OPEN_FOR_MATCHING: readonly RequestStatus[] = ['submitted', 'partly_allocated'];
/** A request may be cancelled until it is handed over. */
export const CANCELLABLE: readonly RequestStatus[] = ['draft', 'submitted', 'partly_allocated', 'allocated', 'ready'];

/** A round is proposed, then confirmed (stock reserved) or discarded. */
export const ROUND_STATUSES = ['proposed', 'confirmed', 'discarded'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** reserved (held in stock) → handed_over (left through the ledger), or released (cancelled). */
export const ALLOCATION_STATUSES = ['reserved', 'handed_over', 'released'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/** The request's status after allocations: everything asked is held, or only part of it. */
export function allocatedStatus(requested: number, allocated: number): RequestStatus {
  if (allocated <= 0) return 'submitted';
  return allocated >= requested ? 'allocated' : 'partly_allocated';
}

/**
 * Flags a requested quantity far above what the agency usually asks for the same item or
 * category (the "5000 instead of 500" slip): more than `factor` times its median of past requests.
 */
export function unusualQuantity(quantity: number, past: readonly number[], factor = 5): { usual: number } | null {
  if (past.length === 0) return null;
  const sorted = [...past].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const usual = sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  return quantity > usual * factor ? { usual } : null;
}
