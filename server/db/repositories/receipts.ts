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

/** The receipts in force covering several donations, by donation (one query for a donor's history). */
export function activeReceiptsFor(db: DbOrTx, donationIds: number[]): Map<number, ReceiptRow> {
  if (donationIds.length === 0) return new Map();
  return new Map(
    db
      .select({ donationId: receiptDonations.donationId, receipt: receipts })
      .from(receiptDonations)
      .innerJoin(receipts, eq(receipts.id, receiptDonations.receiptId))
      .where(and(inArray(receiptDonations.donationId, donationIds), isNull(receipts.voidedAt)))
      .all()
      .map((r) => [r.donationId, r.receipt]),
  );
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

/** The register, newest first; the staff's list is capped, an export takes the whole year. */
export function listReceipts(db: DbOrTx, foodBankId: number, filters: { donorIds?: number[]; year?: number; limit?: number }): ReceiptRow[] {
  const conditions = [eq(receipts.foodBankId, foodBankId)];
  if (filters.donorIds) conditions.push(inArray(receipts.donorId, filters.donorIds));
  if (filters.year) conditions.push(eq(receipts.periodYear, filters.year));
  const query = db.select().from(receipts).where(and(...conditions)).orderBy(desc(receipts.id));
  return filters.limit === undefined ? query.all() : query.limit(filters.limit).all();
}

export interface YearEndRow {
  donorId: number;
  donorName: string;
  kind: 'individual' | 'organisation';
  residentNumberMasked: string | null;
  businessNumber: string | null;
  consentReceipts: number;
  donations: number;
  amount: number;
}

/**
 * Donors with completed donations in the year that carry accepted goods and that no receipt in
 * force covers yet: who still needs an annual receipt.
 */
export function donorsWithoutReceipt(db: DbOrTx, foodBankId: number, year: number): YearEndRow[] {
  return db.all<YearEndRow>(sql`
    with open_donations as (
      select dn.id, dn.donor_id, sum(case when dl.accepted = 1 then dl.quantity * dl.unit_value else 0 end) as value
      from donations dn
      join donation_lines dl on dl.donation_id = dn.id and dl.voided_by_correction_id is null
      where dn.food_bank_id = ${foodBankId} and dn.status = 'completed' and substr(dn.received_on, 1, 4) = ${String(year)}
        and not exists (
          select 1 from receipt_donations rd join receipts r on r.id = rd.receipt_id
          where rd.donation_id = dn.id and r.voided_at is null)
      group by dn.id
      having sum(case when dl.accepted = 1 then 1 else 0 end) > 0
    )
    select d.id as donorId, d.name as donorName, d.kind as kind, d.resident_number_masked as residentNumberMasked,
      d.business_number as businessNumber, d.consent_receipts as consentReceipts,
      count(*) as donations, sum(o.value) as amount
    from open_donations o join donors d on d.id = o.donor_id
    group by d.id
    order by d.name, d.id`);
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
