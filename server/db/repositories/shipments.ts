import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../client.js';
import { foodBanks, items, lots, shipmentLines, shipments, type ShipmentLineRow, type ShipmentRow } from '../schema.js';

export function insertShipment(tx: DbOrTx, values: typeof shipments.$inferInsert): ShipmentRow {
  return tx.insert(shipments).values(values).returning().get();
}

export function insertShipmentLines(tx: DbOrTx, values: (typeof shipmentLines.$inferInsert)[]): void {
  if (values.length > 0) tx.insert(shipmentLines).values(values).run();
}

export function updateShipment(tx: DbOrTx, id: number, values: Partial<typeof shipments.$inferInsert>): void {
  tx.update(shipments).set(values).where(eq(shipments.id, id)).run();
}

export function updateShipmentLine(tx: DbOrTx, id: number, values: Partial<typeof shipmentLines.$inferInsert>): void {
  tx.update(shipmentLines).set(values).where(eq(shipmentLines.id, id)).run();
}

/** A shipment visible to this food bank: it sent it or it is the receiver. */
export function findShipmentFor(db: DbOrTx, foodBankId: number, id: number): ShipmentRow | undefined {
  return db
    .select()
    .from(shipments)
    .where(and(eq(shipments.id, id), or(eq(shipments.fromFoodBankId, foodBankId), eq(shipments.toFoodBankId, foodBankId))))
    .get();
}

const sender = alias(foodBanks, 'sender');
const receiver = alias(foodBanks, 'receiver');

export function listShipmentsFor(db: DbOrTx, foodBankId: number, direction: 'incoming' | 'outgoing' | 'all') {
  const party =
    direction === 'incoming'
      ? eq(shipments.toFoodBankId, foodBankId)
      : direction === 'outgoing'
        ? eq(shipments.fromFoodBankId, foodBankId)
        : or(eq(shipments.fromFoodBankId, foodBankId), eq(shipments.toFoodBankId, foodBankId));
  return db
    .select({ shipment: shipments, fromName: sender.name, toName: receiver.name })
    .from(shipments)
    .innerJoin(sender, eq(sender.id, shipments.fromFoodBankId))
    .innerJoin(receiver, eq(receiver.id, shipments.toFoodBankId))
    .where(party)
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(200)
    .all();
}

export interface ShipmentLineView extends ShipmentLineRow {
  itemName: string;
  itemNameKey: string;
  unit: string;
  dateLabelKind: 'use_by' | 'sell_by' | 'none';
  dateLabel: string | null;
  zone: 'ambient' | 'chilled' | 'frozen';
  unitValue: number;
}

export function listShipmentLines(db: DbOrTx, shipmentIds: number[]): ShipmentLineView[] {
  if (shipmentIds.length === 0) return [];
  return db
    .select({ line: shipmentLines, lot: lots, itemName: items.name, itemNameKey: items.nameKey, unit: items.unit })
    .from(shipmentLines)
    .innerJoin(lots, eq(lots.id, shipmentLines.lotId))
    .innerJoin(items, eq(items.id, lots.itemId))
    .where(inArray(shipmentLines.shipmentId, shipmentIds))
    .orderBy(asc(shipmentLines.shipmentId), asc(shipmentLines.lineNo))
    .all()
    .map((r) => ({
      ...r.line,
      itemName: r.itemName,
      itemNameKey: r.itemNameKey,
      unit: r.unit,
      dateLabelKind: r.lot.dateLabelKind,
      dateLabel: r.lot.dateLabel,
      zone: r.lot.zone,
      unitValue: r.lot.unitValue,
    }));
}

export function findItemByNameKey(db: DbOrTx, foodBankId: number, nameKey: string) {
  return db
    .select({ id: items.id, active: items.active })
    .from(items)
    .where(and(eq(items.foodBankId, foodBankId), eq(items.nameKey, nameKey)))
    .get();
}

export function findItemInFoodBank(db: DbOrTx, foodBankId: number, id: number) {
  return db
    .select({ id: items.id, active: items.active })
    .from(items)
    .where(and(eq(items.foodBankId, foodBankId), eq(items.id, id)))
    .get();
}
