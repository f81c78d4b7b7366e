import { Type, type Static } from 'typebox';
import { PLANNED_DELIVERY, PLANNED_STATUSES } from '../domain/planned-contributions.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate } from './donations.js';

export const PlannedContributionLineSchema = Type.Object(
  {
    lineNo: Type.Integer(),
    itemId: Type.Union([Type.Integer(), Type.Null()]),
    itemName: Type.Union([Type.String(), Type.Null()]),
    description: Type.String(),
    quantity: Type.Integer(),
    unit: Type.String(),
  },
  { $id: 'PlannedContributionLine', additionalProperties: false },
);

export const PlannedContributionSchema = Type.Object(
  {
    id: Type.Integer(),
    donorId: Type.Integer(),
    donorName: Type.String(),
    expectedOn: IsoDate,
    delivery: Type.Enum(PLANNED_DELIVERY, { description: 'drop_off: the donor brings it; pickup: the food bank collects it' }),
    pickupAddress: Type.Union([Type.String(), Type.Null()]),
    contactPhone: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
    status: Type.Enum(PLANNED_STATUSES),
    donationId: Type.Union([Type.Integer(), Type.Null()], { description: 'The donation it arrived as' }),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    lines: Type.Array(ref(PlannedContributionLineSchema)),
  },
  { $id: 'PlannedContribution', additionalProperties: false },
);
export type PlannedContributionDto = Static<typeof PlannedContributionSchema>;

export const PlannedContributionListSchema = Type.Object(
  { items: Type.Array(ref(PlannedContributionSchema)) },
  { $id: 'PlannedContributionList', additionalProperties: false },
);

export const PlannedLineInputSchema = Type.Object(
  {
    itemId: Type.Optional(orNull(Type.Integer({ minimum: 1, description: 'A catalog item, when the donor picked one' }))),
    description: Type.Optional(Type.String({ maxLength: 200, description: 'What it is, in the donor’s words (needed without an item)' })),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    unit: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { $id: 'PlannedContributionLineInput', additionalProperties: false },
);

export const PlannedContributionBodySchema = Type.Object(
  {
    expectedOn: IsoDate,
    delivery: Type.Enum(PLANNED_DELIVERY),
    pickupAddress: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
    contactPhone: Type.Optional(orNull(Type.String({ pattern: '^[0-9+() -]{7,20}$' }))),
    note: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
    lines: Type.Array(ref(PlannedLineInputSchema), { minItems: 1, maxItems: 50 }),
  },
  { $id: 'PlannedContributionRequest', additionalProperties: false },
);
export type PlannedContributionBody = Static<typeof PlannedContributionBodySchema>;

export const CancelPlanBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { $id: 'CancelPlannedContributionRequest', additionalProperties: false },
);

export const PlannedListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(PLANNED_STATUSES)),
    donorId: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** What a donor may pick from when planning: active catalog items, names and units only. */
export const DonorCatalogSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), unit: Type.String(), categoryName: Type.String() }, { additionalProperties: false }),
    ),
  },
  { $id: 'DonorCatalog', additionalProperties: false },
);
