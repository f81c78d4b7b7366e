import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
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
        isNull(donors.mergedIntoId),
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
    .where(and(eq(donors.foodBankId, foodBankId), isNull(donors.mergedIntoId), or(...matches)))
    .all();
}

export type DuplicateReason = 'phone' | 'business_number' | 'email' | 'name';

/**
 * Donor records of a food bank that share a phone, business number, email or name (compared
 * without case and spaces): candidates for staff to merge. Merged-away records are left out.
 */
export function duplicateDonorGroups(db: DbOrTx, foodBankId: number): { reason: DuplicateReason; ids: number[] }[] {
  const keys: [DuplicateReason, ReturnType<typeof sql>][] = [
    ['phone', sql`${donors.phone}`],
    ['business_number', sql`${donors.businessNumber}`],
    ['email', sql`${donors.email}`],
    ['name', sql`lower(replace(${donors.name}, ' ', ''))`],
  ];
  return keys.flatMap(([reason, key]) =>
    db
      .select({ ids: sql<string>`group_concat(${donors.id})` })
      .from(donors)
      .where(and(eq(donors.foodBankId, foodBankId), isNull(donors.mergedIntoId), sql`${key} is not null and ${key} <> ''`))
      .groupBy(key)
      .having(sql`count(*) > 1`)
      .all()
      .map((row) => ({ reason, ids: row.ids.split(',').map(Number).sort((a, b) => a - b) })),
  );
}

export function findDonorsByIds(db: DbOrTx, foodBankId: number, ids: number[]): DonorRow[] {
  if (ids.length === 0) return [];
  return db.select().from(donors).where(and(eq(donors.foodBankId, foodBankId), inArray(donors.id, ids))).all();
}

/** A record and every record merged into it (directly: merging flattens chains). */
export function donorIdsMergedInto(db: DbOrTx, donorId: number): number[] {
  const merged = db.select({ id: donors.id }).from(donors).where(eq(donors.mergedIntoId, donorId)).all();
  return [donorId, ...merged.map((r) => r.id)];
}

/** Points the records merged into `fromId`, and `fromId` itself, at `toId`. */
export function markMerged(tx: DbOrTx, fromId: number, toId: number, updatedAt: string): void {
  tx.update(donors).set({ mergedIntoId: toId, updatedAt }).where(or(eq(donors.mergedIntoId, fromId), eq(donors.id, fromId))).run();
}
