import type { FastifyInstance } from 'fastify';
import { insertFoodBank } from '../../server/db/repositories/food-banks.js';
import { insertUser } from '../../server/db/repositories/users.js';
import type { FoodBankRow, UserRow } from '../../server/db/schema.js';
import type { FoodBankTier, Role } from '../../server/domain/roles.js';
import { hashPassword } from '../../server/lib/passwords.js';

export const TEST_PASSWORD = 'correct-horse-battery';
// scrypt is slow on purpose; tests share one hash of the common password.
let sharedHash: Promise<string> | undefined;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function makeFoodBank(
  app: FastifyInstance,
  values: { name?: string; tier?: FoodBankTier; parentId?: number | null } = {},
): FoodBankRow {
  return insertFoodBank(app.db, { name: values.name ?? `푸드뱅크 ${unique()}`, tier: values.tier ?? 'local', parentId: values.parentId ?? null });
}

export async function makeUser(
  app: FastifyInstance,
  values: { foodBankId: number; role: Role; email?: string; name?: string; mustChangePassword?: boolean },
): Promise<UserRow> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return insertUser(app.db, {
    foodBankId: values.foodBankId,
    role: values.role,
    email: (values.email ?? `${values.role}-${unique()}@test.example`).toLowerCase(),
    name: values.name ?? `${values.role} user`,
    passwordHash: await sharedHash,
    mustChangePassword: values.mustChangePassword ?? false,
  });
}

/** Signs in through the real login route and returns the bearer header and refresh cookie. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'fb_refresh');
  return {
    token: response.json().accessToken as string,
    headers: { authorization: `Bearer ${response.json().accessToken as string}` },
    refreshCookie: cookie?.value ?? '',
  };
}
