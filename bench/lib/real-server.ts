import path from 'node:path';
import type { BenchContext } from '../types.js';
import { startProcess, type RunningServer } from './processes.js';

export const BENCH_ADMIN = { email: 'bench@foodbank.local', password: 'bench-password-1234' };

/** The product itself (`server/main.ts`) on the suite's database, signed in as its first admin. */
export async function startRealServer(context: BenchContext): Promise<RunningServer & { accessToken: string }> {
  const server = await startProcess(
    'server/main.ts',
    {
      DATA_DIR: context.dataDir,
      WEB_DIST_DIR: context.webDistDir,
      PORT: '0',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    /running at (http:\/\/\S+)\//,
    path.join(context.dataDir, 'server.log'),
  );
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { ...server, accessToken };
}
