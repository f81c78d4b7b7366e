import type { StorageZone } from '../inventory.js';

/** The four categories of people who may receive, in priority order (domain.md). */
export const PRIORITY_CATEGORIES = ['emergency', 'nearPoor', 'cutOff', 'recipients'] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

/**
 * People an agency serves, by category: 긴급지원대상자 (emergency), 차상위계층·주거·교육급여
 * (nearPoor), 생계·의료급여 탈락자 (cutOff), 생계·의료급여 수급자 and other low-income (recipients).
 */
export type PeopleServed = Record<PriorityCategory, number>;
/** Weight of one person of each category; integers so shares are exact. */
export type PriorityWeights = Record<PriorityCategory, number>;

/** Korean defaults; a food bank (or another country) configures its own. */
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<PriorityWeights> = Object.freeze({ emergency: 4, nearPoor: 3, cutOff: 2, recipients: 1 });
/** One unit per agency and item (or category) before the proportional share: small, so need still decides. */
export const DEFAULT_BASE_SHARE = 1;

/** Stock free to allocate: one lot at one location (a lot may sit at several). */
export interface MatchingLot {
  lotId: number;
  itemId: number;
  categoryId: number;
  zone: StorageZone;
  /** 소비기한 or 유통기한, `YYYY-MM-DD`; null for goods without a date (household goods). */
  dateLabel: string | null;
  locationId: number;
  /** Walking order of the location: breaks FEFO ties so picks stay near each other. */
  locationSortOrder: number;
  /** Units free here now: on hand − reserved (integer ≥ 0). */
  available: number;
}

export interface MatchingAgency {
  agencyId: number;
  /** Which zones the agency can keep: no fridge means no chilled goods, no freezer no frozen. */
  storage: Record<StorageZone, boolean>;
  /** Most units per zone the agency can take this round; a missing zone has no limit. */
  capacity?: Partial<Record<StorageZone, number>>;
  peopleServed: PeopleServed;
}

/** A line asks for one item ("쌀 20kg × 10") or any item of a category ("라면류 200개"). */
export type RequestTarget = { itemId: number } | { categoryId: number };

export interface MatchingRequestLine {
  requestLineId: number;
  requestId: number;
  agencyId: number;
  target: RequestTarget;
  /** Units still open (integer ≥ 1). */
  quantity: number;
  /** Pickup or delivery date, `YYYY-MM-DD`: a lot must still be good on that day. */
  neededBy: string;
}

export interface MatchingOptions {
  /** `YYYY-MM-DD` where the food bank is; the engine never reads the clock. */
  today: string;
  priorityWeights?: PriorityWeights;
  /** Units each agency gets per item (or category) before sharing by need (integer ≥ 0). */
  baseShare?: number;
}

export interface MatchingInput {
  lots: readonly MatchingLot[];
  agencies: readonly MatchingAgency[];
  lines: readonly MatchingRequestLine[];
  options: MatchingOptions;
}

/** Units of one lot at one location proposed for one request line. */
export interface AllocationLine {
  requestLineId: number;
  agencyId: number;
  lotId: number;
  locationId: number;
  quantity: number;
}

/**
 * Why a line got less than it asked, the first that applies:
 * `capacity` the agency's capacity is full in a zone where it had in-date stock it could keep;
 * `short_stock` stock it could take went to others, or there was simply not enough;
 * `storage` in-date stock existed only in zones the agency cannot keep;
 * `expiry` stock existed but its date is before today or before the needed-by date;
 * `no_eligible_lot` nothing of the item (or category) is in stock.
 */
export type ShortfallReason = 'short_stock' | 'no_eligible_lot' | 'storage' | 'capacity' | 'expiry';

export interface LineFill {
  requestLineId: number;
  requestId: number;
  agencyId: number;
  requested: number;
  allocated: number;
  /** allocated ÷ requested. */
  fillRate: number;
  shortfall: ShortfallReason | null;
}

export interface AgencyFill {
  agencyId: number;
  /** Σ people served × priority weight. */
  needWeight: number;
  requested: number;
  allocated: number;
  fillRate: number;
}

/** Fairness of the round among agencies with demand; rates are null when nobody asked. */
export interface RoundFairness {
  agencies: number;
  requested: number;
  allocated: number;
  minFillRate: number | null;
  maxFillRate: number | null;
  /** max − min fill rate. */
  spread: number | null;
  /** Mean agency fill rate weighted by need weight (plain mean when all weights are 0). */
  weightedFillRate: number | null;
  /** Jain's index over agency fill rates: 1 when all equal, 1/n when one agency gets everything. */
  jainIndex: number | null;
}

export interface MatchingProposal {
  /** Sorted by request line, lot, location. */
  allocations: AllocationLine[];
  /** Sorted by request line. */
  lines: LineFill[];
  /** Agencies with demand, sorted by id. */
  agencies: AgencyFill[];
  fairness: RoundFairness;
}

export type ViolationRule = 'expired' | 'date_before_needed' | 'storage' | 'capacity' | 'over_request' | 'over_available' | 'wrong_item';

/** A staff adjustment that breaks a safety rule, with the facts to explain it. */
export interface Violation {
  rule: ViolationRule;
  requestLineId: number;
  lotId: number;
  locationId: number;
  facts: Record<string, string | number | null>;
}

/** What staff send back: the proposal's lines, possibly changed. */
export type AdjustedAllocation = Pick<AllocationLine, 'requestLineId' | 'lotId' | 'locationId' | 'quantity'>;
