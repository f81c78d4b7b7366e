import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { donorIdOfUser, linkAccount } from '../db/repositories/donor-accounts.js';
import { listDonationLines, listDonations } from '../db/repositories/donations.js';
import { donorIdsMergedInto, findDonorInFoodBank, insertDonor, updateDonor } from '../db/repositories/donors.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { findUserById } from '../db/repositories/users.js';
import { activeReceiptsFor } from '../db/repositories/receipts.js';
import type { DonorRow } from '../db/schema.js';
import { conflict } from '../domain/errors.js';
import { acceptedValue } from '../domain/intake.js';
import type { Actor } from '../domain/roles.js';
import type { FieldCipher } from '../lib/field-encryption.js';
import type { CreateMyDonorBody, DonorDonationDto, UpdateMyDonorBody } from '../schemas/donor-portal.js';
import { digits, registrationFields, toDonorDto } from './donors.js';

/** A donor's own record, without the staff's notes and bookkeeping. */
function toProfile(row: DonorRow) {
  const { notes: _notes, selfRegistered: _self, mergedIntoId: _merged, createdAt: _created, ...profile } = toDonorDto(row);
  return profile;
}

/** The donor record the signed-in donor acts for; refused until the account is linked. */
export function ownDonorId(db: DbOrTx, actor: Actor): number {
  const donorId = donorIdOfUser(db, actor.userId);
  if (donorId === undefined) throw conflict('donor_not_linked', 'Link your account to your donor record first');
  return donorId;
}

/** Own donor id and the records merged into it: receipts stay with the record they were issued to. */
export const ownDonorIds = (db: DbOrTx, actor: Actor): number[] => donorIdsMergedInto(db, ownDonorId(db, actor));

export function getMyDonor(db: DbOrTx, actor: Actor) {
  const donorId = donorIdOfUser(db, actor.userId);
  const donor = donorId === undefined ? undefined : findDonorInFoodBank(db, actor.foodBankId, donorId);
  return { linked: donor !== undefined, foodBankName: findFoodBank(db, actor.foodBankId)!.name, donor: donor ? toProfile(donor) : null };
}

/** A donor new to the food bank starts their own record (staff may later merge it with one they kept). */
export function createMyDonor(db: Db, actor: Actor, input: CreateMyDonorBody, cipher: FieldCipher) {
  const registration = registrationFields(input.kind, input, cipher);
  return db.transaction(
    (tx) => {
      if (donorIdOfUser(tx, actor.userId) !== undefined) throw conflict('already_linked', 'Your account is already linked to a donor record');
      const row = insertDonor(tx, {
        foodBankId: actor.foodBankId,
        kind: input.kind,
        name: input.name.trim(),
        phone: digits(input.phone),
        email: findUserById(tx, actor.userId)!.email,
        address: input.address?.trim() || null,
        consentReceipts: input.consentReceipts ?? false,
        consentMessages: input.consentMessages ?? false,
        selfRegistered: true,
        ...registration,
      });
      linkAccount(tx, actor.userId, row.id);
      return getMyDonor(tx, actor);
    },
    { behavior: 'immediate' },
  );
}

export function updateMyDonor(db: Db, actor: Actor, input: UpdateMyDonorBody, cipher: FieldCipher) {
  return db.transaction(
    (tx) => {
      const donor = findDonorInFoodBank(tx, actor.foodBankId, ownDonorId(tx, actor))!;
      updateDonor(tx, donor.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.phone !== undefined ? { phone: digits(input.phone) } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
        ...(input.consentReceipts !== undefined ? { consentReceipts: input.consentReceipts } : {}),
        ...(input.consentMessages !== undefined ? { consentMessages: input.consentMessages } : {}),
        ...registrationFields(donor.kind, input, cipher),
        updatedAt: nowIso(),
      });
      return getMyDonor(tx, actor);
    },
    { behavior: 'immediate' },
  );
}

/** The donor's completed donations with what was accepted, its value and the receipt covering it. */
export function myDonations(db: Db, actor: Actor): { items: DonorDonationDto[]; totalValue: number } {
  const donorId = ownDonorId(db, actor);
  const rows = listDonations(db, actor.foodBankId, { donorId, status: 'completed', limit: 500, offset: 0 });
  const lines = listDonationLines(db, rows.map((r) => r.donation.id));
  const receipts = activeReceiptsFor(db, rows.map((r) => r.donation.id));
  const items = rows.map(({ donation }) => {
    const own = lines.filter((l) => l.donationId === donation.id);
    const receipt = receipts.get(donation.id);
    return {
      id: donation.id,
      receivedOn: donation.receivedOn,
      acceptedValue: acceptedValue(own),
      receiptId: receipt?.id ?? null,
      receiptSerial: receipt?.serial ?? null,
      lines: own.map((l) => ({ itemName: l.itemName, quantity: l.quantity, unit: l.unit, unitValue: l.unitValue, accepted: l.accepted, rejectionReason: l.rejectionReason })),
    };
  });
  return { items, totalValue: items.reduce((sum, d) => sum + d.acceptedValue, 0) };
}
