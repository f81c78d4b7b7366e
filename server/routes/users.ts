import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UserSchema } from '../schemas/auth.js';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CreatedUserSchema, CreateUserBodySchema, UpdateUserBodySchema, UserListSchema } from '../schemas/users.js';
import { requireActor } from '../plugins/auth.js';
import { createUser, getUser, listUsers, updateUserAccess } from '../services/users.js';

const adminOnly = { access: ['admin'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Users of your food bank',
        response: { 200: ref(UserListSchema), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: listUsers(app.db, requireActor(request)) }),
  );

  app.post(
    '/users',
    {
      config: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Create a user in your food bank',
        description: 'Without a password a temporary one is generated, returned once, and must be changed at first sign-in.',
        body: ref(CreateUserBodySchema),
        response: { 201: ref(CreatedUserSchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/users/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'One user of your food bank',
        params: IdParamsSchema,
        response: { 200: ref(UserSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => getUser(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['users'],
        summary: 'Rename, change the role of, disable or re-enable a user',
        description: 'Disabling a user revokes all their sessions at once.',
        params: IdParamsSchema,
        body: ref(UpdateUserBodySchema),
        response: { 200: ref(UserSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateUserAccess(app.db, requireActor(request), request.params.id, request.body),
  );
};
export default routes;
