import type { FoodBankRow, UserRow } from '../db/schema.js';
import type { FoodBankDto, UserDto } from '../schemas/auth.js';
import type { Session } from './auth.js';

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    foodBankId: row.foodBankId,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt,
  };
}

export function toFoodBankDto(row: FoodBankRow): FoodBankDto {
  return { id: row.id, name: row.name, tier: row.tier, parentId: row.parentId, region: row.region };
}

/** What sign-in, sign-up and a password change answer: the access token and the user. */
export function toAccessToken(session: Session, expiresIn: number) {
  return { accessToken: session.accessToken, tokenType: 'Bearer' as const, expiresIn, user: toUserDto(session.user) };
}
