import { and, asc, eq, type SQL } from 'drizzle-orm';
import { containsText } from '../columns.js';
import type { DbOrTx } from '../client.js';
import { agencies, agencyAccounts, type AgencyRow } from '../schema.js';
import type { AgencyStatus } from '../../domain/distribution.js';

export function insertAgency(tx: DbOrTx, values: typeof agencies.$inferInsert): AgencyRow {
  return tx.insert(agencies).values(values).returning().get();
}

export function updateAgencyRow(tx: DbOrTx, id: number, values: Partial<typeof agencies.$inferInsert>): AgencyRow {
  return tx.update(agencies).set(values).where(eq(agencies.id, id)).returning().get()!;
}

export function findAgency(db: DbOrTx, foodBankId: number, id: number): AgencyRow | undefined {
  return db.select().from(agencies).where(and(eq(agencies.foodBankId, foodBankId), eq(agencies.id, id))).get();
}

export function findAgencyByKey(db: DbOrTx, foodBankId: number, nameKey: string): AgencyRow | undefined {
  return db.select().from(agencies).where(and(eq(agencies.foodBankId, foodBankId), eq(agencies.nameKey, nameKey))).get();
}

export function listAgencyRows(db: DbOrTx, foodBankId: number, filters: { status?: AgencyStatus; q?: string }): AgencyRow[] {
  const conditions: SQL[] = [eq(agencies.foodBankId, foodBankId)];
  if (filters.status) conditions.push(eq(agencies.status, filters.status));
  if (filters.q) conditions.push(containsText(agencies.name, filters.q));
  return db.select().from(agencies).where(and(...conditions)).orderBy(asc(agencies.name)).all();
}

/** The agency an agency user acts for, if linked. */
export function agencyIdOfUser(db: DbOrTx, userId: number): number | undefined {
  return db.select({ agencyId: agencyAccounts.agencyId }).from(agencyAccounts).where(eq(agencyAccounts.userId, userId)).get()?.agencyId;
}

export function linkAgencyAccount(tx: DbOrTx, userId: number, agencyId: number): void {
  tx.insert(agencyAccounts).values({ userId, agencyId }).run();
}
