import type Database from 'better-sqlite3';

// Plain SQL on purpose: these run over the whole ledger as one statement, outside any request.

export interface ProjectionDifference {
  lotId: number;
  locationId: number;
  ledger: number;
  projection: number;
}

// Every (lot, location) either side has, with the ledger's sum and the projection's on-hand.
const COMPARE = `
  with ledger as (
    select lot_id, location_id, sum(quantity) as quantity
    from stock_movements group by lot_id, location_id
  )
  select lot_id as lotId, location_id as locationId, ledger, projection from (
    select l.lot_id, l.location_id, l.quantity as ledger, coalesce(s.on_hand, 0) as projection
    from ledger l left join stock_levels s on s.lot_id = l.lot_id and s.location_id = l.location_id
    union all
    select s.lot_id, s.location_id, 0, s.on_hand
    from stock_levels s
    where not exists (select 1 from stock_movements m where m.lot_id = s.lot_id and m.location_id = s.location_id)
  ) where ledger <> projection
  order by lot_id, location_id`;

/** Rebuilds current stock from the ledger and reports every place the projection disagrees. */
export function verifyProjection(sqlite: Database.Database): ProjectionDifference[] {
  return sqlite.prepare(COMPARE).all() as ProjectionDifference[];
}

/**
 * Replaces the projection's on-hand quantities with the ledger's sums, in one transaction.
 * Reservations are kept: they are not ledger movements.
 */
export function rebuildProjection(sqlite: Database.Database): number {
  return sqlite.transaction(() => {
    const differences = verifyProjection(sqlite);
    sqlite
      .prepare(
        `delete from stock_levels where reserved = 0 and not exists
           (select 1 from stock_movements m where m.lot_id = stock_levels.lot_id and m.location_id = stock_levels.location_id)`,
      )
      .run();
    sqlite
      .prepare(
        `insert into stock_levels (food_bank_id, lot_id, location_id, on_hand, reserved)
         select food_bank_id, lot_id, location_id, sum(quantity), 0 from stock_movements group by food_bank_id, lot_id, location_id
         on conflict (lot_id, location_id) do update set on_hand = excluded.on_hand`,
      )
      .run();
    return differences.length;
  }).immediate();
}
