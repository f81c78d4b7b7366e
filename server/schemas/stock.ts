import { Type, type Static } from 'typebox';
import { DATE_LABEL_KINDS, DISPOSAL_REASONS, MOVEMENT_REASONS } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate, StorageZoneSchema } from './donations.js';

const Id = Type.Integer({ minimum: 1 });

export const ItemStockSchema = Type.Object(
  {
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    categoryId: Type.Integer(),
    onHand: Type.Integer(),
    reserved: Type.Integer(),
    available: Type.Integer(),
    earliestDate: Type.Union([IsoDate, Type.Null()]),
    lotCount: Type.Integer(),
    minStock: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'ItemStock', additionalProperties: false },
);

export const ItemStockListSchema = Type.Object({ items: Type.Array(ref(ItemStockSchema)) }, { $id: 'ItemStockList', additionalProperties: false });

export const StockQuerySchema = Type.Object(
  {
    zone: Type.Optional(ref(StorageZoneSchema)),
    categoryId: Type.Optional(Id),
    locationId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    belowMinimum: Type.Optional(Type.Boolean({ description: 'Only items under their minimum stock (including items with none)' })),
  },
  { additionalProperties: false },
);

export const LotStockSchema = Type.Object(
  {
    lotId: Type.Integer(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    zone: ref(StorageZoneSchema),
    receivedOn: IsoDate,
    locationId: Type.Integer(),
    locationName: Type.String(),
    onHand: Type.Integer(),
    reserved: Type.Integer(),
    available: Type.Integer(),
    expired: Type.Boolean(),
  },
  { $id: 'LotStock', additionalProperties: false },
);

export const LotStockListSchema = Type.Object({ items: Type.Array(ref(LotStockSchema)) }, { $id: 'LotStockList', additionalProperties: false });

export const LotQuerySchema = Type.Object(
  {
    lotId: Type.Optional(Id),
    itemId: Type.Optional(Id),
    locationId: Type.Optional(Id),
    zone: Type.Optional(ref(StorageZoneSchema)),
    expiringWithinDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 3650, description: 'Lots dated within N days from today, and expired lots still on hand' }),
    ),
  },
  { additionalProperties: false },
);

export const MovementSchema = Type.Object(
  {
    id: Type.Integer(),
    lotId: Type.Integer(),
    locationId: Type.Integer(),
    locationName: Type.String(),
    quantity: Type.Integer(),
    reason: Type.Enum(MOVEMENT_REASONS),
    documentType: Type.String(),
    documentId: Type.Integer(),
    actorName: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    occurredAt: Timestamp,
  },
  { $id: 'StockMovement', additionalProperties: false },
);

export const MovementListSchema = Type.Object(
  { items: Type.Array(ref(MovementSchema)) },
  { $id: 'StockMovementList', additionalProperties: false },
);

export const MovementQuerySchema = Type.Object(
  { reason: Type.Optional(Type.Enum(MOVEMENT_REASONS)), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const DisposalBodySchema = Type.Object(
  {
    lotId: Id,
    locationId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    reason: Type.Enum(DISPOSAL_REASONS),
    authorizedBy: Type.String({ minLength: 1, maxLength: 100, description: 'Who authorised the disposal' }),
    note: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  },
  { $id: 'DisposalRequest', additionalProperties: false },
);
export type DisposalBody = Static<typeof DisposalBodySchema>;

export const DisposalSchema = Type.Object(
  {
    id: Type.Integer(),
    lotId: Type.Integer(),
    locationId: Type.Integer(),
    quantity: Type.Integer(),
    reason: Type.Enum(DISPOSAL_REASONS),
    authorizedBy: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Disposal', additionalProperties: false },
);

export const TransferBodySchema = Type.Object(
  {
    lotId: Id,
    fromLocationId: Id,
    toLocationId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    note: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  },
  { $id: 'TransferRequest', additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBodySchema>;

export const TransferSchema = Type.Object(
  {
    id: Type.Integer(),
    lotId: Type.Integer(),
    fromLocationId: Type.Integer(),
    toLocationId: Type.Integer(),
    quantity: Type.Integer(),
    note: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Transfer', additionalProperties: false },
);
