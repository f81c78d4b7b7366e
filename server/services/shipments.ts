import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { findLocationsInFoodBank } from '../db/repositories/donations.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import {
  findItemByNameKey,
  findItemInFoodBank,
  findShipmentFor,
  insertShipment,
  insertShipmentLines,
  listShipmentLines,
  listShipmentsFor,
  updateShipment,
  updateShipmentLine,
  type ShipmentLineView,
} from '../db/repositories/shipments.js';
import { findLotInFoodBank, insertLot } from '../db/repositories/stock.js';
import type { ShipmentRow } from '../db/schema.js';
import { notFound, unprocessable } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { assertZoneFits } from '../domain/storage.js';
import { today } from '../lib/dates.js';
import type { ReceiveBody, ShipBody, ShipmentDto } from '../schemas/shipments.js';
import { addToStock, takeFromStock } from './ledger.js';

function toShipmentDto(row: ShipmentRow, fromName: string, toName: string, lines: ShipmentLineView[]): ShipmentDto {
  return {
    id: row.id,
    fromFoodBankId: row.fromFoodBankId,
    fromFoodBankName: fromName,
    toFoodBankId: row.toFoodBankId,
    toFoodBankName: toName,
    status: row.status,
    note: row.note,
    createdAt: row.createdAt,
    receivedAt: row.receivedAt,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      itemName: l.itemName,
      unit: l.unit,
      dateLabelKind: l.dateLabelKind,
      dateLabel: l.dateLabel,
      zone: l.zone,
      quantity: l.quantity,
      receivedQuantity: l.receivedQuantity,
      shortfall: l.receivedQuantity === null ? null : l.quantity - l.receivedQuantity,
      shortfallNote: l.shortfallNote,
      receivedLotId: l.receivedLotId,
    })),
  };
}

function loadDto(db: DbOrTx, row: ShipmentRow): ShipmentDto {
  return toShipmentDto(row, findFoodBank(db, row.fromFoodBankId)!.name, findFoodBank(db, row.toFoodBankId)!.name, listShipmentLines(db, [row.id]));
}

/** Neighbours in the network: a food bank ships to its parent or to one of its children. */
function areNeighbours(db: DbOrTx, a: number, b: number): boolean {
  const first = findFoodBank(db, a);
  const second = findFoodBank(db, b);
  return !!first && !!second && (first.parentId === second.id || second.parentId === first.id);
}

/** Ships lots to another food bank of the network: the stock leaves the sender at once. */
export function shipStock(db: Db, actor: Actor, input: ShipBody): ShipmentDto {
  return db.transaction(
    (tx) => {
      if (!areNeighbours(tx, actor.foodBankId, input.toFoodBankId)) {
        throw unprocessable('not_in_network', 'Ship only to your parent or child food bank', { toFoodBankId: input.toFoodBankId });
      }
      const shipment = insertShipment(tx, {
        fromFoodBankId: actor.foodBankId,
        toFoodBankId: input.toFoodBankId,
        status: 'shipped',
        note: input.note ?? null,
        shippedBy: actor.userId,
      });
      insertShipmentLines(
        tx,
        input.lines.map((line, index) => {
          const lot = findLotInFoodBank(tx, actor.foodBankId, line.lotId);
          if (!lot) throw unprocessable('unknown_lot', `Line ${index + 1}: no such lot`, { lineNo: index + 1, lotId: line.lotId });
          takeFromStock(tx, actor, lot, line.fromLocationId, line.quantity, {
            reason: 'transfer_out',
            documentType: 'shipment',
            documentId: shipment.id,
          });
          return { shipmentId: shipment.id, lineNo: index + 1, ...line };
        }),
      );
      return loadDto(tx, shipment);
    },
    { behavior: 'immediate' },
  );
}

/**
 * The receiver confirms what arrived, line by line: the received quantity becomes a lot of its own
 * catalog item (matched by name unless chosen) at a location of the same zone; any shortfall stays
 * recorded on the line. Confirming again changes nothing.
 */
export function receiveShipment(db: Db, actor: Actor, id: number, input: ReceiveBody): ShipmentDto {
  return db.transaction(
    (tx) => {
      const shipment = findShipmentFor(tx, actor.foodBankId, id);
      if (!shipment || shipment.toFoodBankId !== actor.foodBankId) throw notFound('Shipment');
      if (shipment.status === 'received') return loadDto(tx, shipment);

      const lines = listShipmentLines(tx, [id]);
      const given = new Map(input.lines.map((l) => [l.lineNo, l]));
      if (given.size !== input.lines.length || lines.some((l) => !given.has(l.lineNo)) || given.size !== lines.length) {
        throw unprocessable('lines_incomplete', 'Confirm every line of the shipment exactly once', { expected: lines.length });
      }
      const locations = new Map(
        findLocationsInFoodBank(tx, actor.foodBankId, input.lines.flatMap((l) => (l.locationId ? [l.locationId] : []))).map((l) => [l.id, l]),
      );
      for (const line of lines) {
        const answer = given.get(line.lineNo)!;
        const lineNo = line.lineNo;
        if (answer.receivedQuantity > line.quantity) {
          throw unprocessable('received_more_than_shipped', `Line ${lineNo}: more than was shipped`, {
            lineNo,
            shipped: line.quantity,
            received: answer.receivedQuantity,
          });
        }
        const update = { receivedQuantity: answer.receivedQuantity, shortfallNote: answer.shortfallNote?.trim() || null };
        if (answer.receivedQuantity === 0) {
          updateShipmentLine(tx, line.id, update);
          continue;
        }
        const item = answer.itemId ? findItemInFoodBank(tx, actor.foodBankId, answer.itemId) : findItemByNameKey(tx, actor.foodBankId, line.itemNameKey);
        if (!item) throw unprocessable('item_unmatched', `Line ${lineNo}: choose the item of your catalog for ${line.itemName}`, { lineNo });
        const location = answer.locationId ? locations.get(answer.locationId) : undefined;
        if (!location || !location.active) throw unprocessable('location_required', `Line ${lineNo}: choose where it is put away`, { lineNo });
        assertZoneFits(line.zone, location, lineNo);
        const lot = insertLot(tx, {
          foodBankId: actor.foodBankId,
          itemId: item.id,
          dateLabelKind: line.dateLabelKind,
          dateLabel: line.dateLabel,
          zone: line.zone,
          unitValue: line.unitValue,
          receivedOn: today(),
        });
        addToStock(tx, actor, lot.id, location.id, answer.receivedQuantity, { reason: 'transfer_in', documentType: 'shipment', documentId: id });
        updateShipmentLine(tx, line.id, { ...update, receivedItemId: item.id, receivedLotId: lot.id, toLocationId: location.id });
      }
      updateShipment(tx, id, { status: 'received', receivedBy: actor.userId, receivedAt: nowIso() });
      return loadDto(tx, findShipmentFor(tx, actor.foodBankId, id)!);
    },
    { behavior: 'immediate' },
  );
}

export function getShipment(db: Db, actor: Actor, id: number): ShipmentDto {
  const shipment = findShipmentFor(db, actor.foodBankId, id);
  if (!shipment) throw notFound('Shipment');
  return loadDto(db, shipment);
}

export function listShipments(db: Db, actor: Actor, direction: 'incoming' | 'outgoing' | 'all'): ShipmentDto[] {
  const rows = listShipmentsFor(db, actor.foodBankId, direction);
  const lines = new Map<number, ShipmentLineView[]>();
  for (const line of listShipmentLines(db, rows.map((r) => r.shipment.id))) {
    lines.set(line.shipmentId, [...(lines.get(line.shipmentId) ?? []), line]);
  }
  return rows.map((r) => toShipmentDto(r.shipment, r.fromName, r.toName, lines.get(r.shipment.id) ?? []));
}
