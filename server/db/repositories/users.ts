import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { nowIso } from '../client.js';
import { prepared } from '../prepared.js';
import { foodBanks, users, type FoodBankRow, type UserRow } from '../schema.js';
import type { Role } from '../../domain/roles.js';

export interface NewUser {
  foodBankId: number;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  mustChangePassword?: boolean;
}

export function insertUser(db: DbOrTx, values: NewUser): UserRow {
  return db.insert(users).values(values).returning().get();
}

export function findUserById(db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Scoped to a food bank so another tenant's user is simply not found. */
export function findUserInFoodBank(db: DbOrTx, foodBankId: number, id: number): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.foodBankId, foodBankId)))
    .get();
}

/** Runs on every authenticated request: the live role and status behind an access token. */
export function findUserAccess(db: DbOrTx, id: number) {
  return prepared(db, 'userAccess', () =>
    db
      .select({
        id: users.id,
        foodBankId: users.foodBankId,
        role: users.role,
        disabledAt: users.disabledAt,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function findUserWithFoodBank(db: DbOrTx, id: number): { user: UserRow; foodBank: FoodBankRow } | undefined {
  return prepared(db, 'userWithFoodBank', () =>
    db
      .select({ user: users, foodBank: foodBanks })
      .from(users)
      .innerJoin(foodBanks, eq(foodBanks.id, users.foodBankId))
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function findUserByEmail(db: DbOrTx, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export function listUsersOfFoodBank(db: DbOrTx, foodBankId: number): UserRow[] {
  return db.select().from(users).where(eq(users.foodBankId, foodBankId)).orderBy(asc(users.name), asc(users.id)).all();
}

export type UserChanges = Partial<Pick<UserRow, 'name' | 'role' | 'disabledAt' | 'passwordHash' | 'mustChangePassword'>>;

export function updateUser(db: DbOrTx, id: number, changes: UserChanges): UserRow {
  const row = db
    .update(users)
    .set({ ...changes, updatedAt: nowIso() })
    .where(eq(users.id, id))
    .returning()
    .get();
  if (!row) throw new Error(`user ${id} vanished during update`);
  return row;
}
