import type { Db, DbOrTx } from '../db/client.js';
import { findLocation, findLocationByKey, insertLocation, listLocationsWithStock, locationOnHand, updateLocation } from '../db/repositories/locations.js';
import type { LocationRow } from '../db/schema.js';
import { AppError, notFound } from '../domain/errors.js';
import type { StorageZone } from '../domain/inventory.js';
import { cleanName, nameKey } from '../domain/names.js';
import type { Actor } from '../domain/roles.js';
import type { LocationDto } from '../schemas/locations.js';

const toLocationDto = (row: LocationRow, onHand: number): LocationDto => ({
  id: row.id,
  warehouse: row.warehouse,
  name: row.name,
  zone: row.zone,
  capacity: row.capacity,
  sortOrder: row.sortOrder,
  active: row.active,
  onHand,
});

export function listLocations(db: Db, actor: Actor, filters: { zone?: StorageZone; active?: boolean }): LocationDto[] {
  return listLocationsWithStock(db, actor.foodBankId, filters).map((r) => toLocationDto(r.location, r.onHand));
}

function requireFreeName(db: DbOrTx, actor: Actor, name: string, exceptId?: number): void {
  const same = findLocationByKey(db, actor.foodBankId, nameKey(name));
  if (same && same.id !== exceptId) {
    throw new AppError(409, 'location_name_taken', `A location named “${same.name}” exists`, { facts: { locationId: same.id, name: same.name } });
  }
}

export function createLocation(
  db: Db,
  actor: Actor,
  input: { warehouse: string; name: string; zone: StorageZone; capacity?: number | null; sortOrder?: number },
): LocationDto {
  return db.transaction(
    (tx) => {
      const name = cleanName(input.name);
      requireFreeName(tx, actor, name);
      const row = insertLocation(tx, { ...input, foodBankId: actor.foodBankId, warehouse: cleanName(input.warehouse), name, nameKey: nameKey(name) });
      return toLocationDto(row, 0);
    },
    { behavior: 'immediate' },
  );
}

/** A location with stock stays active; its zone never changes (the lots on it depend on it). */
export function changeLocation(
  db: Db,
  actor: Actor,
  id: number,
  input: { warehouse?: string; name?: string; capacity?: number | null; sortOrder?: number; active?: boolean },
): LocationDto {
  return db.transaction(
    (tx) => {
      const location = findLocation(tx, actor.foodBankId, id);
      if (!location) throw notFound('Location');
      const name = input.name === undefined ? undefined : cleanName(input.name);
      if (name) requireFreeName(tx, actor, name, id);
      const onHand = locationOnHand(tx, id);
      if (input.active === false && onHand > 0) {
        throw new AppError(409, 'location_has_stock', `${onHand} units are still stored here; move them first`, { facts: { locationId: id, onHand } });
      }
      const changes = {
        ...input,
        ...(name ? { name, nameKey: nameKey(name) } : {}),
        ...(input.warehouse ? { warehouse: cleanName(input.warehouse) } : {}),
      };
      return toLocationDto(updateLocation(tx, id, changes), onHand);
    },
    { behavior: 'immediate' },
  );
}
