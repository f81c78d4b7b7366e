import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { donorAccounts, donorLinkCodes, users, type DonorLinkCodeRow } from '../schema.js';

/** The donor record a donor's account acts for, if it is linked. */
export function donorIdOfUser(db: DbOrTx, userId: number): number | undefined {
  return db.select({ donorId: donorAccounts.donorId }).from(donorAccounts).where(eq(donorAccounts.userId, userId)).get()?.donorId;
}

export function linkAccount(tx: DbOrTx, userId: number, donorId: number): void {
  tx.insert(donorAccounts).values({ userId, donorId }).run();
}

/** The accounts that sign in for a donor record, for the staff's donor page. */
export function accountsOfDonor(db: DbOrTx, donorId: number): { email: string; linkedAt: string }[] {
  return db
    .select({ email: users.email, linkedAt: donorAccounts.linkedAt })
    .from(donorAccounts)
    .innerJoin(users, eq(users.id, donorAccounts.userId))
    .where(eq(donorAccounts.donorId, donorId))
    .orderBy(asc(donorAccounts.linkedAt))
    .all();
}

export function moveAccounts(tx: DbOrTx, fromDonorId: number, toDonorId: number): void {
  tx.update(donorAccounts).set({ donorId: toDonorId }).where(eq(donorAccounts.donorId, fromDonorId)).run();
}

export function insertLinkCode(tx: DbOrTx, values: typeof donorLinkCodes.$inferInsert): DonorLinkCodeRow {
  return tx.insert(donorLinkCodes).values(values).returning().get();
}

/** An unused, unexpired code of the food bank with this digest. */
export function findUsableLinkCode(db: DbOrTx, foodBankId: number, codeHash: string, nowIso: string): DonorLinkCodeRow | undefined {
  return db
    .select()
    .from(donorLinkCodes)
    .where(
      and(
        eq(donorLinkCodes.foodBankId, foodBankId),
        eq(donorLinkCodes.codeHash, codeHash),
        isNull(donorLinkCodes.usedAt),
        gt(donorLinkCodes.expiresAt, nowIso),
      ),
    )
    .get();
}

/** Marks a code used; false when another request used it first. */
export function useLinkCode(tx: DbOrTx, id: number, userId: number, nowIso: string): boolean {
  return tx.update(donorLinkCodes).set({ usedAt: nowIso, usedBy: userId }).where(and(eq(donorLinkCodes.id, id), isNull(donorLinkCodes.usedAt))).run().changes === 1;
}

/** Unused codes of a merged-away record stop working: they would link to a record no longer kept. */
export function expireLinkCodes(tx: DbOrTx, donorId: number, nowIso: string): void {
  tx.update(donorLinkCodes).set({ expiresAt: nowIso }).where(and(eq(donorLinkCodes.donorId, donorId), isNull(donorLinkCodes.usedAt))).run();
}
