import { Type, type Static } from 'typebox';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate } from './donations.js';

const Id = Type.Integer({ minimum: 1 });

export const StartCountBodySchema = Type.Object(
  {
    locationId: Type.Optional(orNull(Id)),
    categoryId: Type.Optional(orNull(Id)),
    note: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  },
  { $id: 'StartStockCountRequest', additionalProperties: false },
);
export type StartCountBody = Static<typeof StartCountBodySchema>;

export const CountEntriesBodySchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          lineId: Id,
          counted: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
          note: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { $id: 'StockCountEntriesRequest', additionalProperties: false },
);
export type CountEntriesBody = Static<typeof CountEntriesBodySchema>;

export const StockCountLineSchema = Type.Object(
  {
    id: Type.Integer(),
    lotId: Type.Integer(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    locationId: Type.Integer(),
    locationName: Type.String(),
    expected: Type.Integer({ description: 'What the system held: at the start, then at the moment the count of this line was entered' }),
    counted: Type.Union([Type.Integer(), Type.Null()]),
    difference: Type.Union([Type.Integer(), Type.Null()], { description: 'counted − expected' }),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'StockCountLine', additionalProperties: false },
);

export const StockCountSchema = Type.Object(
  {
    id: Type.Integer(),
    locationId: Type.Union([Type.Integer(), Type.Null()]),
    categoryId: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Enum(['open', 'finalized']),
    note: Type.Union([Type.String(), Type.Null()]),
    startedByName: Type.String({ description: 'Who started the count' }),
    createdAt: Timestamp,
    finalizedByName: Type.Union([Type.String(), Type.Null()], { description: 'The admin who finalized it' }),
    finalizedAt: Type.Union([Timestamp, Type.Null()]),
    lines: Type.Array(ref(StockCountLineSchema)),
  },
  { $id: 'StockCount', additionalProperties: false },
);
export type StockCountDto = Static<typeof StockCountSchema>;

export const StockCountListSchema = Type.Object({ items: Type.Array(ref(StockCountSchema)) }, { $id: 'StockCountList', additionalProperties: false });

export const StockCountListQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum(['open', 'finalized'])) },
  { additionalProperties: false },
);
