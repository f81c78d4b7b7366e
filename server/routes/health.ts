import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ref } from '../schemas/common.js';
import { HealthSchema } from '../schemas/health.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database status',
        response: { 200: ref(HealthSchema), 503: ref(HealthSchema) },
      },
    },
    async (_request, reply) => {
      let database: 'ok' | 'unavailable' = 'ok';
      try {
        app.sqlite.prepare('select 1').get();
      } catch {
        database = 'unavailable';
      }
      const body = {
        status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
        database,
        uptimeSeconds: Math.floor(process.uptime()),
      };
      return reply.status(database === 'ok' ? 200 : 503).send(body);
    },
  );
};
export default routes;
