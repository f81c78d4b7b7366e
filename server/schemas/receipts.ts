import { Type, type Static } from 'typebox';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate } from './donations.js';

const Form = Type.Enum(['donation_receipt', 'food_donation_receipt'], {
  description: 'donation_receipt: 기부금영수증 (별지 제45호의2); food_donation_receipt: 기부식품 등 영수증 at book value',
});

export const ReceiptLineSchema = Type.Object(
  {
    lineNo: Type.Integer(),
    kind: Type.Enum(['cash', 'in_kind'], { description: '구분: 금전 or 현물' }),
    date: IsoDate,
    itemName: Type.String(),
    quantity: Type.Integer(),
    unitValue: Type.Integer(),
    amount: Type.Integer(),
  },
  { $id: 'ReceiptLine', additionalProperties: false },
);

export const ReceiptSchema = Type.Object(
  {
    id: Type.Integer(),
    serial: Type.String({ description: 'YYYY-NNNNNN, gapless per food bank and year' }),
    kind: Type.Enum(['donation', 'annual']),
    form: Form,
    donorId: Type.Integer(),
    donorName: Type.String(),
    donorRegistrationMasked: Type.Union([Type.String(), Type.Null()]),
    donorAddress: Type.Union([Type.String(), Type.Null()]),
    donorKind: Type.Union([Type.Enum(['individual', 'organisation']), Type.Null()]),
    foodBank: Type.Object(
      {
        name: Type.Union([Type.String(), Type.Null()]),
        registrationNumber: Type.Union([Type.String(), Type.Null()]),
        address: Type.Union([Type.String(), Type.Null()]),
        representative: Type.Union([Type.String(), Type.Null()]),
        legalBasis: Type.Union([Type.String(), Type.Null()]),
        typeCode: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false, description: 'The food bank as printed on the day of issue' },
    ),
    issuerName: Type.Union([Type.String(), Type.Null()]),
    reissueOfSerial: Type.Union([Type.String(), Type.Null()]),
    periodYear: Type.Integer(),
    totalAmount: Type.Integer({ description: 'Won: Σ quantity × unit value of accepted lines' }),
    issuedAt: Timestamp,
    voidedAt: Type.Union([Timestamp, Type.Null()]),
    voidReason: Type.Union([Type.String(), Type.Null()]),
    reissueOf: Type.Union([Type.Integer(), Type.Null()]),
    donationIds: Type.Array(Type.Integer()),
    lines: Type.Array(ref(ReceiptLineSchema)),
  },
  { $id: 'Receipt', additionalProperties: false },
);
export type ReceiptDto = Static<typeof ReceiptSchema>;

export const ReceiptListSchema = Type.Object({ items: Type.Array(ref(ReceiptSchema)) }, { $id: 'ReceiptList', additionalProperties: false });

export const IssueReceiptBodySchema = Type.Object({ form: Type.Optional(Form) }, { $id: 'IssueReceiptRequest', additionalProperties: false });
export const AnnualReceiptBodySchema = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), form: Type.Optional(Form) },
  { $id: 'AnnualReceiptRequest', additionalProperties: false },
);
export const VoidReceiptBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { $id: 'VoidReceiptRequest', additionalProperties: false },
);
export const ReceiptListQuerySchema = Type.Object(
  { donorId: Type.Optional(Type.Integer({ minimum: 1 })), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);

export const RegisterQuerySchema = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);

export const YearQuerySchema = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });

/** A donor with completed donations in the year that no receipt in force covers yet. */
export const YearEndDonorSchema = Type.Object(
  {
    donorId: Type.Integer(),
    donorName: Type.String(),
    kind: Type.Enum(['individual', 'organisation']),
    registrationMasked: Type.Union([Type.String(), Type.Null()]),
    consentReceipts: Type.Boolean(),
    donations: Type.Integer({ description: 'Completed donations in the year without a receipt' }),
    amount: Type.Integer({ description: 'Won: their accepted value' }),
  },
  { $id: 'YearEndDonor', additionalProperties: false },
);
export const YearEndListSchema = Type.Object(
  { year: Type.Integer(), items: Type.Array(ref(YearEndDonorSchema)) },
  { $id: 'YearEndList', additionalProperties: false },
);

/** What a receipt prints about the food bank: a setting of each food bank, not a constant. */
export const ReceiptSettingsSchema = Type.Object(
  {
    name: Type.String(),
    registrationNumber: Type.Union([Type.String(), Type.Null()], { description: '사업자등록번호 or 고유번호' }),
    address: Type.Union([Type.String(), Type.Null()]),
    representative: Type.Union([Type.String(), Type.Null()]),
    legalBasis: Type.Union([Type.String(), Type.Null()], { description: '기부금공제대상 기부금단체 근거법령' }),
    receiptTypeCode: Type.Union([Type.String(), Type.Null()], { description: 'The form’s 코드 by legal status: 10, 20, 40, 41, 42, 50 …' }),
    complete: Type.Boolean({ description: 'Everything a receipt needs is set' }),
  },
  { $id: 'ReceiptSettings', additionalProperties: false },
);
export const UpdateReceiptSettingsBodySchema = Type.Object(
  {
    registrationNumber: Type.Optional(orNull(Type.String({ pattern: '^[0-9]{3}-?[0-9]{2}-?[0-9]{5}$' }))),
    address: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 300 }))),
    representative: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 100 }))),
    legalBasis: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 300 }))),
    receiptTypeCode: Type.Optional(orNull(Type.String({ pattern: '^[0-9]{2}$' }))),
  },
  { $id: 'UpdateReceiptSettingsRequest', additionalProperties: false, minProperties: 1 },
);
export type UpdateReceiptSettingsBody = Static<typeof UpdateReceiptSettingsBodySchema>;
