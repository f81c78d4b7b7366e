import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  DisposalBodySchema,
  DisposalSchema,
  ItemStockListSchema,
  LotQuerySchema,
  LotStockListSchema,
  MovementListSchema,
  MovementQuerySchema,
  StockQuerySchema,
  TransferBodySchema,
  TransferSchema,
} from '../schemas/stock.js';
import { requireActor } from '../plugins/auth.js';
import { transferStock } from '../services/transfers.js';
import { disposeStock, listItemStock, listLotMovements, listLotStock } from '../services/stock.js';

const warehouse = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stock/items',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Stock by item (filter by zone, category, location, name; or items below their minimum)',
        querystring: StockQuerySchema,
        response: { 200: ref(ItemStockListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listItemStock(app.db, requireActor(request), request.query) }),
  );

  app.get(
    '/stock/lots',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Lots on hand per location, earliest date first (FEFO); expiring-soon and expired lots',
        querystring: LotQuerySchema,
        response: { 200: ref(LotStockListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listLotStock(app.db, requireActor(request), request.query) }),
  );

  app.get(
    '/lots/:id/movements',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'The full movement history of a lot, from the ledger',
        params: IdParamsSchema,
        querystring: MovementQuerySchema,
        response: { 200: ref(MovementListSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: listLotMovements(app.db, requireActor(request), request.params.id, request.query) }),
  );

  app.post(
    '/transfers',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Move units of a lot to another location of the same storage zone',
        body: ref(TransferBodySchema),
        response: { 201: ref(TransferSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(transferStock(app.db, requireActor(request), request.body)),
  );

  app.post(
    '/disposals',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Dispose of stock (폐기) with a reason and who authorised it',
        body: ref(DisposalBodySchema),
        response: { 201: ref(DisposalSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(disposeStock(app.db, requireActor(request), request.body)),
  );
};
export default routes;
