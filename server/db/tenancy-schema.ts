import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { FOOD_BANK_TIERS, ROLES } from '../domain/roles.js';
import { createdAt, inList } from './columns.js';


/** The tenant. Every domain row belongs to exactly one food bank. */
export const foodBanks = sqliteTable(
  'food_banks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tier: text('tier', { enum: FOOD_BANK_TIERS }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => foodBanks.id),
    region: text('region'),
    /** What a donation receipt prints about the food bank. */
    registrationNumber: text('registration_number'),
    address: text('address'),
    legalBasis: text('legal_basis'),
    /** The receipt form's type code by legal status: 10, 40, 41, 50 … */
    receiptTypeCode: text('receipt_type_code'),
    /** 대표자: printed beside the food bank on receipts. */
    representative: text('representative'),
    /** Matching defaults of this food bank (null: the Korean defaults): base units and priority weights (JSON). */
    matchingBaseShare: integer('matching_base_share'),
    matchingWeights: text('matching_weights'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('food_banks_name_unique').on(t.name),
    index('food_banks_parent_idx').on(t.parentId),
    check('food_banks_tier_check', sql`${t.tier} in (${inList(FOOD_BANK_TIERS)})`),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: integer('food_bank_id')
      .notNull()
      .references(() => foodBanks.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Set when an admin created the account with a temporary password. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabledAt: text('disabled_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    // Emails are stored lower-cased, so a plain unique index is case-insensitive in effect.
    uniqueIndex('users_email_unique').on(t.email),
    index('users_food_bank_idx').on(t.foodBankId),
    check('users_role_check', sql`${t.role} in (${inList(ROLES)})`),
  ],
);

/**
 * Refresh tokens are stored as SHA-256 hashes only. Each login starts a family; every refresh
 * revokes the presented token and issues its successor in the same family, so a reused (stolen)
 * token can be detected and the whole family revoked.
 */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    familyId: text('family_id').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_unique').on(t.tokenHash),
    index('refresh_tokens_user_idx').on(t.userId),
    index('refresh_tokens_family_idx').on(t.familyId),
  ],
);

export type FoodBankRow = typeof foodBanks.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
