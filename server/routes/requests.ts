import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { traceLot } from '../db/repositories/trace.js';
import { requireActor } from '../plugins/auth.js';
import { EmptyBodySchema, IdParamsSchema, problems, ref } from '../schemas/common.js';
import { AllocationRequestListSchema, AllocationRequestSchema, HandoverBodySchema, PickListSchema, ReasonBodySchema, RequestListQuerySchema, TraceSchema } from '../schemas/requests.js';
import { cancelRequest, getRequest, handOver, listRequests, markReady, pickList } from '../services/requests.js';
import { findLotInFoodBank } from '../db/repositories/stock.js';
import { notFound } from '../domain/errors.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { renderPickListPdf } from '../lib/pick-list-pdf.js';
import { sendDownload } from './downloads.js';

const staff = { access: ['admin', 'staff'] as const };
const tags = ['requests'];

/** The staff's side of agency requests: review, pick, hand over, and trace where units went. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/requests',
    { config: staff, schema: { tags, summary: 'Agency requests, newest first', querystring: RequestListQuerySchema, response: { 200: ref(AllocationRequestListSchema), ...problems(400, 401, 403) } } },
    async (request) => ({ items: listRequests(app.db, requireActor(request), { ...request.query, withoutDrafts: true }) }),
  );

  app.get(
    '/requests/:id',
    { config: staff, schema: { tags, summary: 'One request with what is held for it and where', params: IdParamsSchema, response: { 200: ref(AllocationRequestSchema), ...problems(401, 403, 404) } } },
    async (request) => getRequest(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/requests/:id/cancel',
    {
      config: staff,
      schema: { tags, summary: 'Cancel a request with a reason; anything held for it is released', params: IdParamsSchema, body: ref(ReasonBodySchema), response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => cancelRequest(app.db, requireActor(request), request.params.id, request.body.reason, false),
  );

  app.get(
    '/requests/:id/pick-list',
    { config: staff, schema: { tags, summary: 'What to pick for a request, in walking order', params: IdParamsSchema, response: { 200: ref(PickListSchema), ...problems(401, 403, 404) } } },
    async (request) => pickList(app.db, requireActor(request), request.params.id),
  );

  app.get(
    '/requests/:id/pick-list.pdf',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The pick list as an A4 PDF in Korean, to print and tick',
        params: IdParamsSchema,
        response: { 200: { description: 'The pick list', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const list = pickList(app.db, actor, request.params.id);
      const pdf = await renderPickListPdf({ ...list, foodBankName: findFoodBank(app.db, actor.foodBankId)!.name, printedAt: new Date().toISOString() });
      return sendDownload(reply, { type: 'application/pdf', name: `pick-list-${list.requestId}.pdf`, body: pdf });
    },
  );

  app.post(
    '/requests/:id/ready',
    {
      config: staff,
      schema: { tags, summary: 'Mark a request picked and ready for handover', params: IdParamsSchema, body: EmptyBodySchema, response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => markReady(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/requests/:id/handover',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Record who collected it (a proxy is named as such) or took the delivery; held stock leaves through the ledger',
        params: IdParamsSchema,
        body: ref(HandoverBodySchema),
        response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => handOver(app.db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/lots/:id/trace',
    { config: staff, schema: { tags, summary: 'Every agency a lot went to (or is held for)', params: IdParamsSchema, response: { 200: ref(TraceSchema), ...problems(401, 403, 404) } } },
    async (request) => {
      const actor = requireActor(request);
      if (!findLotInFoodBank(app.db, actor.foodBankId, request.params.id)) throw notFound('Lot');
      return { items: traceLot(app.db, actor.foodBankId, request.params.id) };
    },
  );
};
export default routes;
