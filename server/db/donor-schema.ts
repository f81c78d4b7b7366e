import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PLANNED_DELIVERY, PLANNED_STATUSES } from '../domain/planned-contributions.js';
import { createdAt, inList } from './columns.js';
import { donations, donors, items } from './inventory-schema.js';
import { foodBanks, users } from './tenancy-schema.js';

/** A donor's sign-in account and the donor record it acts for (one record, many accounts). */
export const donorAccounts = sqliteTable(
  'donor_accounts',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    linkedAt: createdAt(),
  },
  (t) => [index('donor_accounts_donor_idx').on(t.donorId)],
);

/**
 * A one-time code staff give a donor so their new account can be linked to the record the food
 * bank already keeps. Only its SHA-256 digest is stored.
 */
export const donorLinkCodes = sqliteTable(
  'donor_link_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: integer('food_bank_id')
      .notNull()
      .references(() => foodBanks.id),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    codeHash: text('code_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    usedAt: text('used_at'),
    usedBy: integer('used_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('donor_link_codes_hash_unique').on(t.codeHash), index('donor_link_codes_donor_idx').on(t.donorId)],
);

/** What a donor says they will bring (or want picked up): shown at the intake desk as expected. */
export const plannedContributions = sqliteTable(
  'planned_contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: integer('food_bank_id')
      .notNull()
      .references(() => foodBanks.id),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    expectedOn: text('expected_on').notNull(),
    delivery: text('delivery', { enum: PLANNED_DELIVERY }).notNull(),
    pickupAddress: text('pickup_address'),
    contactPhone: text('contact_phone'),
    note: text('note'),
    status: text('status', { enum: PLANNED_STATUSES }).notNull().default('planned'),
    /** The donation it arrived as. */
    donationId: integer('donation_id').references(() => donations.id),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('planned_contributions_expected_idx').on(t.foodBankId, t.status, t.expectedOn),
    index('planned_contributions_donor_idx').on(t.donorId),
    uniqueIndex('planned_contributions_donation_unique').on(t.donationId),
    check('planned_contributions_delivery_check', sql`${t.delivery} in (${inList(PLANNED_DELIVERY)})`),
    check('planned_contributions_status_check', sql`${t.status} in (${inList(PLANNED_STATUSES)})`),
    check('planned_contributions_pickup_check', sql`${t.delivery} <> 'pickup' or ${t.pickupAddress} is not null`),
  ],
);

export const plannedContributionLines = sqliteTable(
  'planned_contribution_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    plannedContributionId: integer('planned_contribution_id')
      .notNull()
      .references(() => plannedContributions.id),
    lineNo: integer('line_no').notNull(),
    /** The catalog item when the donor picked one; otherwise the description says what it is. */
    itemId: integer('item_id').references(() => items.id),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [
    uniqueIndex('planned_contribution_lines_no_unique').on(t.plannedContributionId, t.lineNo),
    check('planned_contribution_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export type DonorAccountRow = typeof donorAccounts.$inferSelect;
export type DonorLinkCodeRow = typeof donorLinkCodes.$inferSelect;
export type PlannedContributionRow = typeof plannedContributions.$inferSelect;
export type PlannedContributionLineRow = typeof plannedContributionLines.$inferSelect;
