import { dateFits, zoneFits, type LineState, type RoundState } from './stock.js';
import type { AgencyFill, LineFill, MatchingProposal, RoundFairness, ShortfallReason } from './types.js';

/** Why a line got less than it asked; see ShortfallReason for the order of the checks. */
function shortfallReason(line: LineState): ShortfallReason {
  let eligibleAtStart = 0;
  let zoneBlocked = 0;
  let dateBlocked = 0;
  let capacityFull = false;
  for (const unit of line.pool) {
    if (!dateFits(line.earliestDate, unit.lot)) dateBlocked += unit.lot.available;
    else if (!zoneFits(line.agency.agency, unit.lot)) zoneBlocked += unit.lot.available;
    else {
      eligibleAtStart += unit.lot.available;
      if (unit.lot.available > 0 && line.agency.capacityLeft[unit.lot.zone] <= 0) capacityFull = true;
    }
  }
  // The agency filled its room in a zone it could have taken more from.
  if (capacityFull) return 'capacity';
  const allocated = line.line.quantity - line.want;
  if (allocated < Math.min(line.line.quantity, eligibleAtStart)) return 'short_stock';
  if (zoneBlocked > 0) return 'storage';
  if (dateBlocked > 0) return 'expiry';
  if (eligibleAtStart === 0) return 'no_eligible_lot';
  return 'short_stock';
}

function lineFill(line: LineState): LineFill {
  const { requestLineId, requestId, agencyId, quantity } = line.line;
  const allocated = quantity - line.want;
  return {
    requestLineId,
    requestId,
    agencyId,
    requested: quantity,
    allocated,
    fillRate: allocated / quantity,
    shortfall: allocated < quantity ? shortfallReason(line) : null,
  };
}

function agencyFills(round: RoundState, lines: readonly LineFill[]): AgencyFill[] {
  const byAgency = new Map<number, AgencyFill>();
  for (const [index, fill] of lines.entries()) {
    const agency = byAgency.get(fill.agencyId) ?? { agencyId: fill.agencyId, needWeight: round.lines[index]!.agency.needWeight, requested: 0, allocated: 0, fillRate: 0 };
    agency.requested += fill.requested;
    agency.allocated += fill.allocated;
    byAgency.set(fill.agencyId, agency);
  }
  return [...byAgency.values()]
    .map((agency) => ({ ...agency, fillRate: agency.allocated / agency.requested }))
    .sort((a, b) => a.agencyId - b.agencyId);
}

/** Fill-rate spread and Jain's index (Σx)² ÷ (n·Σx²); all-zero rates are equal, so Jain's index is 1. */
export function roundFairness(agencies: readonly AgencyFill[]): RoundFairness {
  const requested = agencies.reduce((sum, a) => sum + a.requested, 0);
  const allocated = agencies.reduce((sum, a) => sum + a.allocated, 0);
  if (agencies.length === 0) {
    return { agencies: 0, requested, allocated, minFillRate: null, maxFillRate: null, spread: null, weightedFillRate: null, jainIndex: null };
  }
  const rates = agencies.map((a) => a.fillRate);
  const minFillRate = Math.min(...rates);
  const maxFillRate = Math.max(...rates);
  const totalWeight = agencies.reduce((sum, a) => sum + a.needWeight, 0);
  const weightedFillRate =
    totalWeight > 0
      ? agencies.reduce((sum, a) => sum + a.needWeight * a.fillRate, 0) / totalWeight
      : rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  const sum = rates.reduce((total, rate) => total + rate, 0);
  const sumOfSquares = rates.reduce((total, rate) => total + rate * rate, 0);
  const jainIndex = sumOfSquares === 0 ? 1 : (sum * sum) / (rates.length * sumOfSquares);
  return { agencies: agencies.length, requested, allocated, minFillRate, maxFillRate, spread: maxFillRate - minFillRate, weightedFillRate, jainIndex };
}

export function buildProposal(round: RoundState): MatchingProposal {
  const allocations = [...round.allocations.values()].sort(
    (a, b) => a.requestLineId - b.requestLineId || a.lotId - b.lotId || a.locationId - b.locationId,
  );
  const lines = round.lines.map(lineFill);
  const agencies = agencyFills(round, lines);
  return { allocations, lines, agencies, fairness: roundFairness(agencies) };
}
