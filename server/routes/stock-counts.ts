import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CountEntriesBodySchema, StartCountBodySchema, StockCountListQuerySchema, StockCountListSchema, StockCountSchema } from '../schemas/stock-counts.js';
import { requireActor } from '../plugins/auth.js';
import { enterCounts, finalizeCount, getCount, getCounts, startCount } from '../services/stock-counts.js';

const warehouse = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stock-counts',
    {
      config: warehouse,
      schema: { tags: ['warehouse'], summary: 'Stock counts, newest first', querystring: StockCountListQuerySchema, response: { 200: ref(StockCountListSchema), ...problems(400, 401, 403) } },
    },
    async (request) => ({ items: getCounts(app.db, requireActor(request), request.query.status) }),
  );

  app.post(
    '/stock-counts',
    {
      config: warehouse,
      schema: {
        tags: ['warehouse'],
        summary: 'Start a count of a location and/or a category (재고 실사)',
        body: ref(StartCountBodySchema),
        response: { 201: ref(StockCountSchema), ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(startCount(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/stock-counts/:id',
    {
      config: warehouse,
      schema: { tags: ['warehouse'], summary: 'A count with its lines and differences', params: IdParamsSchema, response: { 200: ref(StockCountSchema), ...problems(401, 403, 404) } },
    },
    async (request) => getCount(app.db, requireActor(request), request.params.id),
  );

  app.put(
    '/stock-counts/:id/lines',
    {
      config: warehouse,
      schema: {
        tags: ['warehouse'],
        summary: 'Enter counted quantities',
        params: IdParamsSchema,
        body: ref(CountEntriesBodySchema),
        response: { 200: ref(StockCountSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => enterCounts(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/stock-counts/:id/finalize',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['warehouse'],
        summary: 'Finalize a count: differences become count adjustments in the ledger; the count is then immutable',
        params: IdParamsSchema,
        response: { 200: ref(StockCountSchema), ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => finalizeCount(app.db, requireActor(request), request.params.id),
  );
};
export default routes;
