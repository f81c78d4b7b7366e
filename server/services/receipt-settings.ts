import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { foodBanks, type FoodBankRow } from '../db/schema.js';
import type { Actor } from '../domain/roles.js';
import type { UpdateReceiptSettingsBody } from '../schemas/receipts.js';

const REQUIRED = ['registrationNumber', 'address', 'legalBasis', 'receiptTypeCode'] as const;

/** The details a receipt cannot be issued without (the form's 기부금 단체 section). */
export const missingReceiptSettings = (foodBank: FoodBankRow): string[] => REQUIRED.filter((field) => !foodBank[field]);

function toSettings(row: FoodBankRow) {
  return {
    name: row.name,
    registrationNumber: row.registrationNumber,
    address: row.address,
    representative: row.representative,
    legalBasis: row.legalBasis,
    receiptTypeCode: row.receiptTypeCode,
    complete: missingReceiptSettings(row).length === 0,
  };
}

export function getReceiptSettings(db: Db, actor: Actor) {
  return toSettings(findFoodBank(db, actor.foodBankId)!);
}

const clean = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/** Changes what future receipts print; receipts already issued keep what they printed. */
export function updateReceiptSettings(db: Db, actor: Actor, input: UpdateReceiptSettingsBody) {
  const registration = clean(input.registrationNumber);
  const changes = Object.fromEntries(
    Object.entries({
      registrationNumber: registration ? registration.replace(/\D/g, '').replace(/^(\d{3})(\d{2})(\d{5})$/, '$1-$2-$3') : registration,
      address: clean(input.address),
      representative: clean(input.representative),
      legalBasis: clean(input.legalBasis),
      receiptTypeCode: clean(input.receiptTypeCode),
    }).filter(([, value]) => value !== undefined),
  );
  return toSettings(db.update(foodBanks).set(changes).where(eq(foodBanks.id, actor.foodBankId)).returning().get()!);
}
