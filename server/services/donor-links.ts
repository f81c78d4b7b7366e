import { randomInt } from 'node:crypto';
import type { Db } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { donorIdOfUser, findUsableLinkCode, insertLinkCode, linkAccount, useLinkCode } from '../db/repositories/donor-accounts.js';
import { findDonorInFoodBank } from '../db/repositories/donors.js';
import { AppError, conflict, notFound } from '../domain/errors.js';
import { hashOpaqueToken } from '../lib/opaque-tokens.js';
import type { Actor } from '../domain/roles.js';

/** No 0/O, 1/I/L or U: a code read out over the phone is typed right the first time. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const CODE_LENGTH = 8;
export const LINK_CODE_DAYS = 14;

const normalizeCode = (code: string) => code.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
// Stored like refresh tokens: only the digest, so the table never holds a usable code.
const hashCode = (code: string) => hashOpaqueToken(normalizeCode(code));

/**
 * A one-time code that links a donor's own account to this record: shown once to staff to pass
 * on, stored only as a digest, valid for two weeks.
 */
export function createLinkCode(db: Db, actor: Actor, donorId: number): { code: string; expiresAt: string } {
  const donor = findDonorInFoodBank(db, actor.foodBankId, donorId);
  if (!donor) throw notFound('Donor');
  if (donor.mergedIntoId !== null) throw conflict('donor_merged', 'That record has been merged into another');
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(Date.now() + LINK_CODE_DAYS * 86_400_000).toISOString();
  insertLinkCode(db, { foodBankId: actor.foodBankId, donorId, codeHash: hashCode(raw), expiresAt, createdBy: actor.userId });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

/** Links the signed-in donor's account to the record the code was made for; the code is used up. */
export function redeemLinkCode(db: Db, actor: Actor, code: string): number {
  return db.transaction(
    (tx) => {
      if (donorIdOfUser(tx, actor.userId) !== undefined) throw conflict('already_linked', 'Your account is already linked to a donor record');
      const now = nowIso();
      const row = findUsableLinkCode(tx, actor.foodBankId, hashCode(code), now);
      if (!row || !useLinkCode(tx, row.id, actor.userId, now)) {
        throw new AppError(422, 'invalid_link_code', 'The code is unknown, used or expired; ask the food bank for a new one');
      }
      linkAccount(tx, actor.userId, row.donorId);
      return row.donorId;
    },
    { behavior: 'immediate' },
  );
}

