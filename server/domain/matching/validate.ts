import { unprocessable } from '../errors.js';
import { PRIORITY_CATEGORIES, type MatchingInput, type PriorityWeights } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(message: string, facts: Record<string, string | number | null>): never {
  throw unprocessable('matching_input_invalid', message, facts);
}

function wholeNumber(value: number, min: number, what: string, facts: Record<string, string | number | null>): void {
  if (!Number.isSafeInteger(value) || value < min) invalid(`${what} must be an integer ≥ ${min}`, { ...facts, [what]: value });
}

function isoDate(value: string, what: string, facts: Record<string, string | number | null>): void {
  if (!ISO_DATE.test(value)) invalid(`${what} must be YYYY-MM-DD`, { ...facts, [what]: value });
}

/**
 * The engine's arithmetic is exact only on integers, and dates compare as strings only in
 * `YYYY-MM-DD`; ids must be unique so the proposal does not depend on input order. Callers build
 * the input from the database, so a failure here is a bug upstream: it throws.
 */
export function validateInput(input: MatchingInput, weights: PriorityWeights, baseShare: number): void {
  isoDate(input.options.today, 'today', {});
  for (const category of PRIORITY_CATEGORIES) wholeNumber(weights[category], 0, `priorityWeights.${category}`, {});
  wholeNumber(baseShare, 0, 'baseShare', {});

  const stockKeys = new Set<string>();
  for (const lot of input.lots) {
    const facts = { lotId: lot.lotId, locationId: lot.locationId };
    wholeNumber(lot.available, 0, 'available', facts);
    if (lot.dateLabel !== null) isoDate(lot.dateLabel, 'dateLabel', facts);
    const key = `${lot.lotId}:${lot.locationId}`;
    if (stockKeys.has(key)) invalid('a lot appears twice at one location', facts);
    stockKeys.add(key);
  }

  const agencyIds = new Set<number>();
  for (const agency of input.agencies) {
    const facts = { agencyId: agency.agencyId };
    if (agencyIds.has(agency.agencyId)) invalid('an agency appears twice', facts);
    agencyIds.add(agency.agencyId);
    for (const category of PRIORITY_CATEGORIES) wholeNumber(agency.peopleServed[category], 0, `peopleServed.${category}`, facts);
    for (const [zone, limit] of Object.entries(agency.capacity ?? {})) {
      if (limit !== undefined) wholeNumber(limit, 0, `capacity.${zone}`, facts);
    }
  }

  const lineIds = new Set<number>();
  for (const line of input.lines) {
    const facts = { requestLineId: line.requestLineId };
    if (lineIds.has(line.requestLineId)) invalid('a request line appears twice', facts);
    lineIds.add(line.requestLineId);
    if (!agencyIds.has(line.agencyId)) invalid('a request line names an agency that is not in the input', { ...facts, agencyId: line.agencyId });
    wholeNumber(line.quantity, 1, 'quantity', facts);
    isoDate(line.neededBy, 'neededBy', facts);
  }
}
