import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  AnnualReceiptBodySchema,
  IssueReceiptBodySchema,
  ReceiptListQuerySchema,
  ReceiptListSchema,
  ReceiptSchema,
  ReceiptSettingsSchema,
  RegisterQuerySchema,
  UpdateReceiptSettingsBodySchema,
  VoidReceiptBodySchema,
  YearEndListSchema,
  YearQuerySchema,
} from '../schemas/receipts.js';
import { donorIdsMergedInto } from '../db/repositories/donors.js';
import { registerCsv, registerXlsx } from '../lib/register-export.js';
import { requireActor } from '../plugins/auth.js';
import { getReceiptSettings, updateReceiptSettings } from '../services/receipt-settings.js';
import {
  getReceipt,
  issueAnnualReceipt,
  issueDonationReceipt,
  listReceipts,
  registerRows,
  reissueReceipt,
  voidReceipt,
  yearEndDonors,
} from '../services/receipts.js';
import { pdfResponse, sendDownload, sendReceiptPdf } from './downloads.js';

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
    async (request) => {
      const { donorId, year } = request.query;
      // A donor's receipts include those issued to records since merged into it.
      const donorIds = donorId ? donorIdsMergedInto(app.db, donorId) : undefined;
      return { items: listReceipts(app.db, requireActor(request), { ...(donorIds ? { donorIds } : {}), ...(year ? { year } : {}), limit: 500 }) };
    },
  );

  app.get(
    '/receipts/register',
    {
      config: staff,
      schema: {
        tags: ['receipts'],
        summary: 'Export the issue register (기부자별 발급명세) as CSV or XLSX',
        querystring: RegisterQuerySchema,
        response: {
          200: {
            description: 'Every receipt issued, voided and reissued, oldest first',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { year, format } = request.query;
      const rows = registerRows(app.db, requireActor(request), year);
      const name = `receipt-register-${year ?? 'all'}.${format}`;
      if (format === 'csv') return sendDownload(reply, { type: 'text/csv; charset=utf-8', name, body: registerCsv(rows) });
      return sendDownload(reply, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, body: await registerXlsx(rows) });
    },
  );

  app.get(
    '/receipts/year-end',
    {
      config: staff,
      schema: {
        tags: ['receipts'],
        summary: 'Donors with completed donations in the year and no receipt for them yet',
        querystring: YearQuerySchema,
        response: { 200: ref(YearEndListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ year: request.query.year, items: yearEndDonors(app.db, requireActor(request), request.query.year) }),
  );

  app.get(
    '/receipts/:id/pdf',
    {
      config: staff,
      schema: { tags: ['receipts'], summary: 'The receipt as a PDF (A4, laid out like the statutory form)', params: IdParamsSchema, response: { 200: pdfResponse, ...problems(401, 403, 404) } },
    },
    async (request, reply) => sendReceiptPdf(app, reply, requireActor(request), request.params.id),
  );

  app.get(
    '/receipt-settings',
    {
      config: staff,
      schema: { tags: ['receipts'], summary: 'What receipts print about your food bank', response: { 200: ref(ReceiptSettingsSchema), ...problems(401, 403) } },
    },
    async (request) => getReceiptSettings(app.db, requireActor(request)),
  );

  app.patch(
    '/receipt-settings',
    {
      config: admin,
      schema: {
        tags: ['receipts'],
        summary: 'Set what future receipts print about your food bank (issued receipts keep what they printed)',
        body: ref(UpdateReceiptSettingsBodySchema),
        response: { 200: ref(ReceiptSettingsSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => updateReceiptSettings(app.db, requireActor(request), request.body),
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
