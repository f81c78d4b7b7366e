/**
 * Distribution matching (배분 매칭): proposes which lots go to which agency request lines, fairly
 * and safely, for staff to review before anything is reserved. Pure code: no I/O, no clock.
 *
 * Safety, always: no lot past its date or dated before the line's needed-by day, no chilled or
 * frozen goods to an agency without a fridge or freezer, nothing beyond an agency's zone capacity,
 * a lot's free units or a line's open quantity. Lots go earliest-expiring first (FEFO).
 *
 * Fairness, when stock is short: per item (then per category, once item lines are served) each
 * agency first gets a small base, then the rest in proportion to its need weight (people served ×
 * priority weight), capped at what it asked and can take; whatever capped agencies leave is shared
 * again among the others, and integer units are split by largest remainder so they add up exactly.
 *
 * Layout: `matching/types.ts` (input, output), `stock.ts` (eligibility, FEFO), `share.ts` (the
 * proportional split), `round.ts` (the round and the greedy baseline), `report.ts` (fill rates,
 * fairness, shortfall reasons), `check.ts` (staff adjustments against the safety rules).
 */
export * from './matching/types.js';
export { matchRound, greedyFefo } from './matching/round.js';
export { checkAllocations } from './matching/check.js';
export { shareOut, type ShareClaim } from './matching/share.js';
export { needWeight, fefoOrder } from './matching/stock.js';
export { roundFairness } from './matching/report.js';
