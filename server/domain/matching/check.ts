import { unprocessable } from '../errors.js';
import { dateFits, prepareRound, zoneFits, type LineState, type StockUnit } from './stock.js';
import type { AdjustedAllocation, MatchingInput, Violation, ViolationRule } from './types.js';

type Facts = Violation['facts'];

/** Running totals against a limit; reports only the allocation that first crosses it. */
class Limits {
  private readonly used = new Map<string, number>();
  add(key: string, quantity: number, limit: number): number | null {
    const before = this.used.get(key) ?? 0;
    this.used.set(key, before + quantity);
    return before <= limit && before + quantity > limit ? before + quantity : null;
  }
}

function targetFits(line: LineState, unit: StockUnit): boolean {
  const target = line.line.target;
  return 'itemId' in target ? unit.lot.itemId === target.itemId : unit.lot.categoryId === target.categoryId;
}

/**
 * Checks a proposal staff have adjusted against the safety rules, with the same input the round
 * used. Returns every violation (empty when it may be confirmed), in allocation order after sorting
 * by line, lot and location, so the same list always gives the same answer. Limits (request,
 * availability, capacity) are reported once, at the allocation that takes the total over.
 */
export function checkAllocations(input: MatchingInput, allocations: readonly AdjustedAllocation[]): Violation[] {
  const round = prepareRound(input);
  const today = input.options.today;
  const lines = new Map(round.lines.map((line) => [line.line.requestLineId, line]));
  const units = new Map(round.units.map((unit) => [`${unit.lot.lotId}:${unit.lot.locationId}`, unit]));
  const perLine = new Limits();
  const perUnit = new Limits();
  const perZone = new Limits();
  const violations: Violation[] = [];

  const sorted = [...allocations].sort((a, b) => a.requestLineId - b.requestLineId || a.lotId - b.lotId || a.locationId - b.locationId);
  for (const allocation of sorted) {
    const { requestLineId, lotId, locationId, quantity } = allocation;
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      throw unprocessable('matching_input_invalid', 'an allocation quantity must be an integer ≥ 1', { requestLineId, lotId, locationId, quantity });
    }
    const flag = (rule: ViolationRule, facts: Facts) => violations.push({ rule, requestLineId, lotId, locationId, facts });
    const line = lines.get(requestLineId);
    const unit = units.get(`${lotId}:${locationId}`);

    // A line or a stock unit the round does not know has nothing open or nothing free.
    if (!line) flag('over_request', { requested: 0, allocated: quantity });
    if (!unit) flag('over_available', { available: 0, allocated: quantity });
    if (!line || !unit) continue;

    const { lot } = unit;
    const agencyId = line.line.agencyId;
    if (!targetFits(line, unit)) {
      const target = line.line.target;
      flag('wrong_item', { ...target, lotItemId: lot.itemId, lotCategoryId: lot.categoryId });
    }
    if (lot.dateLabel !== null && lot.dateLabel < today) flag('expired', { dateLabel: lot.dateLabel, today });
    else if (!dateFits(line.earliestDate, lot)) flag('date_before_needed', { dateLabel: lot.dateLabel, neededBy: line.line.neededBy });
    if (!zoneFits(line.agency.agency, lot)) flag('storage', { agencyId, zone: lot.zone });

    const requestTotal = perLine.add(String(requestLineId), quantity, line.line.quantity);
    if (requestTotal !== null) flag('over_request', { requested: line.line.quantity, allocated: requestTotal });
    const unitTotal = perUnit.add(`${lotId}:${locationId}`, quantity, lot.available);
    if (unitTotal !== null) flag('over_available', { available: lot.available, allocated: unitTotal });
    const capacity = line.agency.agency.capacity?.[lot.zone];
    if (capacity !== undefined) {
      const zoneTotal = perZone.add(`${agencyId}:${lot.zone}`, quantity, capacity);
      if (zoneTotal !== null) flag('capacity', { agencyId, zone: lot.zone, capacity, allocated: zoneTotal });
    }
  }
  return violations;
}
