import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { findDonorInFoodBank } from '../db/repositories/donors.js';
import {
  findDonationInFoodBank,
  findIntakeItems,
  findLocationsInFoodBank,
  insertDonation,
  listDonationLines,
  listDonations as listDonationRows,
  appendDonationLines,
  replaceDonationLines,
  voidDonationLines,
  updateDonation,
  type DonationFilters,
  type LineWithNames,
} from '../db/repositories/donations.js';
import { findLotInFoodBank, insertLot } from '../db/repositories/stock.js';
import { donationCorrections } from '../db/schema.js';
import type { DonationRow } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../domain/errors.js';
import { acceptedValue, inspectLine, isLineProblem, type InspectedLine } from '../domain/intake.js';
import type { Actor } from '../domain/roles.js';
import { assertZoneFits } from '../domain/storage.js';
import type { CorrectionBody, DonationBody, DonationDto } from '../schemas/donations.js';
import { addToStock, takeFromStock, type LedgerDocument } from './ledger.js';
import { receivePlan } from './planned-contributions.js';
import { findPlannedContribution } from '../db/repositories/planned-contributions.js';

/**
 * Applies the intake rules to every line, with the food bank's own items and locations only.
 * `requireLocations` is set at completion, when every accepted line must be put away.
 */
function inspectLines(tx: DbOrTx, actor: Actor, input: DonationBody, requireLocations: boolean): InspectedLine[] {
  const itemIds = [...new Set(input.lines.map((l) => l.itemId))];
  const facts = new Map(findIntakeItems(tx, actor.foodBankId, itemIds).map((i) => [i.id, i]));
  const inspected = input.lines.map((line, index) => {
    const lineNo = index + 1;
    const item = facts.get(line.itemId);
    if (!item) throw unprocessable('unknown_item', `Line ${lineNo}: no such item in this food bank`, { lineNo, itemId: line.itemId });
    if (!item.active) throw unprocessable('item_inactive', `Line ${lineNo}: the item is inactive`, { lineNo, itemId: line.itemId });
    const result = inspectLine(line, item, input.receivedOn);
    if (isLineProblem(result)) throw unprocessable(result.code, `Line ${lineNo}: ${result.message}`, { lineNo });
    return result;
  });
  checkPutaway(tx, actor, inspected, requireLocations);
  return inspected;
}

/** A lot is put away only where its zone belongs: frozen goods never go to an ambient shelf. */
function checkPutaway(tx: DbOrTx, actor: Actor, lines: InspectedLine[], requireLocations: boolean): void {
  const ids = [...new Set(lines.flatMap((l) => (l.locationId ? [l.locationId] : [])))];
  const found = new Map(findLocationsInFoodBank(tx, actor.foodBankId, ids).map((l) => [l.id, l]));
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.accepted) return;
    if (line.locationId === null) {
      if (requireLocations) throw unprocessable('location_required', `Line ${lineNo}: choose where it is put away`, { lineNo });
      return;
    }
    const location = found.get(line.locationId);
    if (!location || !location.active) {
      throw unprocessable('unknown_location', `Line ${lineNo}: no such active location`, { lineNo, locationId: line.locationId });
    }
    assertZoneFits(line.zone, location, lineNo);
  });
}

function requireDonor(tx: DbOrTx, actor: Actor, donorId: number): string {
  const donor = findDonorInFoodBank(tx, actor.foodBankId, donorId);
  if (!donor) throw unprocessable('unknown_donor', 'No such donor in this food bank', { donorId });
  return donor.name;
}

/** Makes a lot of every accepted line at its location and records it in the ledger. */
function putAway(tx: DbOrTx, actor: Actor, donation: DonationRow, lines: LineWithNames[], document: LedgerDocument): void {
  for (const line of lines) {
    if (!line.accepted) continue;
    const lot = insertLot(tx, {
      foodBankId: actor.foodBankId,
      itemId: line.itemId,
      donationLineId: line.id,
      dateLabelKind: line.dateLabelKind,
      dateLabel: line.dateLabel,
      zone: line.zone,
      unitValue: line.unitValue,
      receivedOn: donation.receivedOn,
    });
    addToStock(tx, actor, lot.id, line.locationId!, line.quantity, document);
  }
}

function applyCompletion(tx: DbOrTx, actor: Actor, donation: DonationRow): void {
  const lines = listDonationLines(tx, [donation.id]);
  if (lines.length === 0) throw unprocessable('donation_empty', 'A donation needs at least one line to be completed');
  putAway(tx, actor, donation, lines, { reason: 'intake', documentType: 'donation', documentId: donation.id });
  updateDonation(tx, donation.id, { status: 'completed', completedBy: actor.userId, completedAt: nowIso() });
}

function toDonationDto(
  db: DbOrTx,
  donation: DonationRow,
  donorName: string,
  lines: LineWithNames[] = listDonationLines(db, [donation.id]),
): DonationDto {
  return {
    id: donation.id,
    donorId: donation.donorId,
    donorName,
    receivedOn: donation.receivedOn,
    channel: donation.channel,
    status: donation.status,
    notes: donation.notes,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      itemId: l.itemId,
      itemName: l.itemName,
      unit: l.unit,
      quantity: l.quantity,
      unitValue: l.unitValue,
      dateLabelKind: l.dateLabelKind,
      dateLabel: l.dateLabel,
      zone: l.zone,
      accepted: l.accepted,
      rejectionReason: l.rejectionReason,
      rejectionNote: l.rejectionNote,
      overrideReason: l.overrideReason,
      locationId: l.locationId,
      lotId: l.lotId,
    })),
    acceptedValue: acceptedValue(lines),
    createdAt: donation.createdAt,
    completedAt: donation.completedAt,
  };
}

/** Records a donation as a draft, or completes it at once when `complete` is set. */
export function createDonation(db: Db, actor: Actor, input: DonationBody): DonationDto {
  return db.transaction(
    (tx) => {
      const donorName = requireDonor(tx, actor, input.donorId);
      const lines = inspectLines(tx, actor, input, input.complete === true);
      let donation = insertDonation(tx, {
        foodBankId: actor.foodBankId,
        donorId: input.donorId,
        receivedOn: input.receivedOn,
        channel: input.channel,
        notes: input.notes ?? null,
        createdBy: actor.userId,
      });
      replaceDonationLines(tx, donation.id, lines);
      if (input.plannedContributionId) receivePlan(tx, actor, input.plannedContributionId, donation);
      if (input.complete) {
        applyCompletion(tx, actor, donation);
        donation = findDonationInFoodBank(tx, actor.foodBankId, donation.id)!;
      }
      return toDonationDto(tx, donation, donorName);
    },
    { behavior: 'immediate' },
  );
}

/** Replaces a draft's header and lines. A completed donation is changed only by a correction. */
export function replaceDraft(db: Db, actor: Actor, id: number, input: DonationBody): DonationDto {
  return db.transaction(
    (tx) => {
      const existing = findDonationInFoodBank(tx, actor.foodBankId, id);
      if (!existing) throw notFound('Donation');
      if (existing.status !== 'draft') throw conflict('donation_completed', 'A completed donation cannot be edited');
      const donorName = requireDonor(tx, actor, input.donorId);
      const lines = inspectLines(tx, actor, input, input.complete === true);
      let donation = updateDonation(tx, id, {
        donorId: input.donorId,
        receivedOn: input.receivedOn,
        channel: input.channel,
        notes: input.notes ?? null,
      });
      replaceDonationLines(tx, id, lines);
      const plan = input.plannedContributionId ? findPlannedContribution(tx, actor.foodBankId, input.plannedContributionId) : undefined;
      if (input.plannedContributionId && plan?.donationId !== id) receivePlan(tx, actor, input.plannedContributionId, donation);
      if (input.complete) {
        applyCompletion(tx, actor, donation);
        donation = findDonationInFoodBank(tx, actor.foodBankId, id)!;
      }
      return toDonationDto(tx, donation, donorName);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Completes a draft: lots are created and stock moves. Completing an already completed donation
 * (a double click, a retry) changes nothing and answers with the donation as it is.
 */
export function completeDonation(db: Db, actor: Actor, id: number): DonationDto {
  return db.transaction(
    (tx) => {
      const donation = findDonationInFoodBank(tx, actor.foodBankId, id);
      if (!donation) throw notFound('Donation');
      const donorName = requireDonor(tx, actor, donation.donorId);
      if (donation.status === 'completed') return toDonationDto(tx, donation, donorName);
      const lines = listDonationLines(tx, [id]);
      checkPutaway(tx, actor, lines, true);
      applyCompletion(tx, actor, donation);
      return toDonationDto(tx, findDonationInFoodBank(tx, actor.foodBankId, id)!, donorName);
    },
    { behavior: 'immediate' },
  );
}

export function getDonation(db: Db, actor: Actor, id: number): DonationDto {
  const donation = findDonationInFoodBank(db, actor.foodBankId, id);
  if (!donation) throw notFound('Donation');
  return toDonationDto(db, donation, requireDonor(db, actor, donation.donorId));
}

export function listDonations(db: Db, actor: Actor, filters: DonationFilters): DonationDto[] {
  const rows = listDonationRows(db, actor.foodBankId, filters);
  // One query for the lines of the whole page, not one per donation.
  const lines = new Map<number, LineWithNames[]>();
  for (const line of listDonationLines(db, rows.map((r) => r.donation.id))) {
    lines.set(line.donationId, [...(lines.get(line.donationId) ?? []), line]);
  }
  return rows.map((r) => toDonationDto(db, r.donation, r.donorName, lines.get(r.donation.id) ?? []));
}

/**
 * Corrects a completed donation the way the ledger requires: every current line is reversed
 * (its lot leaves stock with reason `correction`) and the corrected lines are applied as new lots.
 * The old lines stay on record, marked as replaced. If some of a lot has already left its
 * location (handed out, moved, disposed of), the correction is refused with the facts.
 */
export function correctDonation(db: Db, actor: Actor, id: number, input: CorrectionBody): DonationDto {
  return db.transaction(
    (tx) => {
      const donation = findDonationInFoodBank(tx, actor.foodBankId, id);
      if (!donation) throw notFound('Donation');
      if (donation.status !== 'completed') throw conflict('donation_not_completed', 'Edit the draft instead of correcting it');
      const donorName = requireDonor(tx, actor, donation.donorId);
      const corrected = inspectLines(
        tx,
        actor,
        { donorId: donation.donorId, receivedOn: donation.receivedOn, channel: donation.channel, lines: input.lines },
        true,
      );
      const correction = tx
        .insert(donationCorrections)
        .values({ foodBankId: actor.foodBankId, donationId: id, reason: input.reason.trim(), createdBy: actor.userId })
        .returning()
        .get();
      const document = { reason: 'correction' as const, documentType: 'donation_correction', documentId: correction.id, note: correction.reason };

      const current = listDonationLines(tx, [id]);
      for (const line of current) {
        if (line.lotId === null) continue;
        takeFromStock(tx, actor, findLotInFoodBank(tx, actor.foodBankId, line.lotId)!, line.locationId!, line.quantity, document);
      }
      voidDonationLines(tx, current.map((l) => l.id), correction.id);
      appendDonationLines(tx, id, corrected);
      putAway(tx, actor, donation, listDonationLines(tx, [id]), document);
      updateDonation(tx, id, {});
      return toDonationDto(tx, findDonationInFoodBank(tx, actor.foodBankId, id)!, donorName);
    },
    { behavior: 'immediate' },
  );
}
