import { openDatabase } from '../../server/db/client.js';
import { findUserByEmail } from '../../server/db/repositories/users.js';
import { findCategoryByName } from '../../server/db/repositories/catalog.js';
import { donors, items, locations } from '../../server/db/schema.js';
import { addDays, today } from '../../server/lib/dates.js';
import { createDonation } from '../../server/services/donations.js';
import { measure } from '../lib/load.js';
import { BENCH_ADMIN, startRealServer } from '../lib/real-server.js';
import type { BenchContext, SuiteResult } from '../types.js';

/**
 * Completing a 5-line donation through the API (HTTP, auth, validation, JSON) against the same
 * writes through the service and database layer in-process, without HTTP, in the same run.
 */
export async function intakeSuite(context: BenchContext): Promise<SuiteResult> {
  const server = await startRealServer(context);
  const databasePath = `${context.dataDir}/foodbank.db`;
  let body: string;
  {
    // Seed a catalog beside the running server (WAL lets both open the file).
    const { db } = openDatabase(databasePath);
    const foodBankId = findUserByEmail(db, BENCH_ADMIN.email)!.foodBankId;
    // The first food bank starts with the default categories.
    const category = findCategoryByName(db, foodBankId, '면류')!.id;
    const shelf = db.insert(locations).values({ foodBankId, warehouse: '본관', name: 'A-1', nameKey: 'a-1', zone: 'ambient' }).returning().get().id;
    const donorId = db.insert(donors).values({ foodBankId, kind: 'organisation', name: '(주)벤치식품' }).returning().get().id;
    const itemIds = ['신라면', '진라면', '너구리', '짜파게티', '안성탕면'].map(
      (name) => db.insert(items).values({ foodBankId, name, nameKey: name, categoryId: category, unit: '개', defaultZone: 'ambient', defaultUnitValue: 900 }).returning().get().id,
    );
    body = JSON.stringify({
      donorId,
      receivedOn: today(),
      channel: 'corporate_delivery',
      complete: true,
      lines: itemIds.map((itemId, i) => ({ itemId, quantity: 24 * (i + 1), dateLabel: addDays(today(), 180), locationId: shelf })),
    });
  }

  let api;
  try {
    api = await measure({
      name: 'POST /api/donations (5 lines, complete)',
      url: `${server.url}/api/donations`,
      method: 'POST',
      headers: { authorization: `Bearer ${server.accessToken}`, 'content-type': 'application/json' },
      body,
      durationSeconds: context.durationSeconds,
      connections: 4,
    });
  } finally {
    await server.stop();
  }
  if (api.non2xx > 0 || api.errors > 0) throw new Error(`intake failed during the run: ${JSON.stringify(api)}`);

  const handle = openDatabase(databasePath);
  const admin = findUserByEmail(handle.db, BENCH_ADMIN.email)!;
  const actor = { userId: admin.id, foodBankId: admin.foodBankId, role: admin.role };
  const input = JSON.parse(body);
  let done = 0;
  const until = performance.now() + context.durationSeconds * 1000;
  while (performance.now() < until) {
    createDonation(handle.db, actor, input);
    done++;
  }
  handle.close();
  const direct = { name: 'createDonation in-process (same writes)', requestsPerSecond: Math.round(done / context.durationSeconds) };
  return {
    measurements: [api, direct],
    ratios: [{ name: 'intake via API ÷ direct', value: api.requestsPerSecond / direct.requestsPerSecond, target: 0.4 }],
  };
}
