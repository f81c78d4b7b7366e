import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmptyBodySchema, IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CreateDonorBodySchema, DonorListSchema, DonorSchema, DonorSearchQuerySchema, UpdateDonorBodySchema } from '../schemas/donations.js';
import { requireActor } from '../plugins/auth.js';
import { changeDonor, createDonor, getDonorDetail, searchDonors } from '../services/donors.js';
import { DonorDetailSchema, DuplicateDonorsSchema, LinkCodeSchema, MergeDonorBodySchema } from '../schemas/donor-portal.js';
import { findDuplicateDonors, mergeDonor } from '../services/donor-merge.js';
import { createLinkCode } from '../services/donor-links.js';

const desk = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/donors',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'Find donors by name, phone or business number (search as you type)',
        querystring: DonorSearchQuerySchema,
        response: { 200: ref(DonorListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: searchDonors(app.db, requireActor(request), request.query.q ?? '', request.query.limit) }),
  );

  app.post(
    '/donors',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'Create a donor (quickly at the intake desk, or with contact and registration numbers)',
        description: 'A resident registration number is encrypted at rest and only ever answered masked.',
        body: ref(CreateDonorBodySchema),
        response: { 201: ref(DonorSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(createDonor(app.db, requireActor(request), request.body, app.cipher)),
  );

  app.get(
    '/donors/:id',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'One donor, with the accounts that sign in for it',
        params: IdParamsSchema,
        response: { 200: ref(DonorDetailSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => getDonorDetail(app.db, requireActor(request), request.params.id),
  );

  app.get(
    '/donors/duplicates',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'Donor records that share a phone, business number, email or name: candidates to merge',
        response: { 200: ref(DuplicateDonorsSchema), ...problems(401, 403) },
      },
    },
    async (request) => ({ groups: findDuplicateDonors(app.db, requireActor(request)) }),
  );

  app.post(
    '/donors/:id/merge',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'Merge this duplicate record into another: donations, plans and accounts move over',
        description: 'The merged record is kept (receipts issued to it are never edited) but leaves searches.',
        params: IdParamsSchema,
        body: ref(MergeDonorBodySchema),
        response: { 200: ref(DonorSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => mergeDonor(app.db, requireActor(request), request.params.id, request.body.intoDonorId),
  );

  app.post(
    '/donors/:id/link-codes',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'A one-time code the donor enters to link their own account to this record (valid 14 days)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 201: ref(LinkCodeSchema), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(createLinkCode(app.db, requireActor(request), request.params.id)),
  );

  app.patch(
    '/donors/:id',
    {
      config: desk,
      schema: {
        tags: ['donors'],
        summary: 'Change a donor’s contact, registration numbers, consents or notes',
        params: IdParamsSchema,
        body: ref(UpdateDonorBodySchema),
        response: { 200: ref(DonorSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => changeDonor(app.db, requireActor(request), request.params.id, request.body, app.cipher),
  );
};
export default routes;
