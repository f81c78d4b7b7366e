import { Type, type Static } from 'typebox';
import { ALLOCATION_STATUSES, FULFILMENT_METHODS, REQUEST_STATUSES } from '../domain/distribution.js';
import { DATE_LABEL_KINDS } from '../domain/inventory.js';
import { orNull, ref, Timestamp } from './common.js';
import { IsoDate, StorageZoneSchema } from './donations.js';

export const RequestLineInputSchema = Type.Object(
  {
    itemId: Type.Optional(Type.Integer({ minimum: 1 })),
    categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'Any item of the category ("라면류 200개"); give itemId or categoryId' })),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { $id: 'RequestLineInput', additionalProperties: false },
);

export const RequestBodySchema = Type.Object(
  {
    neededBy: IsoDate,
    fulfilment: Type.Enum(FULFILMENT_METHODS),
    note: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
    lines: Type.Array(ref(RequestLineInputSchema), { minItems: 1, maxItems: 100 }),
    submit: Type.Optional(Type.Boolean({ description: 'Submit at once instead of keeping a draft' })),
    confirmUnusual: Type.Optional(Type.Boolean({ description: 'Yes, the quantities flagged as far above usual are meant' })),
  },
  { $id: 'AllocationRequestRequest', additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBodySchema>;

export const SubmitRequestBodySchema = Type.Object(
  { confirmUnusual: Type.Optional(Type.Boolean()) },
  { $id: 'SubmitAllocationRequestRequest', additionalProperties: false },
);

export const ReasonBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { $id: 'ReasonRequest', additionalProperties: false });

export const UnusualLineSchema = Type.Object(
  { lineNo: Type.Integer(), quantity: Type.Integer(), usual: Type.Integer({ description: 'The agency’s median for the same item or category' }) },
  { $id: 'UnusualLine', additionalProperties: false },
);

export const RequestPreviewSchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { lineNo: Type.Integer(), itemId: Type.Union([Type.Integer(), Type.Null()]), categoryId: Type.Union([Type.Integer(), Type.Null()]), name: Type.String(), unit: Type.Union([Type.String(), Type.Null()]), quantity: Type.Integer() },
        { additionalProperties: false },
      ),
      { description: 'Lines as they will be kept: the same item or category asked twice is one line' },
    ),
    unusual: Type.Array(ref(UnusualLineSchema)),
  },
  { $id: 'AllocationRequestPreview', additionalProperties: false },
);

export const RequestAllocationSchema = Type.Object(
  {
    id: Type.Integer(),
    requestLineId: Type.Integer(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    zone: ref(StorageZoneSchema),
    dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    quantity: Type.Integer(),
    status: Type.Enum(ALLOCATION_STATUSES),
    /** Where it is picked from: for staff. */
    lotId: Type.Integer(),
    locationName: Type.String(),
  },
  { $id: 'RequestAllocation', additionalProperties: false },
);

export const AllocationRequestSchema = Type.Object(
  {
    id: Type.Integer(),
    agencyId: Type.Integer(),
    agencyName: Type.String(),
    status: Type.Enum(REQUEST_STATUSES),
    neededBy: IsoDate,
    fulfilment: Type.Enum(FULFILMENT_METHODS),
    note: Type.Union([Type.String(), Type.Null()]),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    submittedAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    lines: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          lineNo: Type.Integer(),
          itemId: Type.Union([Type.Integer(), Type.Null()]),
          categoryId: Type.Union([Type.Integer(), Type.Null()]),
          name: Type.String(),
          unit: Type.Union([Type.String(), Type.Null()]),
          quantity: Type.Integer(),
          allocated: Type.Integer({ description: 'Held or handed over for this line' }),
        },
        { additionalProperties: false },
      ),
    ),
    history: Type.Array(
      Type.Object(
        { status: Type.Enum(REQUEST_STATUSES), at: Timestamp, byName: Type.String(), note: Type.Union([Type.String(), Type.Null()]) },
        { additionalProperties: false },
      ),
      { description: 'Every status the request passed through, oldest first: who, when and why' },
    ),
    requested: Type.Integer(),
    allocated: Type.Integer(),
    fillRate: Type.Number({ description: 'allocated ÷ requested' }),
    allocations: Type.Array(ref(RequestAllocationSchema)),
    handover: Type.Union([
      Type.Object(
        { method: Type.Enum(FULFILMENT_METHODS), receivedByName: Type.String(), proxy: Type.Boolean(), note: Type.Union([Type.String(), Type.Null()]), at: Timestamp },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    confirmation: Type.Union([
      Type.Object(
        {
          at: Timestamp,
          note: Type.Union([Type.String(), Type.Null()]),
          lines: Type.Array(
            Type.Object(
              { allocationId: Type.Integer(), receivedQuantity: Type.Integer(), damagedQuantity: Type.Integer(), note: Type.Union([Type.String(), Type.Null()]) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { $id: 'AllocationRequest', additionalProperties: false },
);
export type AllocationRequestDto = Static<typeof AllocationRequestSchema>;

export const AllocationRequestListSchema = Type.Object({ items: Type.Array(ref(AllocationRequestSchema)) }, { $id: 'AllocationRequestList', additionalProperties: false });

export const MyRequestListQuerySchema = Type.Object({ status: Type.Optional(Type.Enum(REQUEST_STATUSES)) }, { additionalProperties: false });

export const RequestListQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum(REQUEST_STATUSES)), agencyId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const Availability = Type.Enum(['available', 'low', 'none'], { description: 'A hint only: never exact stock' });
export const RequestableSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.Integer(), name: Type.String(), unit: Type.String(), categoryId: Type.Integer(), categoryName: Type.String(), zone: ref(StorageZoneSchema), availability: Availability },
        { additionalProperties: false },
      ),
    ),
    categories: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), availability: Availability }, { additionalProperties: false })),
  },
  { $id: 'Requestable', additionalProperties: false },
);

export const HandoverBodySchema = Type.Object(
  {
    receivedByName: Type.String({ minLength: 1, maxLength: 100, description: 'Who collected it, or to whom it was delivered' }),
    proxy: Type.Optional(Type.Boolean({ description: 'Collected by someone on the agency’s behalf' })),
    method: Type.Optional(Type.Enum(FULFILMENT_METHODS)),
    note: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  },
  { $id: 'HandoverRequest', additionalProperties: false },
);

export const ConfirmReceiptBodySchema = Type.Object(
  {
    note: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
    lines: Type.Array(
      Type.Object(
        {
          allocationId: Type.Integer({ minimum: 1 }),
          receivedQuantity: Type.Integer({ minimum: 0 }),
          damagedQuantity: Type.Optional(Type.Integer({ minimum: 0 })),
          note: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500, description: 'Lines not listed arrived in full and undamaged' },
    ),
  },
  { $id: 'ConfirmReceiptRequest', additionalProperties: false },
);
export type ConfirmReceiptBody = Static<typeof ConfirmReceiptBodySchema>;

/** One allocation in a trace: which lot went (or is held) to which agency, and who took it. */
export const TraceEntrySchema = Type.Object(
  {
    allocationId: Type.Integer(),
    requestId: Type.Integer(),
    agencyId: Type.Integer(),
    agencyName: Type.String(),
    lotId: Type.Integer(),
    itemId: Type.Integer(),
    itemName: Type.String(),
    unit: Type.String(),
    dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
    dateLabel: Type.Union([IsoDate, Type.Null()]),
    receivedOn: IsoDate,
    donationLineId: Type.Union([Type.Integer(), Type.Null()]),
    locationName: Type.String(),
    quantity: Type.Integer(),
    status: Type.Enum(ALLOCATION_STATUSES),
    allocatedAt: Timestamp,
    handedOverAt: Type.Union([Timestamp, Type.Null()]),
    receivedByName: Type.Union([Type.String(), Type.Null()]),
    proxy: Type.Union([Type.Boolean(), Type.Null()]),
    method: Type.Union([Type.Enum(FULFILMENT_METHODS), Type.Null()]),
  },
  { $id: 'TraceEntry', additionalProperties: false },
);
export const TraceSchema = Type.Object({ items: Type.Array(ref(TraceEntrySchema)) }, { $id: 'Trace', additionalProperties: false });

/** What to pick for a request, in walking order by location. */
export const PickListSchema = Type.Object(
  {
    requestId: Type.Integer(),
    agencyName: Type.String(),
    neededBy: IsoDate,
    fulfilment: Type.Enum(FULFILMENT_METHODS),
    lines: Type.Array(
      Type.Object(
        {
          allocationId: Type.Integer(),
          warehouse: Type.String(),
          locationName: Type.String(),
          itemName: Type.String(),
          unit: Type.String(),
          zone: ref(StorageZoneSchema),
          lotId: Type.Integer(),
          dateLabelKind: Type.Enum(DATE_LABEL_KINDS),
          dateLabel: Type.Union([IsoDate, Type.Null()]),
          quantity: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'PickList', additionalProperties: false },
);
export type PickListDto = Static<typeof PickListSchema>;
