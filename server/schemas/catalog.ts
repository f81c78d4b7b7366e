import { Type, type Static } from 'typebox';
import { CATEGORY_KINDS, UNITS } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';
import { StorageZoneSchema } from './donations.js';

const Id = Type.Integer({ minimum: 1 });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const OptionalName = Type.Optional(orNull(Type.String({ maxLength: 100 })));
const MinStockInput = orNull(Type.Integer({ minimum: 0 }));

export const CategorySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    nameEn: Type.Union([Type.String(), Type.Null()]),
    nameMn: Type.Union([Type.String(), Type.Null()]),
    kind: Type.Enum(CATEGORY_KINDS),
    accepted: Type.Boolean({ description: 'Goods of a category that is not accepted are rejected at intake' }),
  },
  { $id: 'Category', additionalProperties: false },
);
export type CategoryDto = Static<typeof CategorySchema>;

export const CategoryListSchema = Type.Object({ items: Type.Array(ref(CategorySchema)) }, { $id: 'CategoryList', additionalProperties: false });

export const CreateCategoryBodySchema = Type.Object(
  { name: Name, nameEn: OptionalName, nameMn: OptionalName, kind: Type.Enum(CATEGORY_KINDS), accepted: Type.Optional(Type.Boolean()) },
  { $id: 'CreateCategoryRequest', additionalProperties: false },
);

export const UpdateCategoryBodySchema = Type.Object(
  { name: Type.Optional(Name), nameEn: OptionalName, nameMn: OptionalName, accepted: Type.Optional(Type.Boolean()) },
  { $id: 'UpdateCategoryRequest', additionalProperties: false, minProperties: 1 },
);

export const GtinCode = Type.String({ pattern: '^[0-9]{8,14}$', description: 'GTIN-8, -12, -13 or -14 digits' });

export const BarcodeSchema = Type.Object(
  { id: Type.Integer(), code: Type.String(), quantityPerScan: Type.Integer() },
  { $id: 'Barcode', additionalProperties: false },
);

export const BarcodeBodySchema = Type.Object(
  { code: GtinCode, quantityPerScan: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })) },
  { $id: 'BarcodeRequest', additionalProperties: false },
);
export type BarcodeBody = Static<typeof BarcodeBodySchema>;

const itemFields = {
  nameEn: OptionalName,
  nameMn: OptionalName,
  unit: Type.Enum(UNITS),
  packSize: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Base units per pack ("3 박스" = 3 × packSize)' }),
  defaultZone: ref(StorageZoneSchema),
  defaultUnitValue: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Won per base unit' }),
  unitWeightGrams: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  minStock: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  active: Type.Boolean(),
  requestable: Type.Boolean({ description: 'Partner agencies may request it' }),
};

export const ItemSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    categoryId: Type.Integer(),
    ...itemFields,
    nameEn: Type.Union([Type.String(), Type.Null()]),
    nameMn: Type.Union([Type.String(), Type.Null()]),
    barcodes: Type.Array(ref(BarcodeSchema)),
    createdAt: Timestamp,
  },
  { $id: 'Item', additionalProperties: false },
);
export type ItemDto = Static<typeof ItemSchema>;

export const ItemListSchema = Type.Object(
  { items: Type.Array(ref(ItemSchema)), total: Type.Integer() },
  { $id: 'ItemList', additionalProperties: false },
);

export const ItemListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    categoryId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

export const CreateItemBodySchema = Type.Object(
  {
    name: Name,
    categoryId: Id,
    nameEn: itemFields.nameEn,
    nameMn: itemFields.nameMn,
    unit: itemFields.unit,
    defaultZone: itemFields.defaultZone,
    packSize: Type.Optional(itemFields.packSize),
    defaultUnitValue: Type.Optional(itemFields.defaultUnitValue),
    unitWeightGrams: Type.Optional(itemFields.unitWeightGrams),
    minStock: Type.Optional(MinStockInput),
    active: Type.Optional(itemFields.active),
    requestable: Type.Optional(itemFields.requestable),
    barcodes: Type.Optional(Type.Array(ref(BarcodeBodySchema), { maxItems: 20 })),
  },
  { $id: 'CreateItemRequest', additionalProperties: false },
);
export type CreateItemBody = Static<typeof CreateItemBodySchema>;

export const UpdateItemBodySchema = Type.Object(
  {
    name: Type.Optional(Name),
    categoryId: Type.Optional(Id),
    nameEn: itemFields.nameEn,
    nameMn: itemFields.nameMn,
    unit: Type.Optional(itemFields.unit),
    defaultZone: Type.Optional(itemFields.defaultZone),
    packSize: Type.Optional(itemFields.packSize),
    defaultUnitValue: Type.Optional(itemFields.defaultUnitValue),
    unitWeightGrams: Type.Optional(itemFields.unitWeightGrams),
    minStock: Type.Optional(MinStockInput),
    active: Type.Optional(itemFields.active),
    requestable: Type.Optional(itemFields.requestable),
  },
  { $id: 'UpdateItemRequest', additionalProperties: false, minProperties: 1 },
);
export type UpdateItemBody = Static<typeof UpdateItemBodySchema>;

export const BarcodeLookupSchema = Type.Object(
  { item: ref(ItemSchema), quantityPerScan: Type.Integer() },
  { $id: 'BarcodeLookup', additionalProperties: false },
);

export const BarcodeParamsSchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });
export const ItemBarcodeParamsSchema = Type.Object({ id: Id, barcodeId: Id }, { additionalProperties: false });
