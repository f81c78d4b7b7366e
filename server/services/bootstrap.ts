import type { Db } from '../db/client.js';
import { countFoodBanks, insertFoodBank } from '../db/repositories/food-banks.js';
import { insertUser } from '../db/repositories/users.js';
import { generatePassword, hashPassword } from '../lib/passwords.js';
import { ensureDefaultCategories } from './catalog.js';

export interface FirstRun {
  foodBankName: string;
  adminEmail: string;
  /** Present only when the password was generated: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/**
 * On an empty database, creates the first food bank and its admin so a new user can sign in.
 * Does nothing on a database that already has a food bank.
 */
export async function ensureFirstFoodBank(
  db: Db,
  options: { foodBankName: string; adminEmail?: string; adminPassword?: string },
): Promise<FirstRun | null> {
  if (countFoodBanks(db) > 0) return null;
  const adminEmail = options.adminEmail ?? 'admin@foodbank.local';
  const generatedPassword = options.adminPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(options.adminPassword ?? generatedPassword!);
  db.transaction((tx) => {
    const foodBank = insertFoodBank(tx, { name: options.foodBankName, tier: 'local' });
    ensureDefaultCategories(tx, foodBank.id);
    insertUser(tx, { foodBankId: foodBank.id, email: adminEmail, name: '관리자', role: 'admin', passwordHash });
  });
  return generatedPassword
    ? { foodBankName: options.foodBankName, adminEmail, generatedPassword }
    : { foodBankName: options.foodBankName, adminEmail };
}
