import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { ensureWebBuilt } from './lib/web-build.js';
import { ensureFirstFoodBank } from './services/bootstrap.js';

/**
 * Builds the web app if needed, opens the database, makes sure a first food bank and admin exist,
 * listens, and shuts down gracefully on SIGTERM/SIGINT: in-flight requests finish, then the
 * database is checkpointed and closed.
 */
export async function startServer(
  config: Config,
  prepare?: (app: FastifyInstance) => Promise<string[]>,
): Promise<FastifyInstance> {
  await ensureWebBuilt(config.webDistDir, (message) => console.log(message));
  const app = await buildApp(config);

  const notes: string[] = prepare ? await prepare(app) : [];
  const firstRun = await ensureFirstFoodBank(app.db, {
    foodBankName: config.foodBankName,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (firstRun) {
    notes.push(`Created food bank "${firstRun.foodBankName}" with admin ${firstRun.adminEmail}`);
    if (firstRun.generatedPassword) {
      notes.push(`Admin password (shown once, change it after signing in): ${firstRun.generatedPassword}`);
    }
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(['', `Food bank is running at http://${shownHost}:${port}/`, `API docs: http://${shownHost}:${port}/api/docs`, `Database: ${config.databasePath}`, ...notes, ''].join('\n'));
  return app;
}
