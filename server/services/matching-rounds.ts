import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import {
  findRound,
  freeStock,
  heldByAgencyZone,
  insertAllocations,
  insertRound,
  listRounds,
  openRequestLines,
  replaceRoundLines,
  roundLinesWithNames,
  updateRound,
} from '../db/repositories/matching.js';
import { linesOfRequests, setRequestStatus } from '../db/repositories/requests.js';
import { reserveStock } from '../db/repositories/stock.js';
import { agencies, allocationRequests, allocations, requestLines, type MatchingRoundRow } from '../db/schema.js';
import { allocatedStatus } from '../domain/distribution.js';
import { AppError, conflict, notFound } from '../domain/errors.js';
import type { StorageZone } from '../domain/inventory.js';
import {
  checkAllocations,
  matchRound,
  roundFairness,
  type AdjustedAllocation,
  type AgencyFill,
  type LineFill,
  type MatchingInput,
  type PriorityWeights,
  type RoundFairness,
  type Violation,
} from '../domain/matching.js';
import type { Actor } from '../domain/roles.js';
import { today } from '../lib/dates.js';
import type { MatchingRoundDto, RunRoundBody } from '../schemas/matching.js';
import { matchingSettings } from './matching-settings.js';

/** A line's fill as reviewed: the engine's, or lowered by staff (`adjusted`). */
type ReviewedLine = Omit<LineFill, 'shortfall'> & { shortfall: LineFill['shortfall'] | 'adjusted' };

/** What a round publishes: its fill rates and fairness as reviewed. */
interface RoundReport {
  lines: ReviewedLine[];
  agencies: AgencyFill[];
  fairness: RoundFairness;
}

/** The engine's input as the database stands now: open lines, free stock and the agencies' room. */
function matchingInput(tx: DbOrTx, foodBankId: number, options: { today: string; baseShare: number; priorityWeights: PriorityWeights }): MatchingInput {
  const lines = openRequestLines(tx, foodBankId);
  const agencyIds = [...new Set(lines.map((l) => l.agencyId))];
  const rows = agencyIds.length ? tx.select().from(agencies).where(inArray(agencies.id, agencyIds)).all() : [];
  const held = heldByAgencyZone(tx, foodBankId);
  const room = (agencyId: number, zone: StorageZone, stated: number | null) =>
    stated === null ? undefined : Math.max(0, stated - (held.find((h) => h.agencyId === agencyId && h.zone === zone)?.quantity ?? 0));
  return {
    lots: freeStock(tx, foodBankId, options.today),
    agencies: rows.map((a) => {
      const capacity = Object.fromEntries(
        (
          [
            ['ambient', room(a.id, 'ambient', a.ambientCapacity)],
            ['chilled', room(a.id, 'chilled', a.chilledCapacity)],
            ['frozen', room(a.id, 'frozen', a.frozenCapacity)],
          ] as const
        ).filter(([, value]) => value !== undefined),
      );
      return {
        agencyId: a.id,
        storage: { ambient: true, chilled: a.hasFridge, frozen: a.hasFreezer },
        capacity,
        peopleServed: { emergency: a.peopleEmergency, nearPoor: a.peopleNearPoor, cutOff: a.peopleCutOff, recipients: a.peopleRecipients },
      };
    }),
    lines: lines.map((l) => ({
      requestLineId: l.requestLineId,
      requestId: l.requestId,
      agencyId: l.agencyId,
      target: l.itemId !== null ? { itemId: l.itemId } : { categoryId: l.categoryId! },
      quantity: l.quantity,
      neededBy: l.neededBy,
    })),
    options,
  };
}

const roundOptions = (round: MatchingRoundRow) => ({ today: round.matchedOn, baseShare: round.baseShare, priorityWeights: JSON.parse(round.weights) as PriorityWeights });

function toRoundDto(db: DbOrTx, round: MatchingRoundRow): MatchingRoundDto {
  const report = JSON.parse(round.report) as RoundReport;
  const targets = new Map(linesOfRequests(db, [...new Set(report.lines.map((l) => l.requestId))]).map((l) => [l.id, l]));
  const agencyIds = report.agencies.map((a) => a.agencyId);
  const names = new Map((agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)).all() : []).map((a) => [a.id, a.name]));
  return {
    id: round.id,
    status: round.status,
    matchedOn: round.matchedOn,
    baseShare: round.baseShare,
    priorityWeights: JSON.parse(round.weights) as PriorityWeights,
    createdAt: round.createdAt,
    confirmedAt: round.confirmedAt,
    fairness: report.fairness,
    agencies: report.agencies.map((a) => ({ ...a, agencyName: names.get(a.agencyId) ?? '' })),
    lines: report.lines.map((l) => ({ ...l, name: targets.get(l.requestLineId)?.targetName ?? '', unit: targets.get(l.requestLineId)?.unit ?? null })),
    allocations: roundLinesWithNames(db, round.id),
  };
}

/**
 * Runs the engine over every open request and the stock free today, and keeps the proposal for
 * staff to review. Nothing is reserved until the round is confirmed.
 */
export function runRound(db: Db, actor: Actor, input: RunRoundBody): MatchingRoundDto {
  const defaults = matchingSettings(db, actor);
  const options = { today: today(), baseShare: input.baseShare ?? defaults.baseShare, priorityWeights: input.priorityWeights ?? defaults.priorityWeights };
  return db.transaction(
    (tx) => {
      const proposal = matchRound(matchingInput(tx, actor.foodBankId, options));
      const report: RoundReport = { lines: proposal.lines, agencies: proposal.agencies, fairness: proposal.fairness };
      const round = insertRound(tx, {
        foodBankId: actor.foodBankId,
        matchedOn: options.today,
        baseShare: options.baseShare,
        weights: JSON.stringify(options.priorityWeights),
        report: JSON.stringify(report),
        createdBy: actor.userId,
      });
      replaceRoundLines(tx, round.id, proposal.allocations.map(({ requestLineId, lotId, locationId, quantity }) => ({ requestLineId, lotId, locationId, quantity })));
      return toRoundDto(tx, round);
    },
    { behavior: 'immediate' },
  );
}

function requireRound(db: DbOrTx, actor: Actor, id: number): MatchingRoundRow {
  const round = findRound(db, actor.foodBankId, id);
  if (!round) throw notFound('Matching round');
  return round;
}

function unsafe(violations: Violation[], code = 'allocation_unsafe', status = 422): AppError {
  const first = violations[0]!;
  return new AppError(status, code, `${violations.length} line(s) break a safety rule, e.g. ${first.rule} for request line ${first.requestLineId}`, {
    facts: { rule: first.rule, requestLineId: first.requestLineId, lotId: first.lotId, locationId: first.locationId, violations: violations.length, ...first.facts },
  });
}

/** The report for adjusted lines: each line's and agency's fill rate and the round's fairness again. */
function adjustedReport(previous: RoundReport, lines: readonly AdjustedAllocation[]): RoundReport {
  const given = new Map<number, number>();
  for (const line of lines) given.set(line.requestLineId, (given.get(line.requestLineId) ?? 0) + line.quantity);
  const lineFills = previous.lines.map((l) => {
    const allocated = given.get(l.requestLineId) ?? 0;
    const shortfall = allocated >= l.requested ? null : allocated < l.allocated ? 'adjusted' : (l.shortfall ?? 'adjusted');
    return { ...l, allocated, fillRate: allocated / l.requested, shortfall };
  });
  const agencyFills = previous.agencies.map((a) => {
    const own = lineFills.filter((l) => l.agencyId === a.agencyId);
    const allocated = own.reduce((sum, l) => sum + l.allocated, 0);
    return { ...a, allocated, fillRate: allocated / a.requested };
  });
  return { lines: lineFills, agencies: agencyFills, fairness: roundFairness(agencyFills) };
}

/**
 * Staff adjust the proposal before confirming. Lines must belong to the round's requests, and the
 * whole proposal is checked against the safety rules on the stock as it is now: an unsafe change
 * is refused with the rule it breaks.
 */
export function adjustRound(db: Db, actor: Actor, id: number, lines: AdjustedAllocation[]): MatchingRoundDto {
  return db.transaction(
    (tx) => {
      const round = requireRound(tx, actor, id);
      if (round.status !== 'proposed') throw conflict('round_closed', 'Only a proposed round can be adjusted');
      const report = JSON.parse(round.report) as RoundReport;
      const known = new Set(report.lines.map((l) => l.requestLineId));
      const stranger = lines.find((l) => !known.has(l.requestLineId));
      if (stranger) throw new AppError(422, 'unknown_request_line', 'That request line is not part of this round', { facts: { requestLineId: stranger.requestLineId } });
      const violations = checkAllocations(matchingInput(tx, actor.foodBankId, { ...roundOptions(round), today: today() }), lines);
      if (violations.length > 0) throw unsafe(violations);
      replaceRoundLines(tx, id, lines);
      return toRoundDto(tx, updateRound(tx, id, { report: JSON.stringify(adjustedReport(report, lines)) }));
    },
    { behavior: 'immediate' },
  );
}

/**
 * Confirms a round: every line is reserved (available drops, on hand stays) in one transaction.
 * The proposal is checked again against stock and requests as they are now, so a round proposed
 * before another was confirmed cannot reserve the same units twice. Confirming twice is harmless.
 */
export function confirmRound(db: Db, actor: Actor, id: number): MatchingRoundDto {
  return db.transaction(
    (tx) => {
      const round = requireRound(tx, actor, id);
      if (round.status === 'confirmed') return toRoundDto(tx, round);
      if (round.status !== 'proposed') throw conflict('round_closed', 'A discarded round cannot be confirmed');
      const lines = roundLinesWithNames(tx, id);
      const violations = checkAllocations(matchingInput(tx, actor.foodBankId, { ...roundOptions(round), today: today() }), lines);
      if (violations.length > 0) throw unsafe(violations, 'round_stale', 409);
      insertAllocations(
        tx,
        lines.map((l) => ({
          foodBankId: actor.foodBankId,
          roundId: id,
          requestId: l.requestId,
          requestLineId: l.requestLineId,
          agencyId: l.agencyId,
          lotId: l.lotId,
          locationId: l.locationId,
          quantity: l.quantity,
        })),
      );
      for (const line of lines) {
        // The check above saw enough; the guarded update is the last line of defence.
        if (!reserveStock(tx, line.lotId, line.locationId, line.quantity)) throw unsafe([{ rule: 'over_available', requestLineId: line.requestLineId, lotId: line.lotId, locationId: line.locationId, facts: {} }], 'round_stale', 409);
      }
      refreshRequestStatuses(tx, [...new Set(lines.map((l) => l.requestId))], actor.userId, id);
      return toRoundDto(tx, updateRound(tx, id, { status: 'confirmed', confirmedBy: actor.userId, confirmedAt: nowIso() }));
    },
    { behavior: 'immediate' },
  );
}

/** After allocations change: a request holds everything it asked (allocated) or only part of it. */
function refreshRequestStatuses(tx: DbOrTx, requestIds: number[], actorId: number, roundId: number): void {
  for (const requestId of requestIds) {
    const asked = tx.select({ quantity: requestLines.quantity }).from(requestLines).where(eq(requestLines.requestId, requestId)).all();
    const held = tx
      .select({ quantity: allocations.quantity })
      .from(allocations)
      .where(and(eq(allocations.requestId, requestId), inArray(allocations.status, ['reserved', 'handed_over'])))
      .all();
    const status = allocatedStatus(
      asked.reduce((sum, l) => sum + l.quantity, 0),
      held.reduce((sum, l) => sum + l.quantity, 0),
    );
    const current = tx.select({ status: allocationRequests.status }).from(allocationRequests).where(eq(allocationRequests.id, requestId)).get()!;
    if (current.status !== status) setRequestStatus(tx, requestId, { status, by: actorId, note: `round ${roundId}` });
  }
}

export function discardRound(db: Db, actor: Actor, id: number): MatchingRoundDto {
  return db.transaction(
    (tx) => {
      const round = requireRound(tx, actor, id);
      if (round.status === 'discarded') return toRoundDto(tx, round);
      if (round.status !== 'proposed') throw conflict('round_closed', 'A confirmed round stays on record');
      return toRoundDto(tx, updateRound(tx, id, { status: 'discarded' }));
    },
    { behavior: 'immediate' },
  );
}

export function getRound(db: Db, actor: Actor, id: number): MatchingRoundDto {
  return toRoundDto(db, requireRound(db, actor, id));
}

export function listMatchingRounds(db: Db, actor: Actor) {
  return listRounds(db, actor.foodBankId).map((round) => {
    const { fairness } = JSON.parse(round.report) as RoundReport;
    return {
      id: round.id,
      status: round.status,
      matchedOn: round.matchedOn,
      createdAt: round.createdAt,
      confirmedAt: round.confirmedAt,
      agencies: fairness.agencies,
      requested: fairness.requested,
      allocated: fairness.allocated,
      minFillRate: fairness.minFillRate,
      spread: fairness.spread,
    };
  });
}

