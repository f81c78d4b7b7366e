import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { findUserByEmail, insertUser } from '../db/repositories/users.js';
import { foodBanks, type UserRow } from '../db/schema.js';
import { conflict, unprocessable } from '../domain/errors.js';
import { hashPassword } from '../lib/passwords.js';
import { toFoodBankDto } from './dto.js';

/** The food banks a donor may sign up with (names and regions only). */
export function foodBankDirectory(db: Db) {
  return db.select().from(foodBanks).orderBy(asc(foodBanks.name)).all().map(toFoodBankDto);
}

/**
 * A donor creates their own account. It starts unlinked: the donor then links it to the record the
 * food bank keeps (with a code from staff) or starts a new record.
 */
export async function signUpDonor(db: Db, input: { foodBankId: number; name: string; email: string; password: string }): Promise<UserRow> {
  if (!findFoodBank(db, input.foodBankId)) throw unprocessable('unknown_food_bank', 'No such food bank', { foodBankId: input.foodBankId });
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  // Checked after hashing so the check and the insert happen with no await between them.
  if (findUserByEmail(db, email)) throw conflict('email_taken', 'An account with this email already exists');
  return insertUser(db, { foodBankId: input.foodBankId, email, name: input.name.trim(), role: 'donor', passwordHash });
}
