import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { foodBanks, type FoodBankRow } from '../db/schema.js';
import { DEFAULT_BASE_SHARE, DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights } from '../domain/matching.js';
import type { Actor } from '../domain/roles.js';

/** The food bank's own base share and priority weights, or the Korean defaults (1; 4, 3, 2, 1). */
function settingsOf(row: FoodBankRow): { baseShare: number; priorityWeights: PriorityWeights } {
  return {
    baseShare: row.matchingBaseShare ?? DEFAULT_BASE_SHARE,
    priorityWeights: row.matchingWeights ? (JSON.parse(row.matchingWeights) as PriorityWeights) : { ...DEFAULT_PRIORITY_WEIGHTS },
  };
}

export const matchingSettings = (db: DbOrTx, actor: Actor) => settingsOf(findFoodBank(db, actor.foodBankId)!);

/** Admins set their food bank's defaults (another country, another priority order). */
export function updateMatchingSettings(db: Db, actor: Actor, input: { baseShare?: number; priorityWeights?: PriorityWeights }) {
  const changes = {
    ...(input.baseShare !== undefined ? { matchingBaseShare: input.baseShare } : {}),
    ...(input.priorityWeights ? { matchingWeights: JSON.stringify(input.priorityWeights) } : {}),
  };
  return settingsOf(db.update(foodBanks).set(changes).where(eq(foodBanks.id, actor.foodBankId)).returning().get()!);
}
