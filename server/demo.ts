import path from 'node:path';
import { loadConfig } from './config.js';
import { startServer } from './start.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo/dataset.js';
import { seedDemo } from './demo/seed.js';

// The demo runs on a database of its own so it never mixes with real records.
const dataDir = process.env.DATA_DIR || 'data';
const config = loadConfig({
  ...process.env,
  DATABASE_PATH: process.env.DEMO_DATABASE_PATH || path.join(dataDir, 'demo.db'),
});

await startServer(config, async (app) => {
  const seeded = await seedDemo(app.db, app.cipher);
  return [
    seeded ? 'Demo data created.' : 'Demo data already present.',
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...Object.entries(DEMO_LOGINS).map(([role, email]) => `  ${role.padEnd(7)} ${email}`),
  ];
});
