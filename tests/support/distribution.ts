import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../server/demo/dataset.js';
import { signIn } from './factories.js';

export type Headers = { authorization: string };

/** Shorthands for distribution tests on the demo: who signs in, and calls that answer JSON. */
export async function distributionActors(app: FastifyInstance) {
  const [staff, admin, sunshine, seniors, gangseo] = await Promise.all(
    ['intake@mapo.demo', 'admin@mapo.demo', 'agency@mapo.demo', 'seniors@mapo.demo', 'admin@gangseo.demo'].map(async (email) => (await signIn(app, email, DEMO_PASSWORD)).headers),
  );
  return { staff: staff!, admin: admin!, sunshine: sunshine!, seniors: seniors!, gangseo: gangseo! };
}

export function caller(app: FastifyInstance) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers?: Headers, payload?: object, extra: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...(headers ?? {}), ...extra }, ...(payload ? { payload } : method === 'GET' ? {} : { payload: {} }) });
}

/** On hand and reserved of an item across its lots, straight from the stock projection. */
export function itemStock(app: FastifyInstance, itemName: string): { onHand: number; reserved: number } {
  return app.sqlite
    .prepare(
      `select coalesce(sum(s.on_hand), 0) onHand, coalesce(sum(s.reserved), 0) reserved
       from stock_levels s join lots l on l.id = s.lot_id join items i on i.id = l.item_id where i.name = ?`,
    )
    .get(itemName) as { onHand: number; reserved: number };
}
