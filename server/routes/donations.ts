import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CorrectionBodySchema, DonationBodySchema, DonationListQuerySchema, DonationListSchema, DonationSchema } from '../schemas/donations.js';
import { requireActor } from '../plugins/auth.js';
import { correctDonation, completeDonation, createDonation, getDonation, listDonations, replaceDraft } from '../services/donations.js';

const desk = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/donations',
    {
      config: desk,
      schema: {
        tags: ['donations'],
        summary: 'Donations of your food bank, newest first',
        querystring: DonationListQuerySchema,
        response: { 200: ref(DonationListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listDonations(app.db, requireActor(request), request.query) }),
  );

  app.post(
    '/donations',
    {
      config: { ...desk, idempotent: true },
      schema: {
        tags: ['donations'],
        summary: 'Record a donation as a draft, or complete it at once',
        description:
          'Send an Idempotency-Key header: a retry with the same key answers with the first result instead of recording the donation twice.',
        body: ref(DonationBodySchema),
        response: { 201: ref(DonationSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(createDonation(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/donations/:id',
    {
      config: desk,
      schema: {
        tags: ['donations'],
        summary: 'One donation with its lines and lots',
        params: IdParamsSchema,
        response: { 200: ref(DonationSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => getDonation(app.db, requireActor(request), request.params.id),
  );

  app.put(
    '/donations/:id',
    {
      config: desk,
      schema: {
        tags: ['donations'],
        summary: 'Replace a draft donation (header and lines)',
        params: IdParamsSchema,
        body: ref(DonationBodySchema),
        response: { 200: ref(DonationSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => replaceDraft(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/donations/:id/complete',
    {
      config: desk,
      schema: {
        tags: ['donations'],
        summary: 'Complete a draft: lots are created at their locations and stock moves',
        description: 'Completing an already completed donation changes nothing and returns it as it is.',
        params: IdParamsSchema,
        response: { 200: ref(DonationSchema), ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => completeDonation(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/donations/:id/corrections',
    {
      config: desk,
      schema: {
        tags: ['donations'],
        summary: 'Correct a completed donation: its lines are reversed in the ledger and the corrected lines applied',
        description: 'Refused with the facts when part of a lot has already left its location.',
        params: IdParamsSchema,
        body: ref(CorrectionBodySchema),
        response: { 200: ref(DonationSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => correctDonation(app.db, requireActor(request), request.params.id, request.body),
  );
};
export default routes;
