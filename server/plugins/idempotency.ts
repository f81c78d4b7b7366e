import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../db/schema.js';
import { AppError, conflict } from '../domain/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours an Idempotency-Key header: a retry gets the first answer, not a second write. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;
const PENDING = 0;

/**
 * Idempotency keys for writes that must never happen twice (a double click, a retry after a lost
 * answer). The key is claimed with an insert before the handler runs, so two identical requests
 * racing each other cannot both get through; a successful answer is stored and replayed, a failed
 * one releases the key for a retry.
 */
export default fp(
  async (app) => {
    app.decorateRequest('idempotencyKey', null);
    // A retry comes within minutes; remembered answers are kept a week, then let go at start-up.
    app.addHook('onReady', async () => {
      const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
      app.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, weekAgo)).run();
    });

    const claim = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers['idempotency-key'];
      if (header === undefined || !request.actor) return;
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
        throw new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 8–100 letters, digits or ._:-');
      }
      const userId = request.actor.userId;
      const route = `${request.method} ${request.routeOptions.url}`;
      const requestHash = createHash('sha256').update(route).update(request.url).update(JSON.stringify(request.body ?? null)).digest('hex');
      const claimed = app.db
        .insert(idempotencyKeys)
        .values({ userId, key: header, route, requestHash, statusCode: PENDING, body: '' })
        .onConflictDoNothing()
        .run();
      if (claimed.changes === 1) {
        request.idempotencyKey = header;
        return;
      }
      const earlier = app.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, header)))
        .get()!;
      if (earlier.requestHash !== requestHash) {
        throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      }
      if (earlier.statusCode === PENDING) throw conflict('idempotency_in_progress', 'The same request is still being processed');
      return reply
        .status(earlier.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(earlier.body);
    };

    const remember = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const key = request.idempotencyKey;
      if (key === null || !request.actor) return payload;
      const where = and(eq(idempotencyKeys.userId, request.actor.userId), eq(idempotencyKeys.key, key));
      if (reply.statusCode < 300 && typeof payload === 'string') {
        app.db.update(idempotencyKeys).set({ statusCode: reply.statusCode, body: payload }).where(where).run();
      } else {
        app.db.delete(idempotencyKeys).where(where).run();
      }
      return payload;
    };

    // Only routes that declare `idempotent` pay for the hooks.
    app.addHook('onRoute', (route) => {
      if (!route.config?.idempotent) return;
      route.preHandler = [claim, ...[route.preHandler ?? []].flat()];
      route.onSend = [remember, ...[route.onSend ?? []].flat()];
    });
  },
  { name: 'idempotency', dependencies: ['db', 'auth'] },
);
