import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { accountsOfDonor } from '../db/repositories/donor-accounts.js';
import { findDonorInFoodBank, findDonorsByContact, insertDonor, searchDonors as searchDonorRows, updateDonor } from '../db/repositories/donors.js';
import type { DonorRow } from '../db/schema.js';
import { AppError, notFound } from '../domain/errors.js';
import { formatBusinessNumber, isValidBusinessNumber, maskResidentNumber, normalizeResidentNumber } from '../domain/korean-ids.js';
import type { Actor } from '../domain/roles.js';
import type { FieldCipher } from '../lib/field-encryption.js';
import type { CreateDonorBody, UpdateDonorBody } from '../schemas/donations.js';

/** What any answer may carry about a donor: the resident number only ever masked. */
export function toDonorDto(row: DonorRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    businessNumber: row.businessNumber ? formatBusinessNumber(row.businessNumber) : null,
    residentNumberMasked: row.residentNumberMasked,
    consentReceipts: row.consentReceipts,
    consentMessages: row.consentMessages,
    notes: row.notes,
    selfRegistered: row.selfRegistered,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
  };
}
export type DonorDto = ReturnType<typeof toDonorDto>;

export const digits = (value: string | null | undefined) => (value ? value.replace(/\D/g, '') : null);

/**
 * Turns the registration numbers of a donor form into what is stored: business numbers as digits
 * after their check digit is verified; resident numbers encrypted, with a masked copy for display.
 * `undefined` leaves a field as it is.
 */
export function registrationFields(kind: DonorRow['kind'], input: Pick<CreateDonorBody, 'businessNumber' | 'residentNumber'>, cipher: FieldCipher) {
  const fields: Partial<Pick<DonorRow, 'businessNumber' | 'residentNumberEncrypted' | 'residentNumberMasked'>> = {};
  if (input.businessNumber !== undefined) {
    if (input.businessNumber !== null && kind === 'individual') {
      throw new AppError(400, 'business_number_for_individual', 'An individual donor has no business registration number');
    }
    if (input.businessNumber !== null && !isValidBusinessNumber(input.businessNumber)) {
      throw new AppError(400, 'invalid_business_number', 'The business registration number’s check digit does not match');
    }
    fields.businessNumber = digits(input.businessNumber);
  }
  if (input.residentNumber !== undefined) {
    if (input.residentNumber !== null && kind === 'organisation') {
      throw new AppError(400, 'resident_number_for_organisation', 'An organisation has no resident registration number');
    }
    const normalized = input.residentNumber === null ? null : normalizeResidentNumber(input.residentNumber);
    if (input.residentNumber !== null && normalized === null) {
      throw new AppError(400, 'invalid_resident_number', 'Not a valid resident registration number');
    }
    fields.residentNumberEncrypted = normalized ? cipher.encrypt(normalized) : null;
    fields.residentNumberMasked = normalized ? maskResidentNumber(normalized) : null;
  }
  return fields;
}

function requireDonor(db: DbOrTx, actor: Actor, id: number): DonorRow {
  const donor = findDonorInFoodBank(db, actor.foodBankId, id);
  if (!donor) throw notFound('Donor');
  return donor;
}

export function searchDonors(db: Db, actor: Actor, text: string, limit: number): DonorDto[] {
  return searchDonorRows(db, actor.foodBankId, text.trim(), limit).map(toDonorDto);
}

export function getDonor(db: Db, actor: Actor, id: number): DonorDto {
  return toDonorDto(requireDonor(db, actor, id));
}

/**
 * Creates a donor (quickly at the intake desk, or fully with contact and registration numbers).
 * Phone and business numbers are compared as digits; a donor with the same number is refused
 * unless staff confirm it is someone else.
 */
export function createDonor(db: Db, actor: Actor, input: CreateDonorBody, cipher: FieldCipher): DonorDto {
  const registration = registrationFields(input.kind, input, cipher);
  const phone = digits(input.phone);
  return db.transaction(
    (tx) => {
      const existing = findDonorsByContact(tx, actor.foodBankId, phone, registration.businessNumber ?? null)[0];
      if (existing && !input.allowDuplicate) {
        throw new AppError(409, 'donor_duplicate', `A donor with the same number exists: ${existing.name}`, {
          facts: { donorId: existing.id, name: existing.name },
        });
      }
      const row = insertDonor(tx, {
        foodBankId: actor.foodBankId,
        kind: input.kind,
        name: input.name.trim(),
        phone,
        email: input.email?.trim().toLowerCase() || null,
        address: input.address?.trim() || null,
        consentReceipts: input.consentReceipts ?? false,
        consentMessages: input.consentMessages ?? false,
        notes: input.notes?.trim() || null,
        ...registration,
      });
      return toDonorDto(row);
    },
    { behavior: 'immediate' },
  );
}

export function changeDonor(db: Db, actor: Actor, id: number, input: UpdateDonorBody, cipher: FieldCipher): DonorDto {
  return db.transaction(
    (tx) => {
      const donor = requireDonor(tx, actor, id);
      const changes = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.phone !== undefined ? { phone: digits(input.phone) } : {}),
        ...(input.email !== undefined ? { email: input.email?.trim().toLowerCase() || null } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
        ...(input.consentReceipts !== undefined ? { consentReceipts: input.consentReceipts } : {}),
        ...(input.consentMessages !== undefined ? { consentMessages: input.consentMessages } : {}),
        ...(input.notes !== undefined ? { notes: input.notes?.trim() || null } : {}),
        ...registrationFields(donor.kind, input, cipher),
        updatedAt: nowIso(),
      };
      return toDonorDto(updateDonor(tx, id, changes));
    },
    { behavior: 'immediate' },
  );
}

/** One donor with the accounts that sign in for it (the staff's donor page). */
export function getDonorDetail(db: Db, actor: Actor, id: number) {
  return { ...toDonorDto(requireDonor(db, actor, id)), linkedAccounts: accountsOfDonor(db, id) };
}
