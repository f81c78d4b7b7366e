import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { expireLinkCodes, moveAccounts } from '../db/repositories/donor-accounts.js';
import { duplicateDonorGroups, findDonorInFoodBank, findDonorsByIds, markMerged, updateDonor, type DuplicateReason } from '../db/repositories/donors.js';
import { movePlannedContributions } from '../db/repositories/planned-contributions.js';
import { donations, type DonorRow } from '../db/schema.js';
import { AppError, conflict, notFound } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { toDonorDto, type DonorDto } from './donors.js';

export function findDuplicateDonors(db: Db, actor: Actor): { reason: DuplicateReason; donors: DonorDto[] }[] {
  const groups = duplicateDonorGroups(db, actor.foodBankId);
  const rows = new Map(findDonorsByIds(db, actor.foodBankId, [...new Set(groups.flatMap((g) => g.ids))]).map((d) => [d.id, d]));
  return groups.map((g) => ({ reason: g.reason, donors: g.ids.map((id) => toDonorDto(rows.get(id)!)) }));
}

/** What the kept record lacks is taken from the merged one; what it has stays as it is. */
function filledFrom(kept: DonorRow, merged: DonorRow): Partial<DonorRow> {
  const pick = <K extends 'phone' | 'email' | 'address' | 'businessNumber'>(key: K) => (kept[key] === null && merged[key] !== null ? { [key]: merged[key] } : {});
  const resident =
    kept.residentNumberEncrypted === null && merged.residentNumberEncrypted !== null
      ? { residentNumberEncrypted: merged.residentNumberEncrypted, residentNumberMasked: merged.residentNumberMasked }
      : {};
  const notes = [kept.notes, merged.notes].filter(Boolean).join('\n') || null;
  return {
    ...pick('phone'),
    ...pick('email'),
    ...pick('address'),
    ...pick('businessNumber'),
    ...resident,
    notes,
    consentReceipts: kept.consentReceipts || merged.consentReceipts,
    consentMessages: kept.consentMessages || merged.consentMessages,
    selfRegistered: kept.selfRegistered && merged.selfRegistered,
  };
}

/**
 * Merges a duplicate donor record into the one kept: donations, planned contributions and sign-in
 * accounts move over in one transaction; the merged record stays (receipts issued to it are never
 * edited) but leaves searches and points at the kept one.
 */
export function mergeDonor(db: Db, actor: Actor, mergedId: number, keptId: number): DonorDto {
  if (mergedId === keptId) throw new AppError(422, 'same_donor', 'Choose two different donor records');
  return db.transaction(
    (tx) => {
      const merged = findDonorInFoodBank(tx, actor.foodBankId, mergedId);
      const kept = findDonorInFoodBank(tx, actor.foodBankId, keptId);
      if (!merged || !kept) throw notFound('Donor');
      if (merged.mergedIntoId !== null || kept.mergedIntoId !== null) throw conflict('donor_merged', 'That record has already been merged');
      if (merged.kind !== kept.kind) {
        throw new AppError(422, 'donor_kind_mismatch', 'An individual and an organisation cannot be merged', { facts: { mergedKind: merged.kind, keptKind: kept.kind } });
      }
      const now = nowIso();
      tx.update(donations).set({ donorId: keptId, updatedAt: now }).where(eq(donations.donorId, mergedId)).run();
      movePlannedContributions(tx, mergedId, keptId);
      moveAccounts(tx, mergedId, keptId);
      expireLinkCodes(tx, mergedId, now);
      markMerged(tx, mergedId, keptId, now);
      return toDonorDto(updateDonor(tx, keptId, { ...filledFrom(kept, merged), updatedAt: now }));
    },
    { behavior: 'immediate' },
  );
}
