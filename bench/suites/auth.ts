import path from 'node:path';
import { compare, measure } from '../lib/load.js';
import { startProcess } from '../lib/processes.js';
import { startRealServer } from '../lib/real-server.js';
import type { BenchContext, SuiteResult } from '../types.js';

/**
 * An authenticated GET /api/me on the real server (JWT verification, a user lookup in SQLite,
 * request logging) against a bare Fastify JSON route, both over HTTP in the same run.
 */
export async function authSuite(context: BenchContext): Promise<SuiteResult> {
  const bare = await startProcess('bench/bare-server.ts', {}, /listening on (http:\/\/\S+)/, path.join(context.dataDir, 'bare.log'));
  const real = await startRealServer(context);
  try {
    const { a, b } = await compare(
      context.rounds,
      () => measure({ name: 'bare Fastify JSON route', url: `${bare.url}/`, durationSeconds: context.durationSeconds }),
      () =>
        measure({
          name: 'authenticated GET /api/me',
          url: `${real.url}/api/me`,
          headers: { authorization: `Bearer ${real.accessToken}` },
          durationSeconds: context.durationSeconds,
        }),
    );
    if (b.non2xx > 0 || b.errors > 0) throw new Error(`GET /api/me failed during the run: ${JSON.stringify(b)}`);
    return {
      measurements: [a, b],
      ratios: [{ name: 'authenticated /api/me ÷ bare route', value: b.requestsPerSecond / a.requestsPerSecond, target: 0.5 }],
    };
  } finally {
    await Promise.all([bare.stop(), real.stop()]);
  }
}
