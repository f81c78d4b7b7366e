import { and, asc, eq, or } from 'drizzle-orm';
import { containsText } from '../columns.js';
import type { DbOrTx } from '../client.js';
import { donors, type DonorRow } from '../schema.js';

export function insertDonor(db: DbOrTx, values: typeof donors.$inferInsert): DonorRow {
  return db.insert(donors).values(values).returning().get();
}

export function updateDonor(db: DbOrTx, id: number, values: Partial<typeof donors.$inferInsert>): DonorRow {
  return db.update(donors).set(values).where(eq(donors.id, id)).returning().get()!;
}

export function findDonorInFoodBank(db: DbOrTx, foodBankId: number, id: number): DonorRow | undefined {
  return db
    .select()
    .from(donors)
    .where(and(eq(donors.id, id), eq(donors.foodBankId, foodBankId)))
    .get();
}

/** Search as you type at the desk: name, phone or business number contains the text. */
export function searchDonors(db: DbOrTx, foodBankId: number, text: string, limit: number): DonorRow[] {
  return db
    .select()
    .from(donors)
    .where(
      and(
        eq(donors.foodBankId, foodBankId),
        or(containsText(donors.name, text), containsText(donors.phone, text), containsText(donors.businessNumber, text)),
      ),
    )
    .orderBy(asc(donors.name), asc(donors.id))
    .limit(limit)
    .all();
}

export function findDonorsByContact(db: DbOrTx, foodBankId: number, phone: string | null, businessNumber: string | null): DonorRow[] {
  const matches = [phone ? eq(donors.phone, phone) : undefined, businessNumber ? eq(donors.businessNumber, businessNumber) : undefined].filter(
    (c) => c !== undefined,
  );
  if (matches.length === 0) return [];
  return db
    .select()
    .from(donors)
    .where(and(eq(donors.foodBankId, foodBankId), or(...matches)))
    .all();
}
