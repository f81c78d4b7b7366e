import type { Db } from '../db/client.js';
import { findFoodBankByName, insertFoodBank } from '../db/repositories/food-banks.js';
import { findUserByEmail, insertUser } from '../db/repositories/users.js';
import type { FieldCipher } from '../lib/field-encryption.js';
import { hashPassword } from '../lib/passwords.js';
import { DEMO_FOOD_BANKS, DEMO_LOGINS, DEMO_PASSWORD, DEMO_USERS } from './dataset.js';
import { seedDemoInventory } from './seed-inventory.js';
import { DEMO_RECEIPT_SETTINGS, seedDemoDonors } from './seed-donors.js';
import { seedDemoDistribution } from './seed-distribution.js';
import { updateReceiptSettings } from '../services/receipt-settings.js';
import { ensureDefaultCategories } from '../services/catalog.js';

/** Fills an empty database with the demo network. Returns false when it was already seeded. */
export async function seedDemo(db: Db, cipher: FieldCipher): Promise<boolean> {
  if (findFoodBankByName(db, DEMO_FOOD_BANKS[0]!.name)) return false;
  // One hash shared by all demo accounts: scrypt is deliberately slow, and they share a password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    const ids = new Map<string, number>();
    for (const bank of DEMO_FOOD_BANKS) {
      const parentId = bank.parent ? ids.get(bank.parent)! : null;
      ids.set(bank.key, insertFoodBank(tx, { name: bank.name, tier: bank.tier, parentId, region: bank.region }).id);
    }
    for (const user of DEMO_USERS) {
      insertUser(tx, { foodBankId: ids.get(user.foodBank)!, email: user.email, name: user.name, role: user.role, passwordHash });
    }
    for (const foodBankId of ids.values()) ensureDefaultCategories(tx, foodBankId);
  });
  const mapoAdmin = findUserByEmail(db, DEMO_LOGINS.admin)!;
  const mapo = { userId: mapoAdmin.id, foodBankId: mapoAdmin.foodBankId, role: mapoAdmin.role };
  seedDemoInventory(db, cipher, mapo);
  seedDemoDonors(db, cipher, mapo);
  seedDemoDistribution(db, mapo);
  const gangseoAdmin = findUserByEmail(db, 'admin@gangseo.demo')!;
  updateReceiptSettings(
    db,
    { userId: gangseoAdmin.id, foodBankId: gangseoAdmin.foodBankId, role: gangseoAdmin.role },
    { ...DEMO_RECEIPT_SETTINGS, registrationNumber: '109-82-11368', address: '서울특별시 강서구 공항대로 561 강서구푸드마켓', representative: '강하늘' },
  );
  return true;
}
