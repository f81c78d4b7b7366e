import type { Db } from '../db/client.js';
import { findDonorsByContact, insertDonor, searchDonors as searchDonorRows } from '../db/repositories/donors.js';
import type { DonorRow } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { DonorKind } from '../domain/inventory.js';
import type { Actor } from '../domain/roles.js';

export interface DonorDto {
  id: number;
  kind: DonorKind;
  name: string;
  phone: string | null;
  businessNumber: string | null;
  createdAt: string;
}

const toDonorDto = (row: DonorRow): DonorDto => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  phone: row.phone,
  businessNumber: row.businessNumber,
  createdAt: row.createdAt,
});

const digits = (value: string | null | undefined) => (value ? value.replace(/\D/g, '') : null);

export function searchDonors(db: Db, actor: Actor, text: string, limit: number): DonorDto[] {
  return searchDonorRows(db, actor.foodBankId, text.trim(), limit).map(toDonorDto);
}

/**
 * Quick donor creation at the intake desk. Phone and business numbers are stored as digits so the
 * same number typed two ways is recognised; a donor with the same number is refused unless staff
 * confirm it is a different person.
 */
export function createDonor(
  db: Db,
  actor: Actor,
  input: { kind: DonorKind; name: string; phone?: string | null; businessNumber?: string | null; allowDuplicate?: boolean },
): DonorDto {
  const phone = digits(input.phone);
  const businessNumber = digits(input.businessNumber);
  if (input.kind === 'individual' && businessNumber) {
    throw new AppError(400, 'business_number_for_individual', 'An individual donor has no business registration number');
  }
  return db.transaction(
    (tx) => {
      const existing = findDonorsByContact(tx, actor.foodBankId, phone, businessNumber)[0];
      if (existing && !input.allowDuplicate) {
        throw new AppError(409, 'donor_duplicate', `A donor with the same number exists: ${existing.name}`, {
          facts: { donorId: existing.id, name: existing.name },
        });
      }
      return toDonorDto(insertDonor(tx, { foodBankId: actor.foodBankId, kind: input.kind, name: input.name.trim(), phone, businessNumber }));
    },
    { behavior: 'immediate' },
  );
}

