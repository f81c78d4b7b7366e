import { Type, type Static } from 'typebox';
import { ref, Timestamp } from './common.js';
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
