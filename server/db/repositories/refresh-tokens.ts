import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { nowIso } from '../client.js';
import { refreshTokens, type RefreshTokenRow } from '../schema.js';

export function insertRefreshToken(
  db: DbOrTx,
  values: { userId: number; tokenHash: string; familyId: string; expiresAt: string },
): void {
  db.insert(refreshTokens).values(values).run();
}

export function findRefreshTokenByHash(db: DbOrTx, tokenHash: string): RefreshTokenRow | undefined {
  return db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get();
}

/** Marks one token used; returns false when it was already revoked (a concurrent or replayed use). */
export function revokeRefreshToken(db: DbOrTx, id: number): boolean {
  const result = db
    .update(refreshTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)))
    .run();
  return result.changes === 1;
}

export function revokeRefreshTokenFamily(db: DbOrTx, familyId: string): void {
  db.update(refreshTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .run();
}

export function revokeRefreshTokensOfUser(db: DbOrTx, userId: number): void {
  db.update(refreshTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .run();
}
