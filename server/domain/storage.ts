import { unprocessable } from './errors.js';
import type { StorageZone } from './inventory.js';

/** Cold chain: a lot is stored only in a location of its own zone (frozen never goes to ambient). */
export function assertZoneFits(zone: StorageZone, location: { id: number; zone: StorageZone }, lineNo?: number): void {
  if (location.zone === zone) return;
  const where = lineNo === undefined ? '' : `Line ${lineNo}: `;
  throw unprocessable('zone_mismatch', `${where}a ${zone} lot cannot be stored in a ${location.zone} location`, {
    ...(lineNo === undefined ? {} : { lineNo }),
    lineZone: zone,
    locationId: location.id,
    locationZone: location.zone,
  });
}
