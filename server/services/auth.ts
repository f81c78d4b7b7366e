import type { Db, DbOrTx } from '../db/client.js';
import type { UserRow } from '../db/schema.js';
import { findUserByEmail, findUserById } from '../db/repositories/users.js';
import {
  findRefreshTokenByHash,
  insertRefreshToken,
  revokeRefreshToken,
  revokeRefreshTokenFamily,
} from '../db/repositories/refresh-tokens.js';
import { AppError, unauthorized } from '../domain/errors.js';
import { LoginThrottle } from '../domain/login-throttle.js';
import type { Role } from '../domain/roles.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { hashOpaqueToken, newOpaqueToken, newTokenFamily } from '../lib/opaque-tokens.js';

export interface AccessClaims {
  sub: string;
  fb: number;
  role: Role;
}

export interface AuthServiceDeps {
  db: Db;
  signAccessToken(claims: AccessClaims): string;
  refreshTokenTtlDays: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  now?: () => number;
}

export interface Session {
  user: UserRow;
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidRefresh = () => unauthorized('invalid_refresh_token', 'The session has ended; please sign in again');

export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly now: () => number;
  // Compared against when the email is unknown, so both paths cost one scrypt and take equally long.
  private readonly dummyHash: Promise<string>;

  constructor(private readonly deps: AuthServiceDeps) {
    this.throttle = new LoginThrottle(deps.loginMaxFailures, deps.loginLockoutMinutes * 60_000);
    this.now = deps.now ?? Date.now;
    this.dummyHash = hashPassword('not-a-real-password');
  }

  async login(emailInput: string, password: string): Promise<Session> {
    const email = emailInput.trim().toLowerCase();
    const retryAfterSeconds = this.throttle.retryAfterSeconds(email, this.now());
    if (retryAfterSeconds > 0) {
      throw new AppError(429, 'account_locked', 'Too many failed sign-ins for this account; try again later', {
        retryAfterSeconds,
      });
    }
    const user = findUserByEmail(this.deps.db, email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !matches) {
      this.throttle.recordFailure(email, this.now());
      throw unauthorized('invalid_credentials', 'Email or password is incorrect');
    }
    if (user.disabledAt) throw new AppError(403, 'account_disabled', 'This account has been disabled');
    this.throttle.reset(email);
    return this.startSession(user);
  }

  /** Starts a new refresh-token family for the user (a fresh sign-in on one device). */
  startSession(user: UserRow): Session {
    return this.issue(user, newTokenFamily());
  }

  /**
   * Rotates a refresh token: the presented one is revoked and a successor issued in its family.
   * Presenting an already-revoked token means it was copied: the whole family is revoked.
   */
  refresh(presented: string | undefined): Session {
    if (!presented) throw invalidRefresh();
    const { db } = this.deps;
    // Revocations must commit even when the answer is a refusal, so the transaction returns
    // null instead of throwing (a throw would roll them back).
    const session = db.transaction((tx) => {
      const row = findRefreshTokenByHash(tx, hashOpaqueToken(presented));
      if (!row || Date.parse(row.expiresAt) <= this.now()) return null;
      const user = findUserById(tx, row.userId);
      if (row.revokedAt !== null || !user || user.disabledAt !== null) {
        revokeRefreshTokenFamily(tx, row.familyId);
        return null;
      }
      if (!revokeRefreshToken(tx, row.id)) return null;
      return this.issue(user, row.familyId, tx);
    });
    if (!session) throw invalidRefresh();
    return session;
  }

  /** Ends the device's session: its whole token family stops working. Unknown tokens are ignored. */
  logout(presented: string | undefined): void {
    if (!presented) return;
    const row = findRefreshTokenByHash(this.deps.db, hashOpaqueToken(presented));
    if (row) revokeRefreshTokenFamily(this.deps.db, row.familyId);
  }

  private issue(user: UserRow, familyId: string, db: DbOrTx = this.deps.db): Session {
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = new Date(this.now() + this.deps.refreshTokenTtlDays * 86_400_000);
    insertRefreshToken(db, {
      userId: user.id,
      tokenHash: hashOpaqueToken(refreshToken),
      familyId,
      expiresAt: refreshExpiresAt.toISOString(),
    });
    const accessToken = this.deps.signAccessToken({ sub: String(user.id), fb: user.foodBankId, role: user.role });
    return { user, accessToken, refreshToken, refreshExpiresAt };
  }
}
