import type { Db } from '../db/client.js';
import { nowIso } from '../db/client.js';
import {
  findUserByEmail,
  findUserInFoodBank,
  insertUser,
  listUsersOfFoodBank,
  updateUser,
  type UserChanges,
} from '../db/repositories/users.js';
import { revokeRefreshTokensOfUser } from '../db/repositories/refresh-tokens.js';
import { conflict, notFound } from '../domain/errors.js';
import type { Actor, Role } from '../domain/roles.js';
import { generatePassword, hashPassword } from '../lib/passwords.js';
import type { UserDto } from '../schemas/auth.js';
import { toUserDto } from './dto.js';

/** Users of the admin's own food bank; another tenant's users do not exist from here. */
export function listUsers(db: Db, actor: Actor): UserDto[] {
  return listUsersOfFoodBank(db, actor.foodBankId).map(toUserDto);
}

export function getUser(db: Db, actor: Actor, userId: number): UserDto {
  const user = findUserInFoodBank(db, actor.foodBankId, userId);
  if (!user) throw notFound('User');
  return toUserDto(user);
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

/**
 * Creates an account in the admin's food bank. Without a password, a temporary one is generated,
 * returned once, and must be changed at first sign-in.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: UserDto; temporaryPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  const temporaryPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  // Checked after hashing so the check and the insert happen with no await between them.
  if (findUserByEmail(db, email)) throw conflict('email_taken', 'An account with this email already exists');
  const row = insertUser(db, {
    foodBankId: actor.foodBankId,
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash,
    mustChangePassword: temporaryPassword !== undefined,
  });
  return temporaryPassword ? { user: toUserDto(row), temporaryPassword } : { user: toUserDto(row) };
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  disabled?: boolean;
}

/**
 * Renames, changes the role of, disables or re-enables a user. Disabling revokes every refresh
 * token at once. Admins cannot remove their own admin access, so the acting admin always remains
 * and a food bank can never be left without one.
 */
export function updateUserAccess(db: Db, actor: Actor, userId: number, input: UpdateUserInput): UserDto {
  return db.transaction((tx) => {
    const target = findUserInFoodBank(tx, actor.foodBankId, userId);
    if (!target) throw notFound('User');

    const losesAdmin =
      target.role === 'admin' &&
      target.disabledAt === null &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && target.id === actor.userId) {
      throw conflict('cannot_change_own_access', 'You cannot remove your own admin access or disable yourself');
    }

    const changes: UserChanges = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.role !== undefined) changes.role = input.role;
    if (input.disabled === true && target.disabledAt === null) changes.disabledAt = nowIso();
    if (input.disabled === false) changes.disabledAt = null;

    const updated = updateUser(tx, target.id, changes);
    if (input.disabled === true) revokeRefreshTokensOfUser(tx, target.id);
    return toUserDto(updated);
  });
}
