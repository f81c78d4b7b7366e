import { Type } from 'typebox';
import { Email, NewPassword, RoleSchema, UserSchema } from './auth.js';
import { ref } from './common.js';

export const UserListSchema = Type.Object(
  { items: Type.Array(ref(UserSchema)) },
  { $id: 'UserList', additionalProperties: false },
);

export const CreateUserBodySchema = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: ref(RoleSchema),
    password: Type.Optional(NewPassword),
  },
  { $id: 'CreateUserRequest', additionalProperties: false },
);

export const CreatedUserSchema = Type.Object(
  {
    user: ref(UserSchema),
    temporaryPassword: Type.Optional(
      Type.String({ description: 'Shown once when no password was given; the user must change it at first login' }),
    ),
  },
  { $id: 'CreatedUser', additionalProperties: false },
);

export const UpdateUserBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(ref(RoleSchema)),
    disabled: Type.Optional(Type.Boolean()),
  },
  { $id: 'UpdateUserRequest', additionalProperties: false, minProperties: 1 },
);
