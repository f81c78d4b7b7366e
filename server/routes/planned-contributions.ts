import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../plugins/auth.js';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { CancelPlanBodySchema, PlannedContributionListSchema, PlannedContributionSchema, PlannedListQuerySchema } from '../schemas/planned-contributions.js';
import { cancelPlan, getPlan, listPlans } from '../services/planned-contributions.js';

const desk = { access: ['admin', 'staff'] as const };

/** The desk's side of planned contributions: what donors said they will bring. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/planned-contributions',
    {
      config: desk,
      schema: {
        tags: ['planned contributions'],
        summary: 'Planned contributions, expected soonest first when filtered by status planned',
        querystring: PlannedListQuerySchema,
        response: { 200: ref(PlannedContributionListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { donorId, ...filters } = request.query;
      return { items: listPlans(app.db, requireActor(request), { ...filters, ...(donorId ? { donorIds: [donorId] } : {}) }) };
    },
  );

  app.get(
    '/planned-contributions/:id',
    {
      config: desk,
      schema: { tags: ['planned contributions'], summary: 'One planned contribution', params: IdParamsSchema, response: { 200: ref(PlannedContributionSchema), ...problems(401, 403, 404) } },
    },
    async (request) => getPlan(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/planned-contributions/:id/cancel',
    {
      config: desk,
      schema: {
        tags: ['planned contributions'],
        summary: 'Cancel a planned contribution that will not come (say why)',
        params: IdParamsSchema,
        body: ref(CancelPlanBodySchema),
        response: { 200: ref(PlannedContributionSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelPlan(app.db, requireActor(request), request.params.id, request.body.reason),
  );
};
export default routes;
