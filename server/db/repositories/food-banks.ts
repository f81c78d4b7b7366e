import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { foodBanks, type FoodBankRow } from '../schema.js';
import type { FoodBankTier } from '../../domain/roles.js';

export interface NewFoodBank {
  name: string;
  tier: FoodBankTier;
  parentId?: number | null;
  region?: string | null;
}

export function insertFoodBank(db: DbOrTx, values: NewFoodBank): FoodBankRow {
  return db.insert(foodBanks).values(values).returning().get();
}

export function findFoodBank(db: DbOrTx, id: number): FoodBankRow | undefined {
  return db.select().from(foodBanks).where(eq(foodBanks.id, id)).get();
}

export function findFoodBankByName(db: DbOrTx, name: string): FoodBankRow | undefined {
  return db.select().from(foodBanks).where(eq(foodBanks.name, name)).get();
}

export function countFoodBanks(db: DbOrTx): number {
  return db.select({ n: count() }).from(foodBanks).get()?.n ?? 0;
}
