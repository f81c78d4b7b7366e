import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { donationLines, donations, items, receiptDonations, receiptLines, receipts, receiptSerials, type ReceiptLineRow, type ReceiptRow } from '../schema.js';

/** Takes the next number of the year; inside the issuing transaction, so a rollback leaves no gap. */
export function nextReceiptNumber(tx: DbOrTx, foodBankId: number, year: number): number {
  return tx
    .insert(receiptSerials)
    .values({ foodBankId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [receiptSerials.foodBankId, receiptSerials.year], set: { lastNumber: sql`${receiptSerials.lastNumber} + 1` } })
    .returning({ n: receiptSerials.lastNumber })
    .get()!.n;
}

export function insertReceipt(tx: DbOrTx, values: typeof receipts.$inferInsert, donationIds: number[], lines: Omit<ReceiptLineRow, 'receiptId'>[]): ReceiptRow {
  const receipt = tx.insert(receipts).values(values).returning().get();
  tx.insert(receiptDonations).values(donationIds.map((donationId) => ({ receiptId: receipt.id, donationId }))).run();
  if (lines.length > 0) tx.insert(receiptLines).values(lines.map((line) => ({ ...line, receiptId: receipt.id }))).run();
  return receipt;
}

export function findReceipt(db: DbOrTx, foodBankId: number, id: number): ReceiptRow | undefined {
  return db.select().from(receipts).where(and(eq(receipts.foodBankId, foodBankId), eq(receipts.id, id))).get();
}

export function voidReceiptRow(tx: DbOrTx, id: number, values: { voidedAt: string; voidedBy: number; voidReason: string }): void {
  tx.update(receipts).set(values).where(eq(receipts.id, id)).run();
}

/** The receipt in force (not voided) that already covers a donation, if any. */
export function activeReceiptFor(db: DbOrTx, donationId: number): ReceiptRow | undefined {
  return db
    .select({ receipt: receipts })
    .from(receiptDonations)
    .innerJoin(receipts, eq(receipts.id, receiptDonations.receiptId))
    .where(and(eq(receiptDonations.donationId, donationId), isNull(receipts.voidedAt)))
    .get()?.receipt;
}

/** The donations each receipt covers, for several receipts in one query. */
export function donationIdsOf(db: DbOrTx, receiptIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (receiptIds.length === 0) return out;
  const rows = db.select().from(receiptDonations).where(inArray(receiptDonations.receiptId, receiptIds)).orderBy(asc(receiptDonations.donationId)).all();
  for (const row of rows) out.set(row.receiptId, [...(out.get(row.receiptId) ?? []), row.donationId]);
  return out;
}

export function linesOf(db: DbOrTx, receiptIds: number[]): ReceiptLineRow[] {
  if (receiptIds.length === 0) return [];
  return db.select().from(receiptLines).where(inArray(receiptLines.receiptId, receiptIds)).orderBy(asc(receiptLines.receiptId), asc(receiptLines.lineNo)).all();
}

export function listReceipts(db: DbOrTx, foodBankId: number, filters: { donorId?: number; year?: number }): ReceiptRow[] {
  const conditions = [eq(receipts.foodBankId, foodBankId)];
  if (filters.donorId) conditions.push(eq(receipts.donorId, filters.donorId));
  if (filters.year) conditions.push(eq(receipts.periodYear, filters.year));
  return db.select().from(receipts).where(and(...conditions)).orderBy(desc(receipts.id)).limit(500).all();
}

/** Completed donations of a donor received in a year, for an annual receipt. */
export function completedDonationIdsInYear(db: DbOrTx, foodBankId: number, donorId: number, year: number): number[] {
  return db
    .select({ id: donations.id })
    .from(donations)
    .where(
      and(
        eq(donations.foodBankId, foodBankId),
        eq(donations.donorId, donorId),
        eq(donations.status, 'completed'),
        sql`substr(${donations.receivedOn}, 1, 4) = ${String(year)}`,
      ),
    )
    .orderBy(asc(donations.receivedOn), asc(donations.id))
    .all()
    .map((r) => r.id);
}

/** The current lines of donations with their dates and item names, as a receipt prints them. */
export function donatedLines(db: DbOrTx, donationIds: number[]) {
  if (donationIds.length === 0) return [];
  return db
    .select({
      date: donations.receivedOn,
      itemName: items.name,
      quantity: donationLines.quantity,
      unitValue: donationLines.unitValue,
      accepted: donationLines.accepted,
    })
    .from(donationLines)
    .innerJoin(donations, eq(donations.id, donationLines.donationId))
    .innerJoin(items, eq(items.id, donationLines.itemId))
    .where(and(inArray(donationLines.donationId, donationIds), isNull(donationLines.voidedByCorrectionId)))
    .all();
}
