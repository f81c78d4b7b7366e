import { and, asc, desc, eq, gte, inArray, isNull, lte, max, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { nowIso } from '../client.js';
import {
  categories,
  donationLines,
  donations,
  donors,
  items,
  locations,
  lots,
  type DonationLineRow,
  type DonationRow,
  type LocationRow,
} from '../schema.js';
import type { InspectedLine } from '../../domain/intake.js';

export function insertDonation(tx: DbOrTx, values: typeof donations.$inferInsert): DonationRow {
  return tx.insert(donations).values(values).returning().get();
}

export function updateDonation(tx: DbOrTx, id: number, values: Partial<typeof donations.$inferInsert>): DonationRow {
  return tx
    .update(donations)
    .set({ ...values, updatedAt: nowIso() })
    .where(eq(donations.id, id))
    .returning()
    .get()!;
}

export function findDonationInFoodBank(db: DbOrTx, foodBankId: number, id: number): DonationRow | undefined {
  return db
    .select()
    .from(donations)
    .where(and(eq(donations.id, id), eq(donations.foodBankId, foodBankId)))
    .get();
}

export function replaceDonationLines(tx: DbOrTx, donationId: number, lines: InspectedLine[]): void {
  tx.delete(donationLines).where(eq(donationLines.donationId, donationId)).run();
  if (lines.length === 0) return;
  tx.insert(donationLines)
    .values(lines.map((line, index) => ({ ...line, donationId, lineNo: index + 1 })))
    .run();
}

/** Adds lines after the existing ones (a correction keeps the replaced lines on record). */
export function appendDonationLines(tx: DbOrTx, donationId: number, lines: InspectedLine[]): void {
  if (lines.length === 0) return;
  const last = tx.select({ n: max(donationLines.lineNo) }).from(donationLines).where(eq(donationLines.donationId, donationId)).get()?.n ?? 0;
  tx.insert(donationLines)
    .values(lines.map((line, index) => ({ ...line, donationId, lineNo: last + index + 1 })))
    .run();
}

export function voidDonationLines(tx: DbOrTx, lineIds: number[], correctionId: number): void {
  if (lineIds.length === 0) return;
  tx.update(donationLines).set({ voidedByCorrectionId: correctionId }).where(inArray(donationLines.id, lineIds)).run();
}

export interface LineWithNames extends DonationLineRow {
  itemName: string;
  unit: string;
  lotId: number | null;
}

/** The current lines of the donations (those a correction replaced are left out). */
export function listDonationLines(db: DbOrTx, donationIds: number[]): LineWithNames[] {
  if (donationIds.length === 0) return [];
  return db
    .select({ line: donationLines, itemName: items.name, unit: items.unit, lotId: lots.id })
    .from(donationLines)
    .innerJoin(items, eq(items.id, donationLines.itemId))
    .leftJoin(lots, eq(lots.donationLineId, donationLines.id))
    .where(and(inArray(donationLines.donationId, donationIds), isNull(donationLines.voidedByCorrectionId)))
    .orderBy(asc(donationLines.donationId), asc(donationLines.lineNo))
    .all()
    .map((r) => ({ ...r.line, itemName: r.itemName, unit: r.unit, lotId: r.lotId }));
}

export interface DonationFilters {
  status?: 'draft' | 'completed';
  donorId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function listDonations(db: DbOrTx, foodBankId: number, filters: DonationFilters) {
  const conditions: SQL[] = [eq(donations.foodBankId, foodBankId)];
  if (filters.status) conditions.push(eq(donations.status, filters.status));
  if (filters.donorId) conditions.push(eq(donations.donorId, filters.donorId));
  if (filters.from) conditions.push(gte(donations.receivedOn, filters.from));
  if (filters.to) conditions.push(lte(donations.receivedOn, filters.to));
  return db
    .select({ donation: donations, donorName: donors.name })
    .from(donations)
    .innerJoin(donors, eq(donors.id, donations.donorId))
    .where(and(...conditions))
    .orderBy(desc(donations.receivedOn), desc(donations.id))
    .limit(filters.limit)
    .offset(filters.offset)
    .all();
}

/** What intake needs to know about each item of a donation, scoped to the food bank. */
export function findIntakeItems(db: DbOrTx, foodBankId: number, itemIds: number[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      id: items.id,
      active: items.active,
      defaultUnitValue: items.defaultUnitValue,
      defaultZone: items.defaultZone,
      categoryKind: categories.kind,
      categoryAccepted: categories.accepted,
    })
    .from(items)
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(and(eq(items.foodBankId, foodBankId), inArray(items.id, itemIds)))
    .all();
}

export function findLocationsInFoodBank(db: DbOrTx, foodBankId: number, ids: number[]): LocationRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(locations)
    .where(and(eq(locations.foodBankId, foodBankId), inArray(locations.id, ids)))
    .all();
}
