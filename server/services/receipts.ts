import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { findDonationInFoodBank } from '../db/repositories/donations.js';
import { findDonorInFoodBank } from '../db/repositories/donors.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { findUserById } from '../db/repositories/users.js';
import { missingReceiptSettings } from './receipt-settings.js';
import {
  activeReceiptFor,
  completedDonationIdsInYear,
  donorsWithoutReceipt,
  donatedLines,
  donationIdsOf,
  findReceipt,
  insertReceipt,
  linesOf,
  listReceipts as listReceiptRows,
  nextReceiptNumber,
  voidReceiptRow,
} from '../db/repositories/receipts.js';
import type { ReceiptLineRow, ReceiptRow } from '../db/schema.js';
import { AppError, conflict, notFound, unprocessable } from '../domain/errors.js';
import { formatBusinessNumber } from '../domain/korean-ids.js';
import { formatSerial, receiptLines, receiptTotal } from '../domain/receipts.js';
import type { Actor } from '../domain/roles.js';
import type { ReceiptDto } from '../schemas/receipts.js';
import type { FieldCipher } from '../lib/field-encryption.js';
import type { ReceiptDocument } from '../lib/receipt-pdf.js';
import type { RegisterRow } from '../lib/register-export.js';
import { today as localDate } from '../lib/dates.js';

type Form = ReceiptRow['form'];

function toReceiptDto(row: ReceiptRow, lines: ReceiptLineRow[], donationIds: number[], reissueOfSerial: string | null): ReceiptDto {
  return {
    id: row.id,
    serial: row.serial,
    kind: row.kind,
    form: row.form,
    donorId: row.donorId,
    donorName: row.donorName,
    donorRegistrationMasked: row.donorRegistrationMasked,
    donorAddress: row.donorAddress,
    donorKind: row.donorKind,
    foodBank: {
      name: row.foodBankName,
      registrationNumber: row.foodBankRegistrationNumber,
      address: row.foodBankAddress,
      representative: row.foodBankRepresentative,
      legalBasis: row.legalBasis,
      typeCode: row.typeCode,
    },
    issuerName: row.issuerName,
    reissueOfSerial,
    periodYear: row.periodYear,
    totalAmount: row.totalAmount,
    issuedAt: row.issuedAt,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    reissueOf: row.reissueOf,
    donationIds,
    lines: lines.map(({ lineNo, kind, date, itemName, quantity, unitValue, amount }) => ({ lineNo, kind, date, itemName, quantity, unitValue, amount })),
  };
}

const serialOf = (db: DbOrTx, foodBankId: number, id: number | null) => (id === null ? null : (findReceipt(db, foodBankId, id)?.serial ?? null));
const load = (db: DbOrTx, row: ReceiptRow) =>
  toReceiptDto(row, linesOf(db, [row.id]), donationIdsOf(db, [row.id]).get(row.id) ?? [], serialOf(db, row.foodBankId, row.reissueOf));

/**
 * Issues one receipt for the given donations inside the caller's transaction: the donor's details
 * are copied as printed, lines come from accepted lines only, and the serial is the next of the
 * year, taken in the same transaction.
 */
function issue(tx: DbOrTx, actor: Actor, input: { kind: ReceiptRow['kind']; form: Form; donorId: number; periodYear: number; donationIds: number[]; reissueOf?: number }) {
  const foodBank = findFoodBank(tx, actor.foodBankId)!;
  const missing = missingReceiptSettings(foodBank);
  if (missing.length > 0) {
    throw unprocessable('receipt_settings_missing', 'Set the food bank’s details for receipts first', { missing: missing.join(',') });
  }
  const donor = findDonorInFoodBank(tx, actor.foodBankId, input.donorId)!;
  const lines = receiptLines(donatedLines(tx, input.donationIds));
  if (lines.length === 0) throw unprocessable('nothing_to_receipt', 'No accepted goods to put on a receipt', { donorId: donor.id });
  const issuedYear = new Date().getFullYear();
  const serial = formatSerial(issuedYear, nextReceiptNumber(tx, actor.foodBankId, issuedYear));
  const individual = donor.kind === 'individual';
  const registration = individual ? donor.residentNumberMasked : donor.businessNumber ? formatBusinessNumber(donor.businessNumber) : null;
  return insertReceipt(
    tx,
    {
      foodBankId: actor.foodBankId,
      serial,
      kind: input.kind,
      form: input.form,
      donorId: donor.id,
      periodYear: input.periodYear,
      donorName: donor.name,
      donorKind: donor.kind,
      donorRegistrationMasked: registration,
      // Only a resident number is secret; it is copied still encrypted and decrypted only to print.
      donorRegistrationEncrypted: individual ? donor.residentNumberEncrypted : null,
      donorAddress: donor.address,
      foodBankName: foodBank.name,
      foodBankRegistrationNumber: foodBank.registrationNumber,
      foodBankAddress: foodBank.address,
      foodBankRepresentative: foodBank.representative,
      legalBasis: foodBank.legalBasis,
      typeCode: foodBank.receiptTypeCode,
      issuerName: findUserById(tx, actor.userId)?.name ?? null,
      totalAmount: receiptTotal(lines),
      issuedBy: actor.userId,
      reissueOf: input.reissueOf ?? null,
    },
    input.donationIds,
    lines.map((line, index) => ({ ...line, lineNo: index + 1 })),
  );
}

/** A receipt for one completed donation. Asking again answers with the receipt in force. */
export function issueDonationReceipt(db: Db, actor: Actor, donationId: number, form: Form = 'donation_receipt'): { receipt: ReceiptDto; created: boolean } {
  return db.transaction(
    (tx) => {
      const donation = findDonationInFoodBank(tx, actor.foodBankId, donationId);
      if (!donation) throw notFound('Donation');
      if (donation.status !== 'completed') throw conflict('donation_not_completed', 'Only a completed donation gets a receipt');
      const existing = activeReceiptFor(tx, donationId);
      if (existing) return { receipt: load(tx, existing), created: false };
      const row = issue(tx, actor, { kind: 'donation', form, donorId: donation.donorId, periodYear: Number(donation.receivedOn.slice(0, 4)), donationIds: [donationId] });
      return { receipt: load(tx, row), created: true };
    },
    { behavior: 'immediate' },
  );
}

/**
 * The annual consolidated receipt: every completed donation of the donor in the year that no
 * receipt in force covers yet. Asking again answers with the receipt in force.
 */
export function issueAnnualReceipt(db: Db, actor: Actor, donorId: number, year: number, form: Form = 'donation_receipt'): { receipt: ReceiptDto; created: boolean } {
  return db.transaction(
    (tx) => {
      if (!findDonorInFoodBank(tx, actor.foodBankId, donorId)) throw notFound('Donor');
      const all = completedDonationIdsInYear(tx, actor.foodBankId, donorId, year);
      const covered = all.map((id) => activeReceiptFor(tx, id));
      const annual = covered.find((r) => r?.kind === 'annual');
      if (annual) return { receipt: load(tx, annual), created: false };
      const open = all.filter((_, i) => covered[i] === undefined);
      if (open.length === 0) throw unprocessable('nothing_to_receipt', 'Every completed donation of the year already has a receipt', { donorId, year });
      const row = issue(tx, actor, { kind: 'annual', form, donorId, periodYear: year, donationIds: open });
      return { receipt: load(tx, row), created: true };
    },
    { behavior: 'immediate' },
  );
}

/** Voids a receipt with a reason; its serial stays used and the record stays. */
export function voidReceipt(db: Db, actor: Actor, id: number, reason: string): ReceiptDto {
  return db.transaction(
    (tx) => {
      const receipt = findReceipt(tx, actor.foodBankId, id);
      if (!receipt) throw notFound('Receipt');
      if (receipt.voidedAt) throw conflict('receipt_voided', 'The receipt is already void');
      voidReceiptRow(tx, id, { voidedAt: nowIso(), voidedBy: actor.userId, voidReason: reason.trim() });
      return load(tx, findReceipt(tx, actor.foodBankId, id)!);
    },
    { behavior: 'immediate' },
  );
}

/** Issues a voided receipt again under a new serial that refers to the voided one. */
export function reissueReceipt(db: Db, actor: Actor, id: number): ReceiptDto {
  return db.transaction(
    (tx) => {
      const voided = findReceipt(tx, actor.foodBankId, id);
      if (!voided) throw notFound('Receipt');
      if (!voided.voidedAt) throw conflict('receipt_in_force', 'Void the receipt before reissuing it');
      const donationIds = donationIdsOf(tx, [id]).get(id) ?? [];
      const taken = donationIds.map((d) => activeReceiptFor(tx, d)).find((r) => r !== undefined);
      if (taken) throw new AppError(409, 'already_receipted', `Receipt ${taken.serial} covers these donations`, { facts: { receiptId: taken.id, serial: taken.serial } });
      const row = issue(tx, actor, { kind: voided.kind, form: voided.form, donorId: voided.donorId, periodYear: voided.periodYear, donationIds, reissueOf: id });
      return load(tx, row);
    },
    { behavior: 'immediate' },
  );
}

/** One receipt; `donorIds` limits it to a donor's own (the donor portal). */
export function getReceipt(db: Db, actor: Actor, id: number, donorIds?: number[]): ReceiptDto {
  const receipt = findReceipt(db, actor.foodBankId, id);
  if (!receipt || (donorIds && !donorIds.includes(receipt.donorId))) throw notFound('Receipt');
  return load(db, receipt);
}

export function listReceipts(db: Db, actor: Actor, filters: { donorIds?: number[]; year?: number; limit?: number }): ReceiptDto[] {
  const rows = listReceiptRows(db, actor.foodBankId, filters);
  const ids = rows.map((r) => r.id);
  const lines = linesOf(db, ids);
  const donations = donationIdsOf(db, ids);
  const serials = new Map(rows.map((r) => [r.id, r.serial]));
  return rows.map((r) =>
    toReceiptDto(
      r,
      lines.filter((l) => l.receiptId === r.id),
      donations.get(r.id) ?? [],
      r.reissueOf === null ? null : (serials.get(r.reissueOf) ?? serialOf(db, actor.foodBankId, r.reissueOf)),
    ),
  );
}

/** Everything the PDF prints, with the donor's registration number in the clear (decrypted here only). */
export function receiptDocument(db: Db, actor: Actor, cipher: FieldCipher, id: number, donorIds?: number[]): ReceiptDocument {
  const row = findReceipt(db, actor.foodBankId, id);
  if (!row || (donorIds && !donorIds.includes(row.donorId))) throw notFound('Receipt');
  const receipt = load(db, row);
  const registrationNumber = row.donorRegistrationEncrypted ? cipher.decrypt(row.donorRegistrationEncrypted) : receipt.donorRegistrationMasked;
  return {
    form: receipt.form,
    serial: receipt.serial,
    kind: receipt.kind,
    periodYear: receipt.periodYear,
    voided: receipt.voidedAt ? { at: receipt.voidedAt, reason: receipt.voidReason ?? '' } : null,
    reissueOfSerial: receipt.reissueOfSerial,
    donor: { kind: receipt.donorKind ?? 'individual', name: receipt.donorName, registrationNumber, address: receipt.donorAddress },
    foodBank: { ...receipt.foodBank, name: receipt.foodBank.name ?? findFoodBank(db, actor.foodBankId)!.name },
    lines: receipt.lines.map(({ kind, date, itemName, quantity, unitValue, amount }) => ({ kind, date, itemName, quantity, unitValue, amount })),
    totalAmount: receipt.totalAmount,
    issuedOn: localDate(new Date(receipt.issuedAt)),
    issuerName: receipt.issuerName ?? '',
  };
}

/** The issue register (기부자별 발급명세) of a year, or of every year, oldest first. */
export function registerRows(db: Db, actor: Actor, year?: number): RegisterRow[] {
  const rows = listReceiptRows(db, actor.foodBankId, year ? { year } : {}).reverse();
  const serials = new Map(rows.map((r) => [r.id, r.serial]));
  return rows.map((r) => ({
    serial: r.serial,
    status: r.voidedAt ? 'voided' : 'issued',
    kind: r.kind,
    form: r.form,
    periodYear: r.periodYear,
    issuedAt: r.issuedAt,
    donorName: r.donorName,
    donorRegistrationMasked: r.donorRegistrationMasked,
    totalAmount: r.totalAmount,
    voidedAt: r.voidedAt,
    voidReason: r.voidReason,
    reissueOfSerial: r.reissueOf === null ? null : (serials.get(r.reissueOf) ?? serialOf(db, actor.foodBankId, r.reissueOf)),
    issuerName: r.issuerName ?? '',
  }));
}

/** Year-end: donors whose completed donations of the year still lack a receipt. */
export function yearEndDonors(db: Db, actor: Actor, year: number) {
  return donorsWithoutReceipt(db, actor.foodBankId, year).map((r) => ({
    donorId: r.donorId,
    donorName: r.donorName,
    kind: r.kind,
    registrationMasked: r.residentNumberMasked ?? (r.businessNumber ? formatBusinessNumber(r.businessNumber) : null),
    consentReceipts: Boolean(r.consentReceipts),
    donations: r.donations,
    amount: r.amount,
  }));
}
