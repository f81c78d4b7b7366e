import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../plugins/auth.js';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  CreateMyDonorBodySchema,
  DonorDonationListSchema,
  LinkDonorBodySchema,
  MyDonorSchema,
  UpdateMyDonorBodySchema,
} from '../schemas/donor-portal.js';
import { CancelPlanBodySchema, DonorCatalogSchema, PlannedContributionBodySchema, PlannedContributionListSchema, PlannedContributionSchema } from '../schemas/planned-contributions.js';
import { ReceiptListSchema, ReceiptSchema } from '../schemas/receipts.js';
import { redeemLinkCode } from '../services/donor-links.js';
import { createMyDonor, getMyDonor, myDonations, ownDonorId, ownDonorIds, updateMyDonor } from '../services/donor-portal.js';
import { cancelPlan, createPlan, donorCatalog, getPlan, listPlans } from '../services/planned-contributions.js';
import { getReceipt, listReceipts } from '../services/receipts.js';
import { pdfResponse, sendReceiptPdf } from './downloads.js';

/** The donor's own pages: every answer is limited to the record the signed-in account is linked to. */
const donor = { access: ['donor'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/donor',
    { config: donor, schema: { tags: ['donor portal'], summary: 'Your donor record, if your account is linked', response: { 200: ref(MyDonorSchema), ...problems(401, 403) } } },
    async (request) => getMyDonor(app.db, requireActor(request)),
  );

  app.post(
    '/me/donor',
    {
      config: donor,
      schema: {
        tags: ['donor portal'],
        summary: 'Start your own donor record (when the food bank keeps none for you yet)',
        body: ref(CreateMyDonorBodySchema),
        response: { 201: ref(MyDonorSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(createMyDonor(app.db, requireActor(request), request.body, app.cipher)),
  );

  app.patch(
    '/me/donor',
    {
      config: donor,
      schema: {
        tags: ['donor portal'],
        summary: 'Change your contact details, consents or registration number',
        body: ref(UpdateMyDonorBodySchema),
        response: { 200: ref(MyDonorSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => updateMyDonor(app.db, requireActor(request), request.body, app.cipher),
  );

  app.post(
    '/me/donor/link',
    {
      config: { ...donor, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['donor portal'],
        summary: 'Link your account to the donor record the food bank keeps, with the code staff gave you',
        body: ref(LinkDonorBodySchema),
        response: { 200: ref(MyDonorSchema), ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      redeemLinkCode(app.db, actor, request.body.code);
      return getMyDonor(app.db, actor);
    },
  );

  app.get(
    '/me/donations',
    {
      config: donor,
      schema: { tags: ['donor portal'], summary: 'Your completed donations with their value', response: { 200: ref(DonorDonationListSchema), ...problems(401, 403, 409) } },
    },
    async (request) => myDonations(app.db, requireActor(request)),
  );

  app.get(
    '/me/receipts',
    { config: donor, schema: { tags: ['donor portal'], summary: 'Your receipts', response: { 200: ref(ReceiptListSchema), ...problems(401, 403, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      return { items: listReceipts(app.db, actor, { donorIds: ownDonorIds(app.db, actor) }) };
    },
  );

  app.get(
    '/me/receipts/:id',
    {
      config: donor,
      schema: { tags: ['donor portal'], summary: 'One of your receipts', params: IdParamsSchema, response: { 200: ref(ReceiptSchema), ...problems(401, 403, 404, 409) } },
    },
    async (request) => {
      const actor = requireActor(request);
      return getReceipt(app.db, actor, request.params.id, ownDonorIds(app.db, actor));
    },
  );

  app.get(
    '/me/receipts/:id/pdf',
    {
      config: donor,
      schema: { tags: ['donor portal'], summary: 'Download one of your receipts as PDF', params: IdParamsSchema, response: { 200: pdfResponse, ...problems(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return sendReceiptPdf(app, reply, actor, request.params.id, ownDonorIds(app.db, actor));
    },
  );

  app.get(
    '/me/catalog',
    { config: donor, schema: { tags: ['donor portal'], summary: 'Goods the food bank accepts, to pick from when planning', response: { 200: ref(DonorCatalogSchema), ...problems(401, 403) } } },
    async (request) => ({ items: donorCatalog(app.db, requireActor(request)) }),
  );

  app.get(
    '/me/planned-contributions',
    {
      config: donor,
      schema: { tags: ['donor portal'], summary: 'Your planned contributions', response: { 200: ref(PlannedContributionListSchema), ...problems(401, 403, 409) } },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: listPlans(app.db, actor, { donorIds: [ownDonorId(app.db, actor)] }) };
    },
  );

  app.post(
    '/me/planned-contributions',
    {
      config: { ...donor, idempotent: true },
      schema: {
        tags: ['donor portal'],
        summary: 'Tell the food bank what you will bring, or want picked up, and when',
        description: 'It appears at the intake desk as expected. Send an Idempotency-Key header so a retry does not plan it twice.',
        body: ref(PlannedContributionBodySchema),
        response: { 201: ref(PlannedContributionSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(createPlan(app.db, actor, ownDonorId(app.db, actor), request.body));
    },
  );

  app.get(
    '/me/planned-contributions/:id',
    {
      config: donor,
      schema: { tags: ['donor portal'], summary: 'One of your planned contributions', params: IdParamsSchema, response: { 200: ref(PlannedContributionSchema), ...problems(401, 403, 404, 409) } },
    },
    async (request) => {
      const actor = requireActor(request);
      return getPlan(app.db, actor, request.params.id, ownDonorId(app.db, actor));
    },
  );

  app.post(
    '/me/planned-contributions/:id/cancel',
    {
      config: donor,
      schema: {
        tags: ['donor portal'],
        summary: 'Cancel a planned contribution that has not arrived',
        params: IdParamsSchema,
        body: ref(CancelPlanBodySchema),
        response: { 200: ref(PlannedContributionSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return cancelPlan(app.db, actor, request.params.id, request.body.reason, ownDonorId(app.db, actor));
    },
  );
};
export default routes;
