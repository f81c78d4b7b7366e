import fp from 'fastify-plugin';
import { openDatabase, type Db, type DatabaseHandle } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    sqlite: DatabaseHandle['sqlite'];
  }
}

/** Opens (and migrates) the database for the app's lifetime and closes it cleanly on shutdown. */
export default fp<{ databasePath: string }>(
  async (app, { databasePath }) => {
    const handle = openDatabase(databasePath);
    app.decorate('db', handle.db);
    app.decorate('sqlite', handle.sqlite);
    app.addHook('onClose', async () => handle.close());
  },
  { name: 'db' },
);
