import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CreateDonorBodySchema, DonorListSchema, DonorSchema, DonorSearchQuerySchema, UpdateDonorBodySchema } from '../schemas/donations.js';
import { requireActor } from '../plugins/auth.js';
import { changeDonor, createDonor, getDonor, searchDonors } from '../services/donors.js';

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
    async (request) => ({ items: searchDonors(app.db, requireActor(request), request.query.q, request.query.limit) }),
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
      schema: { tags: ['donors'], summary: 'One donor', params: IdParamsSchema, response: { 200: ref(DonorSchema), ...problems(401, 403, 404) } },
    },
    async (request) => getDonor(app.db, requireActor(request), request.params.id),
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
