import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { nowIso } from '../client.js';
import { users, type UserRow } from '../schema.js';
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
