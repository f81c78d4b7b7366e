import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { traceAgency } from '../db/repositories/trace.js';
import { requireActor } from '../plugins/auth.js';
import { MyAgencySchema, UpdateAgencyBodySchema } from '../schemas/agencies.js';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  AllocationRequestListSchema,
  AllocationRequestSchema,
  ConfirmReceiptBodySchema,
  ReasonBodySchema,
  RequestableSchema,
  RequestBodySchema,
  MyRequestListQuerySchema,
  RequestPreviewSchema,
  SubmitRequestBodySchema,
  TraceSchema,
} from '../schemas/requests.js';
import { getMyAgency, ownAgency, updateAgency } from '../services/agencies.js';
import {
  cancelRequest,
  confirmReceipt,
  createRequest,
  getRequest,
  listRequests,
  previewRequest,
  replaceDraftRequest,
  requestable,
  submitRequest,
} from '../services/requests.js';

/** The partner agency's own pages: every answer is limited to the agency the user belongs to. */
const agency = { access: ['agency'] as const };
const tags = ['agency portal'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/agency',
    { config: agency, schema: { tags, summary: 'Your agency and its status', response: { 200: ref(MyAgencySchema), ...problems(401, 403) } } },
    async (request) => getMyAgency(app.db, requireActor(request)),
  );

  app.patch(
    '/me/agency',
    {
      config: agency,
      schema: { tags, summary: 'Keep your agency’s contacts, storage and people served up to date', body: ref(UpdateAgencyBodySchema), response: { 200: ref(MyAgencySchema), ...problems(400, 401, 403, 409) } },
    },
    async (request) => {
      const actor = requireActor(request);
      updateAgency(app.db, actor, ownAgency(app.db, actor).id, request.body);
      return getMyAgency(app.db, actor);
    },
  );

  app.get(
    '/me/requestable',
    { config: agency, schema: { tags, summary: 'Items and categories you can ask for, with a hint of availability', response: { 200: ref(RequestableSchema), ...problems(401, 403) } } },
    async (request) => requestable(app.db, requireActor(request)),
  );

  app.get(
    '/me/requests',
    {
      config: agency,
      schema: { tags, summary: 'Your agency’s requests, newest first', querystring: MyRequestListQuerySchema, response: { 200: ref(AllocationRequestListSchema), ...problems(400, 401, 403, 409) } },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: listRequests(app.db, actor, { ...request.query, agencyId: ownAgency(app.db, actor).id }) };
    },
  );

  app.post(
    '/me/requests/preview',
    {
      config: agency,
      schema: {
        tags,
        summary: 'The confirmation step: lines as they will be kept (duplicates merged) and quantities far above your usual',
        body: ref(RequestBodySchema),
        response: { 200: ref(RequestPreviewSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request) => previewRequest(app.db, requireActor(request), request.body),
  );

  app.post(
    '/me/requests',
    {
      config: { ...agency, idempotent: true },
      schema: {
        tags,
        summary: 'Ask for items or categories by a day; kept as a draft or submitted at once',
        description: 'A quantity far above your usual is refused (unusual_quantity) until confirmUnusual is set. Send an Idempotency-Key header.',
        body: ref(RequestBodySchema),
        response: { 201: ref(AllocationRequestSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(createRequest(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/me/requests/:id',
    { config: agency, schema: { tags, summary: 'One of your requests', params: IdParamsSchema, response: { 200: ref(AllocationRequestSchema), ...problems(401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      return getRequest(app.db, actor, request.params.id, ownAgency(app.db, actor).id);
    },
  );

  app.put(
    '/me/requests/:id',
    {
      config: agency,
      schema: { tags, summary: 'Replace a draft request', params: IdParamsSchema, body: ref(RequestBodySchema), response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409, 422) } },
    },
    async (request) => replaceDraftRequest(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/me/requests/:id/submit',
    {
      config: agency,
      schema: { tags, summary: 'Submit a draft request', params: IdParamsSchema, body: ref(SubmitRequestBodySchema), response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409, 422) } },
    },
    async (request) => submitRequest(app.db, requireActor(request), request.params.id, request.body.confirmUnusual),
  );

  app.post(
    '/me/requests/:id/cancel',
    {
      config: agency,
      schema: { tags, summary: 'Cancel a request with a reason; anything held for it is released', params: IdParamsSchema, body: ref(ReasonBodySchema), response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => cancelRequest(app.db, requireActor(request), request.params.id, request.body.reason, true),
  );

  app.post(
    '/me/requests/:id/confirm-receipt',
    {
      config: agency,
      schema: {
        tags,
        summary: 'Confirm what arrived, reporting shortfalls and damage per line',
        params: IdParamsSchema,
        body: ref(ConfirmReceiptBodySchema),
        response: { 200: ref(AllocationRequestSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => confirmReceipt(app.db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/me/received',
    { config: agency, schema: { tags, summary: 'Every lot your agency received or has held for it', response: { 200: ref(TraceSchema), ...problems(401, 403, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      return { items: traceAgency(app.db, actor.foodBankId, ownAgency(app.db, actor).id) };
    },
  );
};
export default routes;
