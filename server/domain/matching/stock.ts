import { STORAGE_ZONES, type StorageZone } from '../inventory.js';
import {
  DEFAULT_BASE_SHARE,
  DEFAULT_PRIORITY_WEIGHTS,
  PRIORITY_CATEGORIES,
  type AllocationLine,
  type MatchingAgency,
  type MatchingInput,
  type MatchingLot,
  type MatchingRequestLine,
  type PeopleServed,
  type PriorityWeights,
} from './types.js';
import { validateInput } from './validate.js';

/** One lot at one location, and how much of it is still free as the round goes on. */
export interface StockUnit {
  lot: MatchingLot;
  left: number;
}

export interface AgencyState {
  agency: MatchingAgency;
  needWeight: number;
  capacityLeft: Record<StorageZone, number>;
}

export interface LineState {
  line: MatchingRequestLine;
  agency: AgencyState;
  /** The first date label this line may take: a lot must be good today and on the needed-by day. */
  earliestDate: string;
  want: number;
  /** The item's (or category's) stock in FEFO order. */
  pool: readonly StockUnit[];
}

export interface RoundState {
  baseShare: number;
  /** Sorted by requestLineId. */
  lines: LineState[];
  /** Every stock unit in FEFO order. */
  units: StockUnit[];
  allocations: Map<string, AllocationLine>;
}

export const needWeight = (people: PeopleServed, weights: PriorityWeights): number =>
  PRIORITY_CATEGORIES.reduce((sum, category) => sum + people[category] * weights[category], 0);

/** FEFO: earliest date first, undated goods last; then lot and walking order so ties never depend on input order. */
export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function fefoOrder(a: MatchingLot, b: MatchingLot): number {
  if (a.dateLabel !== b.dateLabel) {
    if (a.dateLabel === null) return 1;
    if (b.dateLabel === null) return -1;
    return compareDates(a.dateLabel, b.dateLabel);
  }
  return a.lotId - b.lotId || a.locationSortOrder - b.locationSortOrder || a.locationId - b.locationId;
}

/** The item or category a line asks for. */
export const targetId = (line: MatchingRequestLine): number => ('itemId' in line.target ? line.target.itemId : line.target.categoryId);
export const isCategoryLine = (line: MatchingRequestLine): boolean => 'categoryId' in line.target;

/** The safety rules for one lot and one line, apart from capacity (which depends on the rest of the round). */
export const zoneFits = (agency: MatchingAgency, lot: MatchingLot): boolean => agency.storage[lot.zone];
export const dateFits = (earliestDate: string, lot: MatchingLot): boolean => lot.dateLabel === null || lot.dateLabel >= earliestDate;
export const mayTake = (line: LineState, unit: StockUnit): boolean => zoneFits(line.agency.agency, unit.lot) && dateFits(line.earliestDate, unit.lot);

function pushTo<K>(map: Map<K, StockUnit[]>, key: K, unit: StockUnit): void {
  const list = map.get(key);
  if (list) list.push(unit);
  else map.set(key, [unit]);
}

/** Validates the input and sorts everything once, so every later step runs in a fixed order. */
export function prepareRound(input: MatchingInput): RoundState {
  const weights = input.options.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS;
  const baseShare = input.options.baseShare ?? DEFAULT_BASE_SHARE;
  validateInput(input, weights, baseShare);
  const today = input.options.today;

  const units = input.lots.map((lot) => ({ lot, left: lot.available })).sort((a, b) => fefoOrder(a.lot, b.lot));
  const byItem = new Map<number, StockUnit[]>();
  const byCategory = new Map<number, StockUnit[]>();
  for (const unit of units) {
    pushTo(byItem, unit.lot.itemId, unit);
    pushTo(byCategory, unit.lot.categoryId, unit);
  }

  const agencies = new Map<number, AgencyState>();
  for (const agency of input.agencies) {
    const capacityLeft = Object.fromEntries(STORAGE_ZONES.map((zone) => [zone, agency.capacity?.[zone] ?? Infinity])) as Record<StorageZone, number>;
    agencies.set(agency.agencyId, { agency, needWeight: needWeight(agency.peopleServed, weights), capacityLeft });
  }

  const lines = [...input.lines]
    .sort((a, b) => a.requestLineId - b.requestLineId)
    .map((line) => ({
      line,
      agency: agencies.get(line.agencyId)!,
      earliestDate: line.neededBy > today ? line.neededBy : today,
      want: line.quantity,
      pool: ('itemId' in line.target ? byItem.get(line.target.itemId) : byCategory.get(line.target.categoryId)) ?? [],
    }));

  return { baseShare, lines, units, allocations: new Map() };
}

function take(round: RoundState, line: LineState, unit: StockUnit, quantity: number): void {
  unit.left -= quantity;
  line.want -= quantity;
  line.agency.capacityLeft[unit.lot.zone] -= quantity;
  const key = `${line.line.requestLineId}:${unit.lot.lotId}:${unit.lot.locationId}`;
  const existing = round.allocations.get(key);
  if (existing) existing.quantity += quantity;
  else {
    const { requestLineId, agencyId } = line.line;
    round.allocations.set(key, { requestLineId, agencyId, lotId: unit.lot.lotId, locationId: unit.lot.locationId, quantity });
  }
}

/** Gives a line up to `limit` units from its pool, earliest-expiring eligible lots first. */
export function takeFefo(round: RoundState, line: LineState, limit: number): number {
  let taken = 0;
  for (const unit of line.pool) {
    const room = Math.min(limit - taken, line.want, unit.left, line.agency.capacityLeft[unit.lot.zone]);
    if (room <= 0) {
      if (taken >= limit || line.want === 0) break;
      continue;
    }
    if (!mayTake(line, unit)) continue;
    take(round, line, unit, room);
    taken += room;
  }
  return taken;
}
