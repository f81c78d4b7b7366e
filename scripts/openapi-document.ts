import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';

/** The OpenAPI document exactly as the server serves it, built on a throwaway database. */
export async function openapiDocument(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'foodbank-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', WEB_DIST_DIR: path.join(dir, 'no-web') });
    const app = await buildApp(config);
    await app.ready();
    const document = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
