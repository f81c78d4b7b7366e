import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from './config.js';
import { AppError } from './domain/errors.js';
import { FieldCipher } from './lib/field-encryption.js';
import { OneLinePerRequest } from './lib/request-log.js';
import { buildSerializer, buildValidator } from './lib/schema-compilers.js';
import authPlugin from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin from './plugins/errors.js';
import idempotencyPlugin from './plugins/idempotency.js';
import openapiPlugin from './plugins/openapi.js';
import webPlugin from './plugins/web.js';
import apiRoutes, { type RouteAccess } from './routes/index.js';
import { SHARED_SCHEMAS } from './schemas/index.js';

export const VERSION = '0.1.0';

declare module 'fastify' {
  interface FastifyInstance {
    /** Who may call each API route, as declared; read by the access tests and nothing else. */
    routeAccess: readonly RouteAccess[];
    /** Encrypts personal data fields at rest. */
    cipher: FieldCipher;
  }
}

export interface BuildOptions {
  /** Where log lines go; stdout when omitted. Tests pass a capturing stream. */
  logStream?: { write(line: string): void };
  /** Registers extra routes before the app is sealed (tests use it for failure paths). */
  extend?: (app: FastifyInstance) => void;
}

// A client's request id is echoed only when it is short and plain, so it cannot forge log lines.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds the whole application without listening, so tests and the server share one assembly. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.accessToken',
          '*.refreshToken',
          '*.residentNumber',
        ],
        censor: '[redacted]',
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    logController: new OneLinePerRequest(),
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    schemaController: { compilersFactory: { buildSerializer, buildValidator } },
    ajv: {
      // Reject unknown fields instead of silently dropping them; report every problem at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // During shutdown, responses to in-flight requests close their keep-alive connection, so the
  // server can finish closing as soon as they are answered.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  // The API speaks JSON only; a text/plain body is refused with 415 instead of being parsed.
  app.removeContentTypeParser('text/plain');

  app.decorate('cipher', new FieldCipher(config.dataEncryptionKey));
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { databasePath: config.databasePath });
  await app.register(openapiPlugin, { version: VERSION });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', 'Too many requests; slow down', {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(authPlugin, {
    jwtSecret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    cookieSecure: config.cookieSecure,
    loginMaxFailures: config.loginMaxFailuresPerAccount,
    loginLockoutMinutes: config.loginLockoutMinutes,
  });
  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);
  await app.register(idempotencyPlugin);
  await app.register(apiRoutes, { prefix: '/api', config, routeAccess });
  options.extend?.(app);
  await app.register(webPlugin, { webDistDir: config.webDistDir });
  return app;
}
