import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findUserAccess } from '../db/repositories/users.js';
import { AppError, forbidden, unauthorized } from '../domain/errors.js';
import type { Actor, Role } from '../domain/roles.js';
import { AuthService, type AccessClaims, type Session } from '../services/auth.js';

/** Who may call a route: everyone, or signed-in users with one of the listed roles. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Lets a user who must change a temporary password still reach this route. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    auth: AuthService;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

export const REFRESH_COOKIE = 'fb_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

export interface AuthOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
}

/** The signed-in caller of a protected route (the access hook guarantees there is one). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export function setRefreshCookie(reply: FastifyReply, session: Session, secure: boolean): void {
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
    expires: session.refreshExpiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: REFRESH_COOKIE_PATH });
}

/**
 * Authentication and the per-route role check. Every protected request verifies the access token
 * and then reads the live user row, so disabling a user or changing a role takes effect at once.
 */
export default fp<AuthOptions>(
  async (app, options) => {
    await app.register(cookie);
    await app.register(jwt, {
      secret: options.jwtSecret,
      sign: { expiresIn: options.accessTokenTtlSeconds },
    });

    app.decorate(
      'auth',
      new AuthService({
        db: app.db,
        signAccessToken: (claims) => app.jwt.sign(claims),
        refreshTokenTtlDays: options.refreshTokenTtlDays,
        loginMaxFailures: options.loginMaxFailures,
        loginLockoutMinutes: options.loginLockoutMinutes,
      }),
    );
    app.decorateRequest('actor', null);

    app.addHook('onRequest', async (request) => {
      const { access, allowPendingPasswordChange } = request.routeOptions.config;
      if (access === undefined || access === 'public') return;

      const [scheme, token] = request.headers.authorization?.split(' ') ?? [];
      if (!scheme) throw unauthorized();
      let claims: AccessClaims;
      try {
        if (scheme.toLowerCase() !== 'bearer' || !token) throw new Error('not a bearer token');
        // The verifier itself, not request.jwtVerify(): same checks, a fraction of the overhead.
        claims = app.jwt.verify<AccessClaims>(token);
      } catch {
        throw unauthorized('invalid_token', 'The access token is invalid or has expired');
      }
      const user = findUserAccess(app.db, Number(claims.sub));
      if (!user || user.disabledAt !== null) {
        throw unauthorized('invalid_token', 'The account is no longer active');
      }
      if (!access.includes(user.role)) throw forbidden();
      if (user.mustChangePassword && !allowPendingPasswordChange) {
        throw new AppError(403, 'password_change_required', 'Change your temporary password first');
      }
      request.actor = { userId: user.id, foodBankId: user.foodBankId, role: user.role };
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
