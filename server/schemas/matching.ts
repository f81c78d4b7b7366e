import { Type, type Static } from 'typebox';
import { ROUND_STATUSES } from '../domain/distribution.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate, StorageZoneSchema } from './donations.js';

const Rate = Type.Number({ minimum: 0, maximum: 1 });
const NullableRate = orNull(Rate);

export const PriorityWeightsSchema = Type.Object(
  {
    emergency: Type.Integer({ minimum: 0, maximum: 100 }),
    nearPoor: Type.Integer({ minimum: 0, maximum: 100 }),
    cutOff: Type.Integer({ minimum: 0, maximum: 100 }),
    recipients: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { $id: 'PriorityWeights', additionalProperties: false, description: 'Weight of one person of each priority category (Korean defaults 4, 3, 2, 1)' },
);

export const RunRoundBodySchema = Type.Object(
  {
    baseShare: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'Units each agency gets per item or category before sharing by need' })),
    priorityWeights: Type.Optional(ref(PriorityWeightsSchema)),
  },
  { $id: 'RunMatchingRoundRequest', additionalProperties: false },
);
export type RunRoundBody = Static<typeof RunRoundBodySchema>;

export const RoundAllocationSchema = Type.Object(
  {
    requestLineId: Type.Integer(),
    requestId: Type.Integer(),
    agencyId: Type.Integer(),
    agencyName: Type.String(),
    lotId: Type.Integer(),
    locationId: Type.Integer(),
    locationName: Type.String(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    zone: ref(StorageZoneSchema),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    quantity: Type.Integer(),
  },
  { $id: 'RoundAllocation', additionalProperties: false },
);

export const MatchingRoundSchema = Type.Object(
  {
    id: Type.Integer(),
    status: Type.Enum(ROUND_STATUSES),
    matchedOn: IsoDate,
    baseShare: Type.Integer(),
    priorityWeights: ref(PriorityWeightsSchema),
    createdAt: Timestamp,
    confirmedAt: Type.Union([Timestamp, Type.Null()]),
    fairness: Type.Object(
      {
        agencies: Type.Integer(),
        requested: Type.Integer(),
        allocated: Type.Integer(),
        minFillRate: NullableRate,
        maxFillRate: NullableRate,
        spread: NullableRate,
        weightedFillRate: NullableRate,
        jainIndex: NullableRate,
      },
      { additionalProperties: false, description: 'Among agencies with demand: fill rate = allocated ÷ requested' },
    ),
    agencies: Type.Array(
      Type.Object(
        { agencyId: Type.Integer(), agencyName: Type.String(), needWeight: Type.Integer(), requested: Type.Integer(), allocated: Type.Integer(), fillRate: Rate },
        { additionalProperties: false },
      ),
    ),
    lines: Type.Array(
      Type.Object(
        {
          requestLineId: Type.Integer(),
          requestId: Type.Integer(),
          agencyId: Type.Integer(),
          name: Type.String(),
          unit: Type.Union([Type.String(), Type.Null()]),
          requested: Type.Integer(),
          allocated: Type.Integer(),
          fillRate: Rate,
          shortfall: Type.Union([Type.Enum(['short_stock', 'no_eligible_lot', 'storage', 'capacity', 'expiry', 'adjusted']), Type.Null()], {
            description: 'Why the line got less than asked; adjusted: staff lowered it',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    allocations: Type.Array(ref(RoundAllocationSchema)),
  },
  { $id: 'MatchingRound', additionalProperties: false },
);
export type MatchingRoundDto = Static<typeof MatchingRoundSchema>;

export const MatchingRoundListSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.Integer(), status: Type.Enum(ROUND_STATUSES), matchedOn: IsoDate, createdAt: Timestamp, confirmedAt: Type.Union([Timestamp, Type.Null()]), agencies: Type.Integer(), requested: Type.Integer(), allocated: Type.Integer(), minFillRate: NullableRate, spread: NullableRate },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'MatchingRoundList', additionalProperties: false },
);

export const AdjustRoundBodySchema = Type.Object(
  {
    allocations: Type.Array(
      Type.Object(
        { requestLineId: Type.Integer({ minimum: 1 }), lotId: Type.Integer({ minimum: 1 }), locationId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 20_000, description: 'The whole proposal as staff want it confirmed' },
    ),
  },
  { $id: 'AdjustMatchingRoundRequest', additionalProperties: false },
);
export type AdjustRoundBody = Static<typeof AdjustRoundBodySchema>;

/** A food bank's matching defaults: what a round uses unless staff choose otherwise when running it. */
export const MatchingSettingsSchema = Type.Object(
  { baseShare: Type.Integer(), priorityWeights: ref(PriorityWeightsSchema) },
  { $id: 'MatchingSettings', additionalProperties: false },
);
export const UpdateMatchingSettingsBodySchema = Type.Object(
  { baseShare: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })), priorityWeights: Type.Optional(ref(PriorityWeightsSchema)) },
  { $id: 'UpdateMatchingSettingsRequest', additionalProperties: false, minProperties: 1 },
);
