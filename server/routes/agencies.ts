import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { traceAgency } from '../db/repositories/trace.js';
import { requireActor, setRefreshCookie } from '../plugins/auth.js';
import {
  AgencyApplicationBodySchema,
  AgencyBodySchema,
  AgencyListQuerySchema,
  AgencyListSchema,
  AgencySchema,
  AgencyStatusBodySchema,
  AgencyUserBodySchema,
  UpdateAgencyBodySchema,
} from '../schemas/agencies.js';
import { AccessTokenSchema } from '../schemas/auth.js';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CreatedUserSchema, UserListSchema } from '../schemas/users.js';
import { TraceSchema } from '../schemas/requests.js';
import { addAgencyUser, agencyUsers, applyAsAgency, getAgency, listAgencies, registerAgency, requireAgency, setAgencyStatus, updateAgency } from '../services/agencies.js';
import { toAccessToken, toUserDto } from '../services/dto.js';
import { findUserById } from '../db/repositories/users.js';

const staff = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox<{ cookieSecure: boolean; accessTokenTtlSeconds: number; applicationsPerMinute: number }> = async (app, options) => {
  app.post(
    '/agency-applications',
    {
      config: { access: 'public', rateLimit: { max: options.applicationsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['agencies'],
        summary: 'A partner agency applies, with its first user; it can request once staff approve it',
        body: ref(AgencyApplicationBodySchema),
        response: { 201: ref(AccessTokenSchema), ...problems(400, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const session = app.auth.startSession(await applyAsAgency(app.db, request.body));
      setRefreshCookie(reply, session, options.cookieSecure);
      return reply.status(201).send(toAccessToken(session, options.accessTokenTtlSeconds));
    },
  );

  app.get(
    '/agencies',
    {
      config: staff,
      schema: { tags: ['agencies'], summary: 'Partner agencies, by status or name', querystring: AgencyListQuerySchema, response: { 200: ref(AgencyListSchema), ...problems(400, 401, 403) } },
    },
    async (request) => ({ items: listAgencies(app.db, requireActor(request), request.query) }),
  );

  app.post(
    '/agencies',
    {
      config: staff,
      schema: {
        tags: ['agencies'],
        summary: 'Register an agency the food bank knows (approved at once)',
        body: ref(AgencyBodySchema),
        response: { 201: ref(AgencySchema), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(registerAgency(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/agencies/:id',
    { config: staff, schema: { tags: ['agencies'], summary: 'One agency', params: IdParamsSchema, response: { 200: ref(AgencySchema), ...problems(401, 403, 404) } } },
    async (request) => getAgency(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/agencies/:id',
    {
      config: staff,
      schema: {
        tags: ['agencies'],
        summary: 'Change an agency’s profile, storage or people served',
        params: IdParamsSchema,
        body: ref(UpdateAgencyBodySchema),
        response: { 200: ref(AgencySchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateAgency(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/agencies/:id/status',
    {
      config: staff,
      schema: {
        tags: ['agencies'],
        summary: 'Approve (or reactivate), suspend or reject an agency; suspending and rejecting need a reason',
        params: IdParamsSchema,
        body: ref(AgencyStatusBodySchema),
        response: { 200: ref(AgencySchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => setAgencyStatus(app.db, requireActor(request), request.params.id, request.body.status, request.body.reason),
  );

  app.post(
    '/agencies/:id/users',
    {
      config: { access: ['admin'] as const },
      schema: {
        tags: ['agencies'],
        summary: 'Give an agency another user, with a temporary password shown once',
        params: IdParamsSchema,
        body: ref(AgencyUserBodySchema),
        response: { 201: ref(CreatedUserSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await addAgencyUser(app.db, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ user: toUserDto(findUserById(app.db, created.userId)!), temporaryPassword: created.temporaryPassword });
    },
  );

  app.get(
    '/agencies/:id/users',
    {
      config: staff,
      schema: { tags: ['agencies'], summary: 'The users who sign in for an agency', params: IdParamsSchema, response: { 200: ref(UserListSchema), ...problems(401, 403, 404) } },
    },
    async (request) => ({ items: agencyUsers(app.db, requireActor(request), request.params.id).map(toUserDto) }),
  );

  app.get(
    '/agencies/:id/trace',
    {
      config: staff,
      schema: { tags: ['agencies'], summary: 'Every lot the agency received or has held for it', params: IdParamsSchema, response: { 200: ref(TraceSchema), ...problems(401, 403, 404) } },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAgency(app.db, actor, request.params.id);
      return { items: traceAgency(app.db, actor.foodBankId, request.params.id) };
    },
  );
};
export default routes;
