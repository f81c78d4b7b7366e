import path from 'node:path';
import { openDatabase } from '../../server/db/client.js';
import { stockByItem } from '../../server/db/repositories/stock-views.js';
import type { BenchContext, SuiteResult } from '../types.js';

const LIVE_LOTS = 2_000;
const ITEMS = 300;

/**
 * Builds a food bank whose current stock is the same (2,000 lots on hand) but whose history is
 * `ledgerRows` long: old lots that came and went fully, plus movements of the live ones.
 */
function seed(file: string, ledgerRows: number) {
  const handle = openDatabase(file);
  const { sqlite } = handle;
  const consumedLots = Math.max(0, Math.floor((ledgerRows - LIVE_LOTS * 4) / 2));
  sqlite.transaction(() => {
    sqlite.exec(`
      insert into food_banks (name, tier) values ('벤치푸드뱅크', 'local');
      insert into users (food_bank_id, email, name, role, password_hash) values (1, 'b@x', 'b', 'staff', 'x');
      insert into categories (food_bank_id, name, kind) values (1, '면류', 'food');
      insert into locations (food_bank_id, warehouse, name, name_key, zone) values (1, '본관', 'A', 'a', 'ambient'), (1, '본관', 'B', 'b', 'ambient');`);
    sqlite.prepare(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
      insert into items (food_bank_id, name, name_key, category_id, unit, default_zone) select 1, '품목' || i, 'item' || i, 1, '개', 'ambient' from n`).run(ITEMS);
    const lots = LIVE_LOTS + consumedLots;
    sqlite.prepare(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
      insert into lots (food_bank_id, item_id, date_label_kind, date_label, zone, unit_value, received_on)
      select 1, 1 + i % ${ITEMS}, 'use_by', date('2026-01-01', '+' || (i % 700) || ' days'), 'ambient', 900, '2025-01-01' from n`).run(lots);
    // Consumed lots: in and out again (2 rows each), leaving a zero in the projection.
    sqlite.prepare(`insert into stock_movements (food_bank_id, lot_id, location_id, quantity, reason, document_type, document_id, actor_user_id)
      select 1, id, 1, 10, 'intake', 'donation', id, 1 from lots where id > ?`).run(LIVE_LOTS);
    sqlite.prepare(`insert into stock_movements (food_bank_id, lot_id, location_id, quantity, reason, document_type, document_id, actor_user_id)
      select 1, id, 1, -10, 'handover', 'handover', id, 1 from lots where id > ?`).run(LIVE_LOTS);
    sqlite.prepare(`insert into stock_levels (food_bank_id, lot_id, location_id, on_hand) select 1, id, 1, 0 from lots where id > ?`).run(LIVE_LOTS);
    // Live lots: intake, a transfer out and in, and a disposal (4 rows each).
    for (const [location, quantity, reason] of [[1, 50, 'intake'], [1, -10, 'transfer_out'], [2, 10, 'transfer_in'], [1, -5, 'disposal']] as const) {
      sqlite.prepare(`insert into stock_movements (food_bank_id, lot_id, location_id, quantity, reason, document_type, document_id, actor_user_id)
        select 1, id, ?, ?, ?, 'bench', id, 1 from lots where id <= ?`).run(location, quantity, reason, LIVE_LOTS);
    }
    sqlite.prepare(`insert into stock_levels (food_bank_id, lot_id, location_id, on_hand) select 1, id, 1, 35 from lots where id <= ?`).run(LIVE_LOTS);
    sqlite.prepare(`insert into stock_levels (food_bank_id, lot_id, location_id, on_hand) select 1, id, 2, 10 from lots where id <= ?`).run(LIVE_LOTS);
  })();
  sqlite.exec('analyze');
  return handle;
}

function p50Microseconds(file: string, ledgerRows: number, runs: number) {
  const handle = seed(file, ledgerRows);
  const rows = (handle.sqlite.prepare('select count(*) n from stock_movements').get() as { n: number }).n;
  for (let i = 0; i < 20; i++) stockByItem(handle.db, 1, {});
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    items = stockByItem(handle.db, 1, {}).length;
    times.push(performance.now() - start);
  }
  handle.close();
  times.sort((a, b) => a - b);
  return { ledgerRows: rows, items, p50: Math.round(times[Math.floor(runs / 2)]! * 1000) };
}

/** The stock-by-item query reads the projection, so its latency should not follow the ledger's length. */
export async function stockLookupSuite(context: BenchContext): Promise<SuiteResult> {
  const runs = 200;
  const small = p50Microseconds(path.join(context.dataDir, 'small.db'), 10_000, runs);
  const large = p50Microseconds(path.join(context.dataDir, 'large.db'), 1_000_000, runs);
  return {
    measurements: [
      { name: 'stock by item, 10k ledger rows', ledgerRows: small.ledgerRows, items: small.items, p50Us: small.p50 },
      { name: 'stock by item, 1M ledger rows', ledgerRows: large.ledgerRows, items: large.items, p50Us: large.p50 },
    ],
    ratios: [{ name: 'p50 at 1M ÷ p50 at 10k ledger rows', value: large.p50 / small.p50, target: 1.5, atMost: true }],
  };
}
