import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AccessTokenSchema, FoodBankDirectorySchema, LoginBodySchema, SignUpBodySchema } from '../schemas/auth.js';
import { problems, ref } from '../schemas/common.js';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from '../plugins/auth.js';
import type { Session } from '../services/auth.js';
import { toAccessToken } from '../services/dto.js';
import { foodBankDirectory, signUpDonor } from '../services/signup.js';

export interface AuthRouteOptions {
  cookieSecure: boolean;
  accessTokenTtlSeconds: number;
  loginRateLimitPerMinute: number;
}

const routes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, options) => {
  const tokenResponse = (session: Session) => toAccessToken(session, options.accessTokenTtlSeconds);

  app.post(
    '/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description: 'Returns a short-lived access token and sets a rotating refresh-token cookie.',
        body: ref(LoginBodySchema),
        response: { 200: ref(AccessTokenSchema), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const session = await app.auth.login(request.body.email, request.body.password);
      setRefreshCookie(reply, session, options.cookieSecure);
      return tokenResponse(session);
    },
  );

  app.post(
    '/auth/signup',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'A donor creates an account and is signed in',
        description: 'The account starts unlinked: link it to your donor record with the code from the food bank, or start a new record.',
        body: ref(SignUpBodySchema),
        response: { 201: ref(AccessTokenSchema), ...problems(400, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const session = app.auth.startSession(await signUpDonor(app.db, request.body));
      setRefreshCookie(reply, session, options.cookieSecure);
      return reply.status(201).send(tokenResponse(session));
    },
  );

  app.get(
    '/food-banks',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The food banks a donor may sign up with',
        response: { 200: ref(FoodBankDirectorySchema) },
      },
    },
    async () => ({ items: foodBankDirectory(app.db) }),
  );

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange the refresh-token cookie for a new access token',
        description: 'The refresh token rotates on every use; a reused token ends the whole session.',
        response: { 200: ref(AccessTokenSchema), ...problems(401) },
      },
    },
    async (request, reply) => {
      try {
        const session = app.auth.refresh(request.cookies[REFRESH_COOKIE]);
        setRefreshCookie(reply, session, options.cookieSecure);
        return tokenResponse(session);
      } catch (error) {
        clearRefreshCookie(reply, options.cookieSecure);
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End this device’s session',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      app.auth.logout(request.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply, options.cookieSecure);
      return reply.status(204).send(null);
    },
  );
};
export default routes;
