import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { agencies, allocations, handovers, items, locations, lots } from '../schema.js';

const traceColumns = {
  allocationId: allocations.id,
  requestId: allocations.requestId,
  agencyId: allocations.agencyId,
  agencyName: agencies.name,
  lotId: allocations.lotId,
  itemId: lots.itemId,
  itemName: items.name,
  unit: items.unit,
  dateLabelKind: lots.dateLabelKind,
  dateLabel: lots.dateLabel,
  receivedOn: lots.receivedOn,
  donationLineId: lots.donationLineId,
  locationName: locations.name,
  quantity: allocations.quantity,
  status: allocations.status,
  allocatedAt: allocations.createdAt,
  handedOverAt: handovers.createdAt,
  receivedByName: handovers.receivedByName,
  proxy: handovers.proxy,
  method: handovers.method,
};

function traceQuery(db: DbOrTx) {
  return db
    .select(traceColumns)
    .from(allocations)
    .innerJoin(agencies, eq(agencies.id, allocations.agencyId))
    .innerJoin(lots, eq(lots.id, allocations.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .innerJoin(locations, eq(locations.id, allocations.locationId))
    .leftJoin(handovers, eq(handovers.requestId, allocations.requestId));
}

/** Every agency a lot went (or is held) to: what answers an inspection about resale. */
export function traceLot(db: DbOrTx, foodBankId: number, lotId: number) {
  return traceQuery(db)
    .where(and(eq(allocations.foodBankId, foodBankId), eq(allocations.lotId, lotId), ne(allocations.status, 'released')))
    .orderBy(asc(allocations.id))
    .all();
}

/** Every lot an agency received (or has held for it), newest first. */
export function traceAgency(db: DbOrTx, foodBankId: number, agencyId: number) {
  return traceQuery(db)
    .where(and(eq(allocations.foodBankId, foodBankId), eq(allocations.agencyId, agencyId), ne(allocations.status, 'released')))
    .orderBy(desc(allocations.id))
    .all();
}
export type TraceRow = ReturnType<typeof traceLot>[number];
