import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Every log line the app wrote, for tests that check what is (not) logged. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * A real app on a real SQLite file in a fresh temporary directory. The web app is not served
 * unless `webDistDir` is given.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extend?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'foodbank-test-'));
  const config = loadConfig({
    DATA_DIR: dir,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: path.join(dir, 'no-web'),
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp(config, { logStream, ...(extend ? { extend } : {}) });
  await app.ready();
  return {
    app,
    config,
    logs,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
