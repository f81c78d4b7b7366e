import { Type, type Static } from 'typebox';
import { AGENCY_STATUSES, AGENCY_TYPES, FULFILMENT_METHODS } from '../domain/distribution.js';
import { Email, NewPassword } from './auth.js';
import { orNull, ref, Timestamp } from './common.js';

const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Capacity = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Base units; omit or null for no stated limit' });

export const PeopleServedSchema = Type.Object(
  {
    emergency: Count,
    nearPoor: Count,
    cutOff: Count,
    recipients: Count,
  },
  {
    $id: 'PeopleServed',
    additionalProperties: false,
    description:
      'People served by priority category: 긴급지원대상자 (emergency), 차상위·주거·교육급여 (nearPoor), 생계·의료급여 탈락 (cutOff), 생계·의료급여 수급자 and other low-income (recipients)',
  },
);

export const StorageSchema = Type.Object(
  {
    fridge: Type.Boolean(),
    freezer: Type.Boolean(),
    ambientCapacity: orNull(Capacity),
    chilledCapacity: orNull(Capacity),
    frozenCapacity: orNull(Capacity),
  },
  { $id: 'AgencyStorage', additionalProperties: false, description: 'Every agency keeps ambient goods; a fridge allows chilled goods, a freezer frozen ones' },
);

export const AgencySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    type: Type.Enum(AGENCY_TYPES),
    registrationNumber: Type.Union([Type.String(), Type.Null()]),
    address: Type.String(),
    contactName: Type.String(),
    contactPhone: Type.String(),
    contactEmail: Type.Union([Type.String(), Type.Null()]),
    storage: ref(StorageSchema),
    peopleServed: ref(PeopleServedSchema),
    fulfilment: Type.Enum(FULFILMENT_METHODS),
    status: Type.Enum(AGENCY_STATUSES),
    statusReason: Type.Union([Type.String(), Type.Null()]),
    statusChangedAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Agency', additionalProperties: false },
);
export type AgencyDto = Static<typeof AgencySchema>;

export const AgencyListSchema = Type.Object({ items: Type.Array(ref(AgencySchema)) }, { $id: 'AgencyList', additionalProperties: false });

const profile = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  type: Type.Enum(AGENCY_TYPES),
  registrationNumber: Type.Optional(orNull(Type.String({ maxLength: 30 }))),
  address: Type.String({ minLength: 1, maxLength: 300 }),
  contactName: Type.String({ minLength: 1, maxLength: 100 }),
  contactPhone: Type.String({ pattern: '^[0-9+() -]{7,20}$' }),
  contactEmail: Type.Optional(orNull(Type.String({ format: 'email', maxLength: 254 }))),
  storage: ref(StorageSchema),
  peopleServed: ref(PeopleServedSchema),
  fulfilment: Type.Enum(FULFILMENT_METHODS),
};

export const AgencyBodySchema = Type.Object(profile, { $id: 'AgencyRequest', additionalProperties: false });
export type AgencyBody = Static<typeof AgencyBodySchema>;

export const UpdateAgencyBodySchema = Type.Partial(Type.Object(profile), { $id: 'UpdateAgencyRequest', additionalProperties: false, minProperties: 1 });
export type UpdateAgencyBody = Static<typeof UpdateAgencyBodySchema>;

/** A public application: the agency's profile and its first user's sign-in. */
export const AgencyApplicationBodySchema = Type.Object(
  {
    foodBankId: Type.Integer({ minimum: 1 }),
    agency: ref(AgencyBodySchema),
    user: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), email: Email, password: NewPassword }, { additionalProperties: false }),
  },
  { $id: 'AgencyApplicationRequest', additionalProperties: false },
);
export type AgencyApplicationBody = Static<typeof AgencyApplicationBodySchema>;

export const AgencyStatusBodySchema = Type.Object(
  {
    status: Type.Enum(['approved', 'suspended', 'rejected'], { description: 'approve (or reactivate), suspend, or reject an application' }),
    reason: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  },
  { $id: 'AgencyStatusRequest', additionalProperties: false },
);

export const AgencyUserBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), email: Email },
  { $id: 'AgencyUserRequest', additionalProperties: false },
);

export const AgencyListQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum(AGENCY_STATUSES)), q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const MyAgencySchema = Type.Object(
  { linked: Type.Boolean(), agency: Type.Union([ref(AgencySchema), Type.Null()]) },
  { $id: 'MyAgency', additionalProperties: false },
);
