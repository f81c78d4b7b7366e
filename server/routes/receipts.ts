import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { AnnualReceiptBodySchema, IssueReceiptBodySchema, ReceiptListQuerySchema, ReceiptListSchema, ReceiptSchema, VoidReceiptBodySchema } from '../schemas/receipts.js';
import { requireActor } from '../plugins/auth.js';
import { getReceipt, issueAnnualReceipt, issueDonationReceipt, listReceipts, reissueReceipt, voidReceipt } from '../services/receipts.js';

const staff = { access: ['admin', 'staff'] as const };
const admin = { access: ['admin'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/donations/:id/receipt',
    {
      config: staff,
      schema: {
        tags: ['receipts'],
        summary: 'Issue the receipt of a completed donation (asking again answers with the same receipt)',
        params: IdParamsSchema,
        body: ref(IssueReceiptBodySchema),
        response: { 200: ref(ReceiptSchema), 201: ref(ReceiptSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { receipt, created } = issueDonationReceipt(app.db, requireActor(request), request.params.id, request.body.form);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );

  app.post(
    '/donors/:id/annual-receipts',
    {
      config: staff,
      schema: {
        tags: ['receipts'],
        summary: 'Issue the annual consolidated receipt of a donor for a year',
        params: IdParamsSchema,
        body: ref(AnnualReceiptBodySchema),
        response: { 200: ref(ReceiptSchema), 201: ref(ReceiptSchema), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { receipt, created } = issueAnnualReceipt(app.db, requireActor(request), request.params.id, request.body.year, request.body.form);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/receipts',
    {
      config: staff,
      schema: {
        tags: ['receipts'],
        summary: 'The issue register (기부자별 발급명세): receipts issued, voided and reissued',
        querystring: ReceiptListQuerySchema,
        response: { 200: ref(ReceiptListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listReceipts(app.db, requireActor(request), request.query) }),
  );

  app.get(
    '/receipts/:id',
    { config: staff, schema: { tags: ['receipts'], summary: 'One receipt', params: IdParamsSchema, response: { 200: ref(ReceiptSchema), ...problems(401, 403, 404) } } },
    async (request) => getReceipt(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/receipts/:id/void',
    {
      config: admin,
      schema: {
        tags: ['receipts'],
        summary: 'Void a receipt with a reason; its serial stays used',
        params: IdParamsSchema,
        body: ref(VoidReceiptBodySchema),
        response: { 200: ref(ReceiptSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => voidReceipt(app.db, requireActor(request), request.params.id, request.body.reason),
  );

  app.post(
    '/receipts/:id/reissue',
    {
      config: admin,
      schema: {
        tags: ['receipts'],
        summary: 'Reissue a voided receipt under a new serial that refers to it',
        params: IdParamsSchema,
        response: { 201: ref(ReceiptSchema), ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(reissueReceipt(app.db, requireActor(request), request.params.id)),
  );
};
export default routes;
