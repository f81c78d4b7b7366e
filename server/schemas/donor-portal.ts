import { Type, type Static } from 'typebox';
import { DONOR_KINDS, REJECTION_REASONS } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate, DonorSchema } from './donations.js';

const Nullable = <T extends Parameters<typeof orNull>[0]>(schema: T) => Type.Optional(orNull(schema));

/** What a donor sees of their own record: no staff notes, no bookkeeping. */
export const DonorProfileSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Enum(DONOR_KINDS),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    businessNumber: Type.Union([Type.String(), Type.Null()]),
    residentNumberMasked: Type.Union([Type.String(), Type.Null()]),
    consentReceipts: Type.Boolean(),
    consentMessages: Type.Boolean(),
  },
  { $id: 'DonorProfile', additionalProperties: false },
);

export const MyDonorSchema = Type.Object(
  { linked: Type.Boolean(), foodBankName: Type.String(), donor: Type.Union([ref(DonorProfileSchema), Type.Null()]) },
  { $id: 'MyDonor', additionalProperties: false },
);

const profileFields = {
  phone: Nullable(Type.String({ pattern: '^[0-9+() -]{7,20}$' })),
  address: Nullable(Type.String({ maxLength: 300 })),
  businessNumber: Nullable(Type.String({ pattern: '^[0-9]{3}-?[0-9]{2}-?[0-9]{5}$' })),
  residentNumber: Nullable(
    Type.String({ pattern: '^[0-9０-９]{6}-?[0-9０-９]{7}$', description: 'Only for a tax receipt; stored encrypted, never returned' }),
  ),
  consentReceipts: Type.Optional(Type.Boolean()),
  consentMessages: Type.Optional(Type.Boolean()),
};

export const CreateMyDonorBodySchema = Type.Object(
  { kind: Type.Enum(DONOR_KINDS), name: Type.String({ minLength: 1, maxLength: 100 }), ...profileFields },
  { $id: 'CreateMyDonorRequest', additionalProperties: false },
);
export type CreateMyDonorBody = Static<typeof CreateMyDonorBodySchema>;

export const UpdateMyDonorBodySchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...profileFields },
  { $id: 'UpdateMyDonorRequest', additionalProperties: false, minProperties: 1 },
);
export type UpdateMyDonorBody = Static<typeof UpdateMyDonorBodySchema>;

export const LinkDonorBodySchema = Type.Object(
  { code: Type.String({ minLength: 8, maxLength: 20, description: 'The code staff gave you, e.g. ABCD-EF23' }) },
  { $id: 'LinkDonorRequest', additionalProperties: false },
);

/** A completed donation as its donor sees it: what was accepted and what it was worth. */
export const DonorDonationSchema = Type.Object(
  {
    id: Type.Integer(),
    receivedOn: IsoDate,
    acceptedValue: Type.Integer({ description: 'Won: Σ quantity × unit value of accepted lines' }),
    receiptId: Type.Union([Type.Integer(), Type.Null()], { description: 'The receipt in force that covers it' }),
    receiptSerial: Type.Union([Type.String(), Type.Null()]),
    lines: Type.Array(
      Type.Object(
        {
          itemName: Type.String(),
          quantity: Type.Integer(),
          unit: Type.String(),
          unitValue: Type.Integer(),
          accepted: Type.Boolean(),
          rejectionReason: Type.Union([Type.Enum(REJECTION_REASONS), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'DonorDonation', additionalProperties: false },
);
export type DonorDonationDto = Static<typeof DonorDonationSchema>;

export const DonorDonationListSchema = Type.Object(
  { items: Type.Array(ref(DonorDonationSchema)), totalValue: Type.Integer() },
  { $id: 'DonorDonationList', additionalProperties: false },
);

export const DonorDetailSchema = Type.Object(
  {
    ...DonorSchema.properties,
    linkedAccounts: Type.Array(Type.Object({ email: Type.String(), linkedAt: Timestamp }, { additionalProperties: false }), {
      description: 'The sign-in accounts that act for this donor',
    }),
  },
  { $id: 'DonorDetail', additionalProperties: false },
);

export const LinkCodeSchema = Type.Object(
  { code: Type.String({ description: 'Shown once: give it to the donor' }), expiresAt: Timestamp },
  { $id: 'DonorLinkCode', additionalProperties: false },
);

export const MergeDonorBodySchema = Type.Object(
  { intoDonorId: Type.Integer({ minimum: 1, description: 'The record that is kept' }) },
  { $id: 'MergeDonorRequest', additionalProperties: false },
);

export const DuplicateDonorsSchema = Type.Object(
  {
    groups: Type.Array(
      Type.Object({ reason: Type.Enum(['phone', 'business_number', 'email', 'name']), donors: Type.Array(ref(DonorSchema)) }, { additionalProperties: false }),
    ),
  },
  { $id: 'DuplicateDonors', additionalProperties: false },
);
