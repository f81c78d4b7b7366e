import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CreateLocationBodySchema, LocationListQuerySchema, LocationListSchema, LocationSchema, UpdateLocationBodySchema } from '../schemas/locations.js';
import { requireActor } from '../plugins/auth.js';
import { changeLocation, createLocation, listLocations } from '../services/locations.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/locations',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['warehouse'],
        summary: 'Warehouse locations in walking order, with the units stored at each',
        querystring: LocationListQuerySchema,
        response: { 200: ref(LocationListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listLocations(app.db, requireActor(request), request.query) }),
  );

  app.post(
    '/locations',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['warehouse'],
        summary: 'Add a location (상온, 냉장 or 냉동)',
        body: ref(CreateLocationBodySchema),
        response: { 201: ref(LocationSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(createLocation(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/locations/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['warehouse'],
        summary: 'Rename, reorder or deactivate a location; one with stock stays active',
        params: IdParamsSchema,
        body: ref(UpdateLocationBodySchema),
        response: { 200: ref(LocationSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeLocation(app.db, requireActor(request), request.params.id, request.body),
  );
};
export default routes;
