import { Type, type Static } from 'typebox';
import { ROLES, FOOD_BANK_TIERS } from '../domain/roles.js';
import { ref, Timestamp } from './common.js';

export const RoleSchema = Type.Enum(ROLES, { $id: 'Role' });

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
/** 10+ characters; long passphrases welcome, capped to keep hashing cheap to refuse. */
export const NewPassword = Type.String({ minLength: 10, maxLength: 200 });

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    foodBankId: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: ref(RoleSchema),
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    createdAt: Timestamp,
  },
  { $id: 'User', additionalProperties: false },
);
export type UserDto = Static<typeof UserSchema>;

export const FoodBankSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    tier: Type.Enum(FOOD_BANK_TIERS),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    region: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'FoodBank', additionalProperties: false },
);
export type FoodBankDto = Static<typeof FoodBankSchema>;

export const MeSchema = Type.Object(
  { user: ref(UserSchema), foodBank: ref(FoodBankSchema) },
  { $id: 'Me', additionalProperties: false },
);

export const LoginBodySchema = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { $id: 'LoginRequest', additionalProperties: false },
);

export const AccessTokenSchema = Type.Object(
  {
    accessToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    user: ref(UserSchema),
  },
  { $id: 'AccessToken', additionalProperties: false },
);

export const ChangePasswordBodySchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: NewPassword },
  { $id: 'ChangePasswordRequest', additionalProperties: false },
);

export const SignUpBodySchema = Type.Object(
  {
    foodBankId: Type.Integer({ minimum: 1, description: 'The food bank you give to' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    email: Email,
    password: NewPassword,
  },
  { $id: 'SignUpRequest', additionalProperties: false },
);

export const FoodBankDirectorySchema = Type.Object({ items: Type.Array(ref(FoodBankSchema)) }, { $id: 'FoodBankDirectory', additionalProperties: false });
