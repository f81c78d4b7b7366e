import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems, ref } from '../schemas/common.js';
import { CreateDonorBodySchema, DonorListSchema, DonorSchema, DonorSearchQuerySchema } from '../schemas/donations.js';
import { requireActor } from '../plugins/auth.js';
import { createDonor, searchDonors } from '../services/donors.js';

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
        summary: 'Create a donor quickly at the intake desk',
        body: ref(CreateDonorBodySchema),
        response: { 201: ref(DonorSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(createDonor(app.db, requireActor(request), request.body)),
  );
};
export default routes;
