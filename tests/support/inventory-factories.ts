import type { FastifyInstance } from 'fastify';
import { insertCategory, insertItem } from '../../server/db/repositories/catalog.js';
import { insertLocation } from '../../server/db/repositories/locations.js';
import type { CategoryRow, ItemRow, LocationRow } from '../../server/db/schema.js';
import type { CategoryKind, StorageZone } from '../../server/domain/inventory.js';
import { nameKey } from '../../server/domain/names.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function makeCategory(app: FastifyInstance, foodBankId: number, values: { name?: string; kind?: CategoryKind; accepted?: boolean } = {}): CategoryRow {
  return insertCategory(app.db, { foodBankId, name: values.name ?? `분류 ${unique()}`, kind: values.kind ?? 'food', accepted: values.accepted ?? true });
}

export function makeItem(
  app: FastifyInstance,
  foodBankId: number,
  values: { categoryId?: number; name?: string; zone?: StorageZone; active?: boolean } = {},
): ItemRow {
  const name = values.name ?? `품목 ${unique()}`;
  const categoryId = values.categoryId ?? makeCategory(app, foodBankId).id;
  return insertItem(app.db, { foodBankId, categoryId, name, nameKey: nameKey(name), unit: '개', defaultZone: values.zone ?? 'ambient', active: values.active ?? true });
}

export function makeLocation(app: FastifyInstance, foodBankId: number, values: { name?: string; zone?: StorageZone; sortOrder?: number; active?: boolean } = {}): LocationRow {
  const name = values.name ?? `선반 ${unique()}`;
  return insertLocation(app.db, {
    foodBankId,
    warehouse: '본관',
    name,
    nameKey: nameKey(name),
    zone: values.zone ?? 'ambient',
    sortOrder: values.sortOrder ?? 0,
    active: values.active ?? true,
  });
}

/**
 * Puts stock on a shelf with plain SQL, bypassing the ledger: for tests that only need "this item
 * or location holds stock" without walking through intake.
 */
export function putStock(app: FastifyInstance, values: { foodBankId: number; itemId: number; locationId: number; onHand: number }): number {
  const lot = app.sqlite
    .prepare(
      `insert into lots (food_bank_id, item_id, date_label_kind, date_label, zone, unit_value, received_on)
       values (?, ?, 'use_by', '2099-12-31', (select zone from locations where id = ?), 0, '2026-01-01') returning id`,
    )
    .get(values.foodBankId, values.itemId, values.locationId) as { id: number };
  app.sqlite
    .prepare('insert into stock_levels (food_bank_id, lot_id, location_id, on_hand) values (?, ?, ?, ?)')
    .run(values.foodBankId, lot.id, values.locationId, values.onHand);
  return lot.id;
}
