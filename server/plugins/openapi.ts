import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/**
 * Builds the OpenAPI 3 document from the route schemas. Shared schemas keep their `$id` as the
 * component name (User, Problem, …) instead of def-0, def-1.
 */
export default fp(
  async (app, { version }: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '푸드뱅크 API (Food bank API)',
          description: 'Intake, warehouse, donors, agencies and distribution for a Korean food bank.',
          version,
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  },
  { name: 'openapi' },
);
