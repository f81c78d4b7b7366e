import { Type, type Static } from 'typebox';
import { DATE_LABEL_KINDS } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate, StorageZoneSchema } from './donations.js';

const Id = Type.Integer({ minimum: 1 });

export const ShipBodySchema = Type.Object(
  {
    toFoodBankId: Id,
    note: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
    lines: Type.Array(
      Type.Object(
        { lotId: Id, fromLocationId: Id, quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { $id: 'ShipRequest', additionalProperties: false },
);
export type ShipBody = Static<typeof ShipBodySchema>;

export const ReceiveBodySchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          lineNo: Type.Integer({ minimum: 1 }),
          receivedQuantity: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
          itemId: Type.Optional(orNull(Type.Integer({ minimum: 1, description: 'Your catalog’s item; matched by name when omitted' }))),
          locationId: Type.Optional(orNull(Type.Integer({ minimum: 1, description: 'Where it is put away; needed when something arrived' }))),
          shortfallNote: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { $id: 'ReceiveRequest', additionalProperties: false },
);
export type ReceiveBody = Static<typeof ReceiveBodySchema>;

export const ShipmentLineSchema = Type.Object(
  {
    lineNo: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    zone: ref(StorageZoneSchema),
    quantity: Type.Integer(),
    receivedQuantity: Type.Union([Type.Integer(), Type.Null()]),
    shortfall: Type.Union([Type.Integer(), Type.Null()], { description: 'Shipped − received, once received' }),
    shortfallNote: Type.Union([Type.String(), Type.Null()]),
    receivedLotId: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'ShipmentLine', additionalProperties: false },
);

export const ShipmentSchema = Type.Object(
  {
    id: Type.Integer(),
    fromFoodBankId: Type.Integer(),
    fromFoodBankName: Type.String(),
    toFoodBankId: Type.Integer(),
    toFoodBankName: Type.String(),
    status: Type.Enum(['shipped', 'received']),
    note: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    receivedAt: Type.Union([Timestamp, Type.Null()]),
    lines: Type.Array(ref(ShipmentLineSchema)),
  },
  { $id: 'Shipment', additionalProperties: false },
);
export type ShipmentDto = Static<typeof ShipmentSchema>;

export const ShipmentListSchema = Type.Object({ items: Type.Array(ref(ShipmentSchema)) }, { $id: 'ShipmentList', additionalProperties: false });

export const ShipmentListQuerySchema = Type.Object(
  { direction: Type.Enum(['incoming', 'outgoing', 'all'], { default: 'all' }) },
  { additionalProperties: false },
);
