import path from 'node:path';
import { compare, measure } from '../lib/load.js';
import { startProcess } from '../lib/processes.js';
import type { BenchContext, SuiteResult } from '../types.js';

/**
 * An authenticated GET /api/me on the real server (JWT verification, a user lookup in SQLite,
 * request logging) against a bare Fastify JSON route, both over HTTP in the same run.
 */
export async function authSuite(context: BenchContext): Promise<SuiteResult> {
  const bare = await startProcess(
    'bench/bare-server.ts',
    {},
    /listening on (http:\/\/\S+)/,
    path.join(context.dataDir, 'bare.log'),
  );
  const real = await startProcess(
    'server/main.ts',
    {
      DATA_DIR: context.dataDir,
      WEB_DIST_DIR: context.webDistDir,
      PORT: '0',
      ADMIN_EMAIL: 'bench@foodbank.local',
      ADMIN_PASSWORD: 'bench-password-1234',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    /running at (http:\/\/\S+)\//,
    path.join(context.dataDir, 'server.log'),
  );
  try {
    const login = await fetch(`${real.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@foodbank.local', password: 'bench-password-1234' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const { a, b } = await compare(
      context.rounds,
      () => measure({ name: 'bare Fastify JSON route', url: `${bare.url}/`, durationSeconds: context.durationSeconds }),
      () =>
        measure({
          name: 'authenticated GET /api/me',
          url: `${real.url}/api/me`,
          headers: { authorization: `Bearer ${accessToken}` },
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
