import { describe, expect, it } from 'vitest';
import {
  checkAllocations,
  greedyFefo,
  matchRound,
  needWeight,
  roundFairness,
  shareOut,
  DEFAULT_PRIORITY_WEIGHTS,
  type AllocationLine,
  type MatchingAgency,
  type MatchingInput,
  type MatchingLot,
  type MatchingProposal,
  type MatchingRequestLine,
} from '../../server/domain/matching.js';

const TODAY = '2026-03-01';
const RICE = 1;
const RAMEN = 2;
const UDON = 3;
const MILK = 4;
const NOODLES = 20; // 라면류: ramen and udon
const GRAINS = 10;
const DAIRY = 30;
const CATEGORY_OF: Record<number, number> = { [RICE]: GRAINS, [RAMEN]: NOODLES, [UDON]: NOODLES, [MILK]: DAIRY };

function lot(lotId: number, itemId: number, available: number, fields: Partial<MatchingLot> = {}): MatchingLot {
  return { lotId, itemId, categoryId: CATEGORY_OF[itemId] ?? 99, zone: 'ambient', dateLabel: '2026-12-31', locationId: 1, locationSortOrder: 1, available, ...fields };
}

/** An agency whose need weight is `weight` under the default weights (recipients count 1 each). */
function agency(agencyId: number, weight: number, fields: Partial<MatchingAgency> = {}): MatchingAgency {
  return {
    agencyId,
    storage: { ambient: true, chilled: true, frozen: true },
    peopleServed: { emergency: 0, nearPoor: 0, cutOff: 0, recipients: weight },
    ...fields,
  };
}

function line(requestLineId: number, agencyId: number, quantity: number, fields: Partial<MatchingRequestLine> = {}): MatchingRequestLine {
  return { requestLineId, requestId: requestLineId * 10, agencyId, target: { itemId: RICE }, quantity, neededBy: TODAY, ...fields };
}

function input(lots: MatchingLot[], agencies: MatchingAgency[], lines: MatchingRequestLine[], options: Partial<MatchingInput['options']> = {}): MatchingInput {
  return { lots, agencies, lines, options: { today: TODAY, baseShare: 0, ...options } };
}

const allocatedTo = (proposal: MatchingProposal, requestLineId: number) =>
  proposal.allocations.filter((a) => a.requestLineId === requestLineId).reduce((sum, a) => sum + a.quantity, 0);
const lineOf = (proposal: MatchingProposal, requestLineId: number) => proposal.lines.find((l) => l.requestLineId === requestLineId)!;
const agencyOf = (proposal: MatchingProposal, agencyId: number) => proposal.agencies.find((a) => a.agencyId === agencyId)!;

/** Mulberry32: a seeded PRNG so generated cases are the same on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A busy, messy round: several zones, dates around today, capacities, item and category lines. */
function randomInput(seed: number): MatchingInput {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const zones = ['ambient', 'chilled', 'frozen'] as const;
  const dates = ['2026-02-27', '2026-03-01', '2026-03-03', '2026-03-08', '2026-04-01', null];
  const lots: MatchingLot[] = [];
  for (let lotId = 1; lotId <= 40; lotId++) {
    const itemId = pick([RICE, RAMEN, UDON, MILK]);
    const fields = { zone: pick(zones), dateLabel: pick(dates) };
    lots.push(lot(lotId, itemId, Math.floor(random() * 30), { ...fields, locationId: 1, locationSortOrder: 2 }));
    if (random() < 0.3) lots.push(lot(lotId, itemId, Math.floor(random() * 10), { ...fields, locationId: 2, locationSortOrder: 1 }));
  }
  const agencies = Array.from({ length: 8 }, (_, i) =>
    agency(i + 1, 0, {
      storage: { ambient: true, chilled: random() < 0.6, frozen: random() < 0.4 },
      ...(random() < 0.5 ? { capacity: { chilled: Math.floor(random() * 40), ambient: 20 + Math.floor(random() * 80) } } : {}),
      peopleServed: { emergency: Math.floor(random() * 5), nearPoor: Math.floor(random() * 10), cutOff: Math.floor(random() * 10), recipients: Math.floor(random() * 30) },
    }),
  );
  const lines = Array.from({ length: 30 }, (_, i) =>
    line(i + 1, 1 + Math.floor(random() * 8), 1 + Math.floor(random() * 60), {
      target: random() < 0.25 ? { categoryId: pick([NOODLES, DAIRY]) } : { itemId: pick([RICE, RAMEN, UDON, MILK]) },
      neededBy: pick(['2026-03-01', '2026-03-02', '2026-03-05']),
    }),
  );
  return { lots, agencies, lines, options: { today: TODAY, baseShare: 2 } };
}

describe('shareOut', () => {
  it('splits in proportion to weight: 100 units at 3:1 is 75 and 25', () => {
    expect(shareOut(100, [{ cap: 100, weight: 3 }, { cap: 100, weight: 1 }])).toEqual([75, 25]);
  });

  it('gives every claim its cap when supply covers them all', () => {
    expect(shareOut(100, [{ cap: 30, weight: 1 }, { cap: 40, weight: 9 }])).toEqual([30, 40]);
  });

  it('shares what a capped claim leaves among the others', () => {
    expect(shareOut(100, [{ cap: 10, weight: 1 }, { cap: 100, weight: 1 }, { cap: 100, weight: 1 }])).toEqual([10, 45, 45]);
    // Capping cascades: after the first claim is capped the second's share exceeds its cap too.
    expect(shareOut(100, [{ cap: 5, weight: 1 }, { cap: 40, weight: 1 }, { cap: 100, weight: 1 }])).toEqual([5, 40, 55]);
  });

  it('hands the odd units out by largest remainder, ties to the claim listed first', () => {
    // 7 × 1/3 = 2.33 and 7 × 2/3 = 4.67: the larger remainder takes the last unit.
    expect(shareOut(7, [{ cap: 10, weight: 1 }, { cap: 10, weight: 2 }])).toEqual([2, 5]);
    expect(shareOut(10, [{ cap: 10, weight: 1 }, { cap: 10, weight: 1 }, { cap: 10, weight: 1 }])).toEqual([4, 3, 3]);
  });

  it('never leaves stock over for want of weight', () => {
    expect(shareOut(5, [{ cap: 10, weight: 0 }, { cap: 10, weight: 0 }])).toEqual([3, 2]);
    expect(shareOut(10, [{ cap: 3, weight: 5 }, { cap: 10, weight: 0 }])).toEqual([3, 7]);
  });

  it('adds up to min(supply, Σ caps) exactly and never passes a cap', () => {
    const random = prng(7);
    for (let round = 0; round < 300; round++) {
      const claims = Array.from({ length: 1 + Math.floor(random() * 9) }, () => ({ cap: Math.floor(random() * 50), weight: Math.floor(random() * 20) }));
      const supply = Math.floor(random() * 200);
      const shares = shareOut(supply, claims);
      const totalCap = claims.reduce((sum, c) => sum + c.cap, 0);
      expect(shares.reduce((sum, s) => sum + s, 0)).toBe(Math.min(supply, totalCap));
      shares.forEach((share) => expect(share).toBeGreaterThanOrEqual(0));
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(claims[i]!.cap));
      shares.forEach((share) => expect(Number.isInteger(share)).toBe(true));
    }
  });
});

describe('matchRound: fair shares', () => {
  it('weighs need by people served and priority: 3 emergency (12) against 4 recipients (4) share 100 as 75 / 25', () => {
    const a = agency(1, 0, { peopleServed: { emergency: 3, nearPoor: 0, cutOff: 0, recipients: 0 } });
    const b = agency(2, 4);
    expect(needWeight(a.peopleServed, DEFAULT_PRIORITY_WEIGHTS)).toBe(12);
    const proposal = matchRound(input([lot(1, RICE, 100)], [a, b], [line(1, 1, 100), line(2, 2, 100)]));
    expect(allocatedTo(proposal, 1)).toBe(75);
    expect(allocatedTo(proposal, 2)).toBe(25);
    expect(proposal.agencies).toEqual([
      { agencyId: 1, needWeight: 12, requested: 100, allocated: 75, fillRate: 0.75 },
      { agencyId: 2, needWeight: 4, requested: 100, allocated: 25, fillRate: 0.25 },
    ]);
    // Jain: (0.75 + 0.25)² ÷ (2 × (0.5625 + 0.0625)) = 0.8; weighted: (12 × 0.75 + 4 × 0.25) ÷ 16 = 0.625.
    expect(proposal.fairness).toEqual({ agencies: 2, requested: 200, allocated: 100, minFillRate: 0.25, maxFillRate: 0.75, spread: 0.5, weightedFillRate: 0.625, jainIndex: 0.8 });
    expect(lineOf(proposal, 2).shortfall).toBe('short_stock');
  });

  it('gives the base first, then the rest by need: base 5 turns 75 / 25 into 73 / 27', () => {
    // 5 + 5, then 90 at 3:1 = 67.5 / 22.5; equal remainders, so the needier agency takes the odd unit.
    const proposal = matchRound(input([lot(1, RICE, 100)], [agency(1, 3), agency(2, 1)], [line(1, 1, 100), line(2, 2, 100)], { baseShare: 5 }));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([73, 27]);
  });

  it('shares the base equally when there is not even enough for it', () => {
    const agencies = [agency(1, 50), agency(2, 1), agency(3, 1)];
    const proposal = matchRound(input([lot(1, RICE, 4)], agencies, [line(1, 1, 9), line(2, 2, 9), line(3, 3, 9)], { baseShare: 2 }));
    // 4 units, base 2 each: 2 / 1 / 1, the odd unit to the neediest.
    expect([1, 2, 3].map((id) => allocatedTo(proposal, id))).toEqual([2, 1, 1]);
  });

  it('uses the configured priority weights', () => {
    const a = agency(1, 0, { peopleServed: { emergency: 1, nearPoor: 0, cutOff: 0, recipients: 0 } });
    const b = agency(2, 1);
    const weights = { emergency: 1, nearPoor: 1, cutOff: 1, recipients: 1 };
    const proposal = matchRound(input([lot(1, RICE, 100)], [a, b], [line(1, 1, 100), line(2, 2, 100)], { priorityWeights: weights }));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([50, 50]);
  });

  it('never gives more than asked, and shares what a small request leaves', () => {
    const proposal = matchRound(input([lot(1, RICE, 100)], [agency(1, 3), agency(2, 1)], [line(1, 1, 20), line(2, 2, 100)]));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([20, 80]);
    expect(lineOf(proposal, 1).shortfall).toBeNull();
  });

  it('shares what a capacity-capped agency cannot take among the others', () => {
    const agencies = [agency(1, 2, { capacity: { ambient: 10 } }), agency(2, 1), agency(3, 1)];
    const proposal = matchRound(input([lot(1, RICE, 100)], agencies, [line(1, 1, 100), line(2, 2, 100), line(3, 3, 100)]));
    expect([1, 2, 3].map((id) => allocatedTo(proposal, id))).toEqual([10, 45, 45]);
    expect(lineOf(proposal, 1).shortfall).toBe('capacity');
  });

  it('shares what an agency without a fridge cannot take among the others', () => {
    const agencies = [agency(1, 5, { storage: { ambient: true, chilled: false, frozen: false } }), agency(2, 1)];
    const proposal = matchRound(input([lot(1, MILK, 60, { zone: 'chilled' })], agencies, [line(1, 1, 50, { target: { itemId: MILK } }), line(2, 2, 50, { target: { itemId: MILK } })]));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([0, 50]);
    expect(lineOf(proposal, 1).shortfall).toBe('storage');
  });

  it('gives everyone what they asked when stock suffices', () => {
    const proposal = matchRound(input([lot(1, RICE, 70), lot(2, RICE, 50)], [agency(1, 9), agency(2, 1)], [line(1, 1, 60), line(2, 2, 55)], { baseShare: 3 }));
    expect(proposal.lines.map((l) => [l.allocated, l.shortfall])).toEqual([[60, null], [55, null]]);
    expect(proposal.fairness).toMatchObject({ minFillRate: 1, maxFillRate: 1, spread: 0, jainIndex: 1 });
  });

  it('splits integer units exactly, odd units by need, then earlier needed-by, then agency id', () => {
    const three = [agency(1, 1), agency(2, 1), agency(3, 1)];
    const even = matchRound(input([lot(1, RICE, 10)], three, [line(1, 1, 10), line(2, 2, 10), line(3, 3, 10)]));
    expect([1, 2, 3].map((id) => allocatedTo(even, id))).toEqual([4, 3, 3]);
    const sooner = matchRound(input([lot(1, RICE, 11)], three, [line(1, 1, 10), line(2, 2, 10, { neededBy: '2026-02-28' }), line(3, 3, 10, { neededBy: '2026-02-27' })]));
    expect([1, 2, 3].map((id) => allocatedTo(sooner, id))).toEqual([3, 4, 4]);
  });

  it('treats an agency’s several lines for one item as one claim, soonest needed first', () => {
    const lines = [line(1, 1, 50, { neededBy: '2026-03-04' }), line(2, 1, 50, { neededBy: '2026-03-02' }), line(3, 2, 100)];
    const proposal = matchRound(input([lot(1, RICE, 100)], [agency(1, 1), agency(2, 1)], lines));
    // Splitting a request does not double an agency's weight.
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2), allocatedTo(proposal, 3)]).toEqual([0, 50, 50]);
  });

  it('gives later lots to the line that can only use them, and earlier ones to the line that can use any', () => {
    const lots = [lot(1, RICE, 50, { dateLabel: '2026-03-05' }), lot(2, RICE, 50, { dateLabel: '2026-03-20' })];
    const proposal = matchRound(input(lots, [agency(1, 1), agency(2, 1)], [line(1, 1, 100, { neededBy: '2026-03-10' }), line(2, 2, 100)]));
    expect(proposal.allocations).toEqual([
      { requestLineId: 1, agencyId: 1, lotId: 2, locationId: 1, quantity: 50 },
      { requestLineId: 2, agencyId: 2, lotId: 1, locationId: 1, quantity: 50 },
    ]);
  });

  it('fills the most constrained agency first, so a flexible one does not take the only lots it can use', () => {
    // Ambient rice expires first; agency 2 has no fridge and can use only that.
    const lots = [lot(1, RICE, 50, { dateLabel: '2026-03-05' }), lot(2, RICE, 50, { zone: 'chilled', dateLabel: '2026-03-20' })];
    const noFridge = agency(2, 1, { storage: { ambient: true, chilled: false, frozen: false } });
    const proposal = matchRound(input(lots, [agency(1, 1), noFridge], [line(1, 1, 100), line(2, 2, 100)]));
    expect(proposal.allocations.map((a) => [a.requestLineId, a.lotId, a.quantity])).toEqual([[1, 2, 50], [2, 1, 50]]);
  });

  it('gives an agency with no recorded people its base and whatever nobody else can take', () => {
    const proposal = matchRound(input([lot(1, RICE, 30)], [agency(1, 0), agency(2, 5)], [line(1, 1, 100), line(2, 2, 20)], { baseShare: 2 }));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([10, 20]);
  });
});

describe('matchRound: safety', () => {
  it('never allocates a lot past its date; a date of today is still good', () => {
    const lots = [lot(1, RICE, 10, { dateLabel: '2026-02-28' }), lot(2, RICE, 10, { dateLabel: TODAY })];
    const proposal = matchRound(input(lots, [agency(1, 1)], [line(1, 1, 20)]));
    expect(proposal.allocations).toEqual([{ requestLineId: 1, agencyId: 1, lotId: 2, locationId: 1, quantity: 10 }]);
    expect(lineOf(proposal, 1).shortfall).toBe('expiry');
  });

  it('never allocates a lot dated before the needed-by day', () => {
    const lots = [lot(1, RICE, 10, { dateLabel: '2026-03-05' }), lot(2, RICE, 10, { dateLabel: '2026-03-06' })];
    const proposal = matchRound(input(lots, [agency(1, 1)], [line(1, 1, 20, { neededBy: '2026-03-06' })]));
    expect(proposal.allocations.map((a) => [a.lotId, a.quantity])).toEqual([[2, 10]]);
    expect(lineOf(proposal, 1).shortfall).toBe('expiry');
  });

  it('never sends chilled or frozen goods to an agency without a fridge or freezer', () => {
    const lots = [lot(1, MILK, 10, { zone: 'chilled' }), lot(2, MILK, 10, { zone: 'frozen' }), lot(3, MILK, 10, { zone: 'ambient' })];
    const fridgeOnly = agency(1, 1, { storage: { ambient: false, chilled: true, frozen: false } });
    const proposal = matchRound(input(lots, [fridgeOnly], [line(1, 1, 30, { target: { itemId: MILK } })]));
    expect(proposal.allocations.map((a) => a.lotId)).toEqual([1]);
    expect(lineOf(proposal, 1).shortfall).toBe('storage');
  });

  it('never passes an agency’s zone capacity, across all its lines', () => {
    const lots = [lot(1, MILK, 100, { zone: 'chilled' }), lot(2, RICE, 100, { zone: 'chilled' })];
    const small = agency(1, 1, { capacity: { chilled: 30 } });
    const proposal = matchRound(input(lots, [small], [line(1, 1, 20, { target: { itemId: MILK } }), line(2, 1, 20)]));
    expect(allocatedTo(proposal, 1) + allocatedTo(proposal, 2)).toBe(30);
    expect(proposal.lines.find((l) => l.allocated < l.requested)?.shortfall).toBe('capacity');
  });

  it('proposes nothing the safety check refuses, and leaves nothing that a short line could take', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const generated = randomInput(seed);
      for (const proposal of [matchRound(generated), greedyFefo(generated)]) {
        expect(checkAllocations(generated, proposal.allocations)).toEqual([]);
        for (const fill of proposal.lines) {
          if (fill.allocated === fill.requested) continue;
          expect(fill.shortfall).not.toBeNull();
          // Eligible stock left on the shelf is explained only by a full capacity.
          if (fill.shortfall !== 'capacity') expect(eligibleLeft(generated, proposal, fill.requestLineId)).toBe(0);
        }
      }
    }
  });
});

/** Units still free that the line's agency may keep and that are in date for the line. */
function eligibleLeft(given: MatchingInput, proposal: MatchingProposal, requestLineId: number): number {
  const wanted = given.lines.find((l) => l.requestLineId === requestLineId)!;
  const owner = given.agencies.find((a) => a.agencyId === wanted.agencyId)!;
  const earliest = wanted.neededBy > TODAY ? wanted.neededBy : TODAY;
  return given.lots
    .filter((l) => ('itemId' in wanted.target ? l.itemId === wanted.target.itemId : l.categoryId === wanted.target.categoryId))
    .filter((l) => owner.storage[l.zone] && (l.dateLabel === null || l.dateLabel >= earliest))
    .reduce((sum, l) => sum + l.available - proposal.allocations.filter((a) => a.lotId === l.lotId && a.locationId === l.locationId).reduce((s, a) => s + a.quantity, 0), 0);
}

describe('matchRound: FEFO', () => {
  it('takes the earliest date first, then lot id, then walking order; undated goods last', () => {
    const lots = [
      lot(9, RICE, 5, { dateLabel: null }),
      lot(7, RICE, 5, { dateLabel: '2026-04-01', locationId: 3, locationSortOrder: 2 }),
      lot(8, RICE, 5, { dateLabel: '2026-03-15' }),
      lot(3, RICE, 5, { dateLabel: '2026-04-01' }),
      lot(7, RICE, 5, { dateLabel: '2026-04-01', locationId: 4, locationSortOrder: 1 }),
    ];
    const takes = (quantity: number) =>
      matchRound(input(lots, [agency(1, 1)], [line(1, 1, quantity)])).allocations.map((a) => [a.lotId, a.locationId, a.quantity]);
    expect(takes(5)).toEqual([[8, 1, 5]]);
    expect(takes(8)).toEqual([[3, 1, 3], [8, 1, 5]]);
    expect(takes(17)).toEqual([[3, 1, 5], [7, 3, 2], [7, 4, 5], [8, 1, 5]]);
    expect(takes(25)).toEqual([[3, 1, 5], [7, 3, 5], [7, 4, 5], [8, 1, 5], [9, 1, 5]]);
  });
});

describe('matchRound: category lines', () => {
  const lots = [lot(1, RAMEN, 50, { dateLabel: '2026-03-10' }), lot(2, UDON, 30, { dateLabel: '2026-04-10' }), lot(3, RICE, 40)];
  const lines = [line(1, 1, 60, { target: { categoryId: NOODLES } }), line(2, 2, 50, { target: { itemId: RAMEN } })];

  it('serves item lines first, then category lines from any item of the category, FEFO', () => {
    // The category line has the lower id and the greater need, but only ramen meets line 2.
    const proposal = matchRound(input(lots, [agency(1, 10), agency(2, 1)], lines));
    expect(proposal.allocations).toEqual([
      { requestLineId: 1, agencyId: 1, lotId: 2, locationId: 1, quantity: 30 },
      { requestLineId: 2, agencyId: 2, lotId: 1, locationId: 1, quantity: 50 },
    ]);
    expect(lineOf(proposal, 1).shortfall).toBe('short_stock');
  });

  it('lets a category line take the earliest of what item lines leave', () => {
    const proposal = matchRound(input(lots, [agency(1, 1), agency(2, 1)], [lines[0]!, line(2, 2, 20, { target: { itemId: RAMEN } })]));
    expect(proposal.allocations.filter((a) => a.requestLineId === 1).map((a) => [a.lotId, a.quantity])).toEqual([[1, 30], [2, 30]]);
  });

  it('differs from the greedy baseline, which serves by line id alone', () => {
    const greedy = greedyFefo(input(lots, [agency(1, 10), agency(2, 1)], lines));
    expect(greedy.allocations.map((a) => [a.requestLineId, a.lotId, a.quantity])).toEqual([[1, 1, 50], [1, 2, 10]]);
    expect(lineOf(greedy, 2)).toMatchObject({ allocated: 0, shortfall: 'short_stock' });
  });
});

describe('matchRound: determinism and reasons', () => {
  it('gives the same proposal for the same input in any order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const given = randomInput(seed);
      const random = prng(seed + 1000);
      const reordered = { ...given, lots: shuffled(given.lots, random), agencies: shuffled(given.agencies, random), lines: shuffled(given.lines, random) };
      expect(matchRound(reordered)).toEqual(matchRound(given));
      expect(greedyFefo(reordered)).toEqual(greedyFefo(given));
    }
  });

  it('says no_eligible_lot when nothing of the item is in stock', () => {
    const proposal = matchRound(input([lot(1, RAMEN, 10), lot(2, RICE, 0)], [agency(1, 1)], [line(1, 1, 5)]));
    expect(lineOf(proposal, 1)).toMatchObject({ allocated: 0, fillRate: 0, shortfall: 'no_eligible_lot' });
  });

  it('says short_stock when eligible stock simply runs out', () => {
    const proposal = matchRound(input([lot(1, RICE, 3)], [agency(1, 1)], [line(1, 1, 5)]));
    expect(lineOf(proposal, 1)).toMatchObject({ allocated: 3, fillRate: 0.6, shortfall: 'short_stock' });
  });

  it('reports no fairness figures when nobody asked', () => {
    expect(matchRound(input([lot(1, RICE, 3)], [agency(1, 1)], [])).fairness).toEqual({
      agencies: 0, requested: 0, allocated: 0, minFillRate: null, maxFillRate: null, spread: null, weightedFillRate: null, jainIndex: null,
    });
    expect(roundFairness([{ agencyId: 1, needWeight: 0, requested: 5, allocated: 0, fillRate: 0 }])).toMatchObject({ jainIndex: 1, weightedFillRate: 0 });
  });

  it('refuses input it cannot handle exactly', () => {
    expect(() => matchRound(input([lot(1, RICE, 1.5)], [agency(1, 1)], []))).toThrow(/available/);
    expect(() => matchRound(input([lot(1, RICE, 1), lot(1, RICE, 2)], [agency(1, 1)], []))).toThrow(/twice/);
    expect(() => matchRound(input([], [agency(1, 1)], [line(1, 2, 5)]))).toThrow(/agency/);
    expect(() => matchRound(input([], [agency(1, 1)], [line(1, 1, 0)]))).toThrow(/quantity/);
    expect(() => matchRound(input([], [], [], { today: '1.3.2026' }))).toThrow(/today/);
  });
});

describe('greedyFefo', () => {
  it('serves lines in id order, each as fully as it can, within the safety rules', () => {
    const lots = [lot(1, RICE, 60, { dateLabel: '2026-03-09' }), lot(2, RICE, 60, { dateLabel: '2026-02-01' })];
    const proposal = greedyFefo(input(lots, [agency(1, 1, { capacity: { ambient: 45 } }), agency(2, 100)], [line(1, 1, 50), line(2, 2, 50)]));
    expect([allocatedTo(proposal, 1), allocatedTo(proposal, 2)]).toEqual([45, 15]);
    expect(proposal.allocations.every((a) => a.lotId === 1)).toBe(true);
  });
});

describe('checkAllocations', () => {
  const lots = [
    lot(1, RICE, 10, { dateLabel: '2026-02-28' }),
    lot(2, RICE, 10, { dateLabel: '2026-03-03' }),
    lot(3, MILK, 10, { zone: 'chilled' }),
    lot(4, RICE, 10, { dateLabel: '2026-03-20', locationId: 5 }),
    lot(5, RAMEN, 10),
  ];
  const agencies = [agency(1, 1, { storage: { ambient: true, chilled: false, frozen: false } }), agency(2, 1, { capacity: { ambient: 12 } })];
  const lines = [line(1, 1, 8, { neededBy: '2026-03-05' }), line(2, 2, 15, { target: { categoryId: NOODLES } }), line(3, 2, 10)];
  const given = input(lots, agencies, lines);
  const alloc = (requestLineId: number, lotId: number, quantity: number, locationId = 1): AllocationLine => ({ requestLineId, agencyId: 0, lotId, locationId, quantity });

  it('accepts a proposal that keeps every rule', () => {
    expect(checkAllocations(given, [alloc(1, 4, 8, 5), alloc(2, 5, 10)])).toEqual([]);
    expect(checkAllocations(given, matchRound(given).allocations)).toEqual([]);
  });

  it('names each broken rule with its facts', () => {
    expect(checkAllocations(given, [alloc(1, 1, 1)])).toEqual([{ rule: 'expired', requestLineId: 1, lotId: 1, locationId: 1, facts: { dateLabel: '2026-02-28', today: TODAY } }]);
    expect(checkAllocations(given, [alloc(1, 2, 1)])).toEqual([{ rule: 'date_before_needed', requestLineId: 1, lotId: 2, locationId: 1, facts: { dateLabel: '2026-03-03', neededBy: '2026-03-05' } }]);
    expect(checkAllocations(given, [alloc(3, 3, 1)]).map((v) => v.rule)).toEqual(['wrong_item']);
    expect(checkAllocations(given, [alloc(1, 3, 1)]).map((v) => [v.rule, v.facts])).toEqual([
      ['wrong_item', { itemId: RICE, lotItemId: MILK, lotCategoryId: DAIRY }],
      ['storage', { agencyId: 1, zone: 'chilled' }],
    ]);
    expect(checkAllocations(given, [alloc(1, 4, 9, 5)])).toEqual([{ rule: 'over_request', requestLineId: 1, lotId: 4, locationId: 5, facts: { requested: 8, allocated: 9 } }]);
    expect(checkAllocations(given, [alloc(2, 5, 10), alloc(3, 2, 3)])).toEqual([{ rule: 'capacity', requestLineId: 3, lotId: 2, locationId: 1, facts: { agencyId: 2, zone: 'ambient', capacity: 12, allocated: 13 } }]);
  });

  it('counts a lot’s free units across all lines, and refuses stock that is not there', () => {
    const twice = checkAllocations(given, [alloc(1, 4, 6, 5), alloc(3, 4, 6, 5)]);
    expect(twice).toEqual([{ rule: 'over_available', requestLineId: 3, lotId: 4, locationId: 5, facts: { available: 10, allocated: 12 } }]);
    // Lot 4 is at location 5, not 1.
    expect(checkAllocations(given, [alloc(1, 4, 1)]).map((v) => v.rule)).toEqual(['over_available']);
    expect(checkAllocations(given, [alloc(99, 4, 1, 5)]).map((v) => v.rule)).toEqual(['over_request']);
  });

  it('throws on a quantity that is not a positive integer', () => {
    expect(() => checkAllocations(given, [alloc(1, 4, 0, 5)])).toThrow(/quantity/);
  });
});
