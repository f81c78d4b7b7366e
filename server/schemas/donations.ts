import { Type, type Static, type TSchema } from 'typebox';
import { DATE_LABEL_KINDS, DONATION_CHANNELS, DONOR_KINDS, REJECTION_REASONS, STORAGE_ZONES } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Id = Type.Integer({ minimum: 1 });
const Note = (max: number) => orNull(Type.String({ maxLength: max }));

export const StorageZoneSchema = Type.Enum(STORAGE_ZONES, { $id: 'StorageZone' });

const Phone = Type.String({ pattern: '^[0-9+() -]{7,20}$' });
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(orNull(schema));

export const DonorSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Enum(DONOR_KINDS),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    businessNumber: Type.Union([Type.String(), Type.Null()], { description: '000-00-00000' }),
    residentNumberMasked: Type.Union([Type.String(), Type.Null()], {
      description: 'Only ever shown masked (900101-1******); the number itself is encrypted at rest',
    }),
    consentReceipts: Type.Boolean(),
    consentMessages: Type.Boolean(),
    notes: Type.Union([Type.String(), Type.Null()]),
    selfRegistered: Type.Boolean({ description: 'Created by the donor at sign-up, not by staff' }),
    mergedIntoId: Type.Union([Type.Integer(), Type.Null()], { description: 'Set once staff merged this record into another' }),
    createdAt: Timestamp,
  },
  { $id: 'Donor', additionalProperties: false },
);

const donorFields = {
  phone: Nullable(Phone),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  address: Nullable(Type.String({ maxLength: 300 })),
  businessNumber: Nullable(Type.String({ pattern: '^[0-9]{3}-?[0-9]{2}-?[0-9]{5}$', description: 'Organisations; checked with its check digit' })),
  residentNumber: Nullable(
    Type.String({ pattern: '^[0-9０-９]{6}-?[0-9０-９]{7}$', description: 'Individuals who want a tax receipt; stored encrypted, never returned' }),
  ),
  consentReceipts: Type.Optional(Type.Boolean()),
  consentMessages: Type.Optional(Type.Boolean()),
  notes: Nullable(Type.String({ maxLength: 2000 })),
};

export const CreateDonorBodySchema = Type.Object(
  {
    kind: Type.Enum(DONOR_KINDS),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    ...donorFields,
    allowDuplicate: Type.Optional(
      Type.Boolean({ description: 'Create even when a donor with the same phone or business number exists' }),
    ),
  },
  { $id: 'CreateDonorRequest', additionalProperties: false },
);
export type CreateDonorBody = Static<typeof CreateDonorBodySchema>;

export const UpdateDonorBodySchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...donorFields },
  { $id: 'UpdateDonorRequest', additionalProperties: false, minProperties: 1 },
);
export type UpdateDonorBody = Static<typeof UpdateDonorBodySchema>;

export const DonorListSchema = Type.Object({ items: Type.Array(ref(DonorSchema)) }, { $id: 'DonorList', additionalProperties: false });

export const DonorSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name, phone or business number contains this; omit to list by name' })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);


export const DonationLineInputSchema = Type.Object(
  {
    itemId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'In the item’s base unit' }),
    unitValue: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Won per unit; defaults from the item' })),
    dateLabelKind: Type.Optional(Type.Enum(DATE_LABEL_KINDS)),
    dateLabel: Type.Optional(orNull(IsoDate)),
    zone: Type.Optional(ref(StorageZoneSchema)),
    accepted: Type.Optional(Type.Boolean({ default: true })),
    rejectionReason: Type.Optional(Type.Union([Type.Enum(REJECTION_REASONS), Type.Null()])),
    rejectionNote: Type.Optional(Note(500)),
    overrideReason: Type.Optional(Note(500)),
    locationId: Type.Optional(orNull(Id)),
  },
  { $id: 'DonationLineInput', additionalProperties: false },
);

export const DonationBodySchema = Type.Object(
  {
    donorId: Id,
    receivedOn: IsoDate,
    channel: Type.Enum(DONATION_CHANNELS),
    notes: Type.Optional(Note(2000)),
    lines: Type.Array(ref(DonationLineInputSchema), { maxItems: 500 }),
    complete: Type.Optional(Type.Boolean({ description: 'Complete at once: lots are created and stock moves' })),
    plannedContributionId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The donor’s planned contribution this arrival fulfils; it is marked received' }),
    ),
  },
  { $id: 'DonationRequest', additionalProperties: false },
);
export type DonationBody = Static<typeof DonationBodySchema>;

export const CorrectionBodySchema = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the recorded donation was wrong' }),
    lines: Type.Array(ref(DonationLineInputSchema), { minItems: 1, maxItems: 500 }),
  },
  { $id: 'DonationCorrectionRequest', additionalProperties: false },
);
export type CorrectionBody = Static<typeof CorrectionBodySchema>;

export const DonationLineSchema = Type.Object(
  {
    lineNo: Type.Integer(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    quantity: Type.Integer(),
    unitValue: Type.Integer(),
    dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    zone: ref(StorageZoneSchema),
    accepted: Type.Boolean(),
    rejectionReason: Type.Union([Type.Enum(REJECTION_REASONS), Type.Null()]),
    rejectionNote: Type.Union([Type.String(), Type.Null()]),
    overrideReason: Type.Union([Type.String(), Type.Null()]),
    locationId: Type.Union([Type.Integer(), Type.Null()]),
    lotId: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'DonationLine', additionalProperties: false },
);

export const DonationSchema = Type.Object(
  {
    id: Type.Integer(),
    donorId: Type.Integer(),
    donorName: Type.String(),
    receivedOn: IsoDate,
    channel: Type.Enum(DONATION_CHANNELS),
    status: Type.Enum(['draft', 'completed']),
    notes: Type.Union([Type.String(), Type.Null()]),
    lines: Type.Array(ref(DonationLineSchema)),
    acceptedValue: Type.Integer({ description: 'Σ quantity × unit value of accepted lines, in won' }),
    createdAt: Timestamp,
    completedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Donation', additionalProperties: false },
);
export type DonationDto = Static<typeof DonationSchema>;

export const DonationListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(['draft', 'completed'])),
    donorId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

export const DonationListSchema = Type.Object(
  { items: Type.Array(ref(DonationSchema)) },
  { $id: 'DonationList', additionalProperties: false },
);
