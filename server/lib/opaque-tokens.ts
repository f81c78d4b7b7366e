import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A refresh token is 256 random bits; only its SHA-256 digest is ever stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export const newTokenFamily = (): string => randomUUID();
