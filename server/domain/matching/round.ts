import { STORAGE_ZONES } from '../inventory.js';
import { buildProposal } from './report.js';
import { shareOut } from './share.js';
import { compareDates, dateFits, isCategoryLine, prepareRound, targetId, takeFefo, zoneFits, type AgencyState, type LineState, type RoundState, type StockUnit } from './stock.js';
import type { MatchingInput, MatchingProposal } from './types.js';

/** One agency's lines for one item (or one category): fairness is between agencies, not lines. */
interface Claim {
  agency: AgencyState;
  /** Earliest needed first: within an agency the soonest pickup is served first. */
  lines: LineState[];
  baseLeft: number;
}

interface OpenClaim {
  claim: Claim;
  /** Most it can take now: its open quantity, bounded by eligible stock and zone capacity. */
  cap: number;
  /** Eligible stock ignoring capacity: the smaller, the more constrained the claim. */
  eligible: number;
  earliestDate: string;
}

function groupBy<K extends number>(lines: readonly LineState[], key: (line: LineState) => K): Array<[K, LineState[]]> {
  const groups = new Map<K, LineState[]>();
  for (const line of lines) {
    const list = groups.get(key(line));
    if (list) list.push(line);
    else groups.set(key(line), [line]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

function claimsOf(lines: readonly LineState[], baseShare: number): Claim[] {
  return groupBy(lines, (line) => line.line.agencyId)
    .map(([, agencyLines]) => ({
      agency: agencyLines[0]!.agency,
      lines: agencyLines.sort((a, b) => compareDates(a.line.neededBy, b.line.neededBy) || a.line.requestLineId - b.line.requestLineId),
      baseLeft: baseShare,
    }))
    // The tiebreak order for the last odd units: most need first, then soonest needed, then agency id.
    .sort(
      (a, b) =>
        b.agency.needWeight - a.agency.needWeight ||
        compareDates(a.lines[0]!.line.neededBy, b.lines[0]!.line.neededBy) ||
        a.agency.agency.agencyId - b.agency.agency.agencyId,
    );
}

function openClaim(claim: Claim, pool: readonly StockUnit[]): OpenClaim | null {
  const wanting = claim.lines.filter((line) => line.want > 0);
  if (wanting.length === 0) return null;
  // Lines are sorted by needed-by date, so the first wanting line accepts the widest range of dates.
  const earliestDate = wanting[0]!.earliestDate;
  const byZone = { ambient: 0, chilled: 0, frozen: 0 };
  for (const unit of pool) {
    if (unit.left > 0 && zoneFits(claim.agency.agency, unit.lot) && dateFits(earliestDate, unit.lot)) byZone[unit.lot.zone] += unit.left;
  }
  const want = wanting.reduce((sum, line) => sum + line.want, 0);
  const room = STORAGE_ZONES.reduce((sum, zone) => sum + Math.min(byZone[zone], claim.agency.capacityLeft[zone]), 0);
  const cap = Math.min(want, room);
  if (cap <= 0) return null;
  return { claim, cap, eligible: byZone.ambient + byZone.chilled + byZone.frozen, earliestDate };
}

/** Stock at least one open claim may take: what there is to share. */
function supplyFor(open: readonly OpenClaim[], pool: readonly StockUnit[]): number {
  let supply = 0;
  for (const unit of pool) {
    if (unit.left === 0) continue;
    const wanted = open.some(
      (o) => zoneFits(o.claim.agency.agency, unit.lot) && dateFits(o.earliestDate, unit.lot) && o.claim.agency.capacityLeft[unit.lot.zone] > 0,
    );
    if (wanted) supply += unit.left;
  }
  return supply;
}

function serveClaim(round: RoundState, claim: Claim, target: number): number {
  let got = 0;
  for (const line of claim.lines) {
    if (got === target) break;
    if (line.want > 0) got += takeFefo(round, line, target - got);
  }
  claim.baseLeft = Math.max(0, claim.baseLeft - got);
  return got;
}

/**
 * Shares one item's (or category's) stock between the agencies that asked for it. Each pass: a
 * base per agency, then the rest in proportion to need weight, each capped at what the agency can
 * take (open quantity, eligible stock, zone capacity). Claims are then filled FEFO, most
 * constrained first so a claim that can use only some lots gets them before a flexible one takes
 * them. When overlapping eligibility leaves a target unfilled, the next pass shares what is left
 * among those who can still take it, so nothing wanted and allowed stays on the shelf.
 */
function shareGroup(round: RoundState, lines: readonly LineState[]): void {
  const pool = lines[0]!.pool;
  const claims = claimsOf(lines, round.baseShare);
  for (;;) {
    const open = claims.map((claim) => openClaim(claim, pool)).filter((o): o is OpenClaim => o !== null);
    if (open.length === 0) return;
    const supply = supplyFor(open, pool);
    const base = shareOut(supply, open.map((o) => ({ cap: Math.min(o.claim.baseLeft, o.cap), weight: 1 })));
    const baseTotal = base.reduce((sum, units) => sum + units, 0);
    const rest = shareOut(supply - baseTotal, open.map((o, i) => ({ cap: o.cap - base[i]!, weight: o.claim.agency.needWeight })));
    const order = open.map((_, i) => i).sort((a, b) => open[a]!.eligible - open[b]!.eligible || a - b);
    let progress = 0;
    for (const i of order) progress += serveClaim(round, open[i]!.claim, base[i]! + rest[i]!);
    // Unreachable in practice: the first claim served always finds the stock its cap counted.
    if (progress === 0) return;
  }
}

/**
 * A fair, safe matching round. Item lines are served before category lines: a line for 쌀 can be
 * met only by rice, while 라면류 can be met by whatever noodles remain, so serving the category
 * first could take the only lots a specific request could use.
 */
export function matchRound(input: MatchingInput): MatchingProposal {
  const round = prepareRound(input);
  const itemLines = round.lines.filter((line) => !isCategoryLine(line.line));
  const categoryLines = round.lines.filter((line) => isCategoryLine(line.line));
  for (const [, lines] of groupBy(itemLines, (line) => targetId(line.line))) shareGroup(round, lines);
  for (const [, lines] of groupBy(categoryLines, (line) => targetId(line.line))) shareGroup(round, lines);
  return buildProposal(round);
}

/** The baseline: lines in id order, each takes all it can FEFO; safe, but first come first served. */
export function greedyFefo(input: MatchingInput): MatchingProposal {
  const round = prepareRound(input);
  for (const line of round.lines) takeFefo(round, line, line.want);
  return buildProposal(round);
}
