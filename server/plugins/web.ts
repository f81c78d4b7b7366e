import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { problem, sendProblem } from './errors.js';

/**
 * Serves the built Svelte app at `/` and falls back to index.html for client-side routes. Unknown
 * API paths (and everything, when the app is not built) answer with a problem+json 404.
 */
export default fp<{ webDistDir: string }>(
  async (app, { webDistDir }) => {
    const hasWeb = existsSync(path.join(webDistDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: webDistDir,
        wildcard: false,
        index: false,
        setHeaders(reply, filePath) {
          // Vite puts a content hash in every asset name, so assets can be cached for good.
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }

    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const wantsPage = request.method === 'GET' || request.method === 'HEAD';
      // Files under dist are routes of their own (wildcard: false); any other page path is an app route.
      if (hasWeb && wantsPage && !pathname.startsWith('/api')) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return sendProblem(
        reply,
        problem(request, 404, 'route_not_found', `No route for ${request.method} ${pathname}`),
      );
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
