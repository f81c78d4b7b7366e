import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../plugins/auth.js';
import { EmptyBodySchema, IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  AdjustRoundBodySchema,
  MatchingRoundListSchema,
  MatchingRoundSchema,
  MatchingSettingsSchema,
  RunRoundBodySchema,
  UpdateMatchingSettingsBodySchema,
} from '../schemas/matching.js';
import { matchingSettings, updateMatchingSettings } from '../services/matching-settings.js';
import { adjustRound, confirmRound, discardRound, getRound, listMatchingRounds, runRound } from '../services/matching-rounds.js';

const staff = { access: ['admin', 'staff'] as const };
const tags = ['matching'];

/** Distribution rounds: propose fairly, review the fill rates, adjust, then confirm (reserve). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/matching-rounds',
    { config: staff, schema: { tags, summary: 'Past and proposed rounds with their fairness', response: { 200: ref(MatchingRoundListSchema), ...problems(401, 403) } } },
    async (request) => ({ items: listMatchingRounds(app.db, requireActor(request)) }),
  );

  app.post(
    '/matching-rounds',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Run a round over every open request and the stock free today; nothing is reserved yet',
        body: ref(RunRoundBodySchema),
        response: { 201: ref(MatchingRoundSchema), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(runRound(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/matching-settings',
    {
      config: staff,
      schema: { tags, summary: 'The base share and priority weights a round uses unless chosen otherwise', response: { 200: ref(MatchingSettingsSchema), ...problems(401, 403) } },
    },
    async (request) => matchingSettings(app.db, requireActor(request)),
  );

  app.patch(
    '/matching-settings',
    {
      config: { access: ['admin'] as const },
      schema: {
        tags,
        summary: 'Set the food bank’s base share and priority weights (the Korean defaults are 1; 4, 3, 2, 1)',
        body: ref(UpdateMatchingSettingsBodySchema),
        response: { 200: ref(MatchingSettingsSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => updateMatchingSettings(app.db, requireActor(request), request.body),
  );

  app.get(
    '/matching-rounds/:id',
    { config: staff, schema: { tags, summary: 'A round: proposal, fill rates and fairness', params: IdParamsSchema, response: { 200: ref(MatchingRoundSchema), ...problems(401, 403, 404) } } },
    async (request) => getRound(app.db, requireActor(request), request.params.id),
  );

  app.put(
    '/matching-rounds/:id/allocations',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Adjust a proposed round; a change that breaks a safety rule is refused (allocation_unsafe)',
        params: IdParamsSchema,
        body: ref(AdjustRoundBodySchema),
        response: { 200: ref(MatchingRoundSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => adjustRound(app.db, requireActor(request), request.params.id, request.body.allocations),
  );

  app.post(
    '/matching-rounds/:id/confirm',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Confirm: reserve every line in one transaction (round_stale if stock or requests changed since)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: ref(MatchingRoundSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => confirmRound(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/matching-rounds/:id/discard',
    {
      config: staff,
      schema: { tags, summary: 'Discard a proposed round', params: IdParamsSchema, body: EmptyBodySchema, response: { 200: ref(MatchingRoundSchema), ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => discardRound(app.db, requireActor(request), request.params.id),
  );
};
export default routes;
