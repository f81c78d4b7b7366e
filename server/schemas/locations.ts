import { Type, type Static } from 'typebox';
import { STORAGE_ZONES } from '../domain/inventory.js';
import { orNull, ref } from './common.js';
import { StorageZoneSchema } from './donations.js';

const Name = Type.String({ minLength: 1, maxLength: 100 });
/** Base units the place holds, or null for no limit. */
const Capacity = orNull(Type.Integer({ minimum: 1 }));

export const LocationSchema = Type.Object(
  {
    id: Type.Integer(),
    warehouse: Type.String(),
    name: Type.String(),
    zone: Type.Enum(STORAGE_ZONES),
    capacity: Type.Union([Type.Integer(), Type.Null()]),
    sortOrder: Type.Integer(),
    active: Type.Boolean(),
    onHand: Type.Integer({ description: 'Units in stock there now' }),
  },
  { $id: 'Location', additionalProperties: false },
);
export type LocationDto = Static<typeof LocationSchema>;

export const LocationListSchema = Type.Object({ items: Type.Array(ref(LocationSchema)) }, { $id: 'LocationList', additionalProperties: false });

export const LocationListQuerySchema = Type.Object(
  { zone: Type.Optional(ref(StorageZoneSchema)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreateLocationBodySchema = Type.Object(
  {
    warehouse: Name,
    name: Name,
    zone: ref(StorageZoneSchema),
    capacity: Type.Optional(Capacity),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { $id: 'CreateLocationRequest', additionalProperties: false },
);

export const UpdateLocationBodySchema = Type.Object(
  {
    warehouse: Type.Optional(Name),
    name: Type.Optional(Name),
    capacity: Type.Optional(Capacity),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'UpdateLocationRequest', additionalProperties: false, minProperties: 1 },
);
