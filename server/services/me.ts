import type { Db } from '../db/client.js';
import { findUserById, findUserWithFoodBank, updateUser } from '../db/repositories/users.js';
import { revokeRefreshTokensOfUser } from '../db/repositories/refresh-tokens.js';
import type { UserRow } from '../db/schema.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import type { FoodBankDto, UserDto } from '../schemas/auth.js';
import { toFoodBankDto, toUserDto } from './dto.js';

export function getMe(db: Db, actor: Actor): { user: UserDto; foodBank: FoodBankDto } {
  const found = findUserWithFoodBank(db, actor.userId);
  if (!found) throw notFound('User');
  return { user: toUserDto(found.user), foodBank: toFoodBankDto(found.foodBank) };
}

/**
 * Changes the caller's own password. Every existing session of the user ends; the caller gets a
 * fresh one from the route.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<UserRow> {
  const user = findUserById(db, actor.userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(400, 'wrong_password', 'The current password is incorrect');
  }
  if (currentPassword === newPassword) {
    throw new AppError(400, 'password_unchanged', 'The new password must differ from the current one');
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction((tx) => {
    revokeRefreshTokensOfUser(tx, user.id);
    return updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
  });
}
