import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AGENCY_STATUSES, AGENCY_TYPES, ALLOCATION_STATUSES, FULFILMENT_METHODS, REQUEST_STATUSES, ROUND_STATUSES } from '../domain/distribution.js';
import { createdAt, inList } from './columns.js';
import { categories, items, locations, lots } from './inventory-schema.js';
import { foodBanks, users } from './tenancy-schema.js';

const foodBankId = () =>
  integer('food_bank_id')
    .notNull()
    .references(() => foodBanks.id);
const userRef = (name: string) => integer(name).references(() => users.id);
/** Capacity in base units per zone; null means no stated limit. */
const capacity = (name: string) => integer(name);

/** A partner agency (이용시설) the food bank supplies. */
export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    type: text('type', { enum: AGENCY_TYPES }).notNull(),
    registrationNumber: text('registration_number'),
    address: text('address').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    /** Storage: every agency keeps ambient goods; a fridge allows chilled, a freezer frozen. */
    hasFridge: integer('has_fridge', { mode: 'boolean' }).notNull().default(false),
    hasFreezer: integer('has_freezer', { mode: 'boolean' }).notNull().default(false),
    ambientCapacity: capacity('ambient_capacity'),
    chilledCapacity: capacity('chilled_capacity'),
    frozenCapacity: capacity('frozen_capacity'),
    /** People served by priority category (domain.md): the weight of the agency's need. */
    peopleEmergency: integer('people_emergency').notNull().default(0),
    peopleNearPoor: integer('people_near_poor').notNull().default(0),
    peopleCutOff: integer('people_cut_off').notNull().default(0),
    peopleRecipients: integer('people_recipients').notNull().default(0),
    fulfilment: text('fulfilment', { enum: FULFILMENT_METHODS }).notNull(),
    status: text('status', { enum: AGENCY_STATUSES }).notNull().default('pending'),
    statusReason: text('status_reason'),
    statusChangedBy: userRef('status_changed_by'),
    statusChangedAt: text('status_changed_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    uniqueIndex('agencies_name_key_unique').on(t.foodBankId, t.nameKey),
    check('agencies_type_check', sql`${t.type} in (${inList(AGENCY_TYPES)})`),
    check('agencies_status_check', sql`${t.status} in (${inList(AGENCY_STATUSES)})`),
    check('agencies_fulfilment_check', sql`${t.fulfilment} in (${inList(FULFILMENT_METHODS)})`),
    check(
      'agencies_people_check',
      sql`${t.peopleEmergency} >= 0 and ${t.peopleNearPoor} >= 0 and ${t.peopleCutOff} >= 0 and ${t.peopleRecipients} >= 0`,
    ),
    check(
      'agencies_capacity_check',
      sql`coalesce(${t.ambientCapacity}, 1) > 0 and coalesce(${t.chilledCapacity}, 1) > 0 and coalesce(${t.frozenCapacity}, 1) > 0`,
    ),
  ],
);

/** An agency user's sign-in and the one agency it acts for. */
export const agencyAccounts = sqliteTable('agency_accounts', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id),
});

/** What an agency asks for, by a needed-by day, to collect or have delivered. */
export const allocationRequests = sqliteTable(
  'allocation_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('draft'),
    neededBy: text('needed_by').notNull(),
    fulfilment: text('fulfilment', { enum: FULFILMENT_METHODS }).notNull(),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    submittedAt: text('submitted_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('allocation_requests_status_idx').on(t.foodBankId, t.status, t.neededBy),
    index('allocation_requests_agency_idx').on(t.agencyId, t.createdAt),
    check('allocation_requests_status_check', sql`${t.status} in (${inList(REQUEST_STATUSES)})`),
    check('allocation_requests_fulfilment_check', sql`${t.fulfilment} in (${inList(FULFILMENT_METHODS)})`),
  ],
);

/** Every status a request passed through: who moved it, when and why. Appended, never changed. */
export const requestStatusChanges = sqliteTable(
  'request_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => allocationRequests.id),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    changedBy: integer('changed_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    changedAt: createdAt(),
  },
  (t) => [
    index('request_status_changes_request_idx').on(t.requestId, t.id),
    check('request_status_changes_status_check', sql`${t.status} in (${inList(REQUEST_STATUSES)})`),
  ],
);

/** One item ("쌀 20kg × 10") or any item of a category ("라면류 200개"). */
export const requestLines = sqliteTable(
  'request_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => allocationRequests.id),
    lineNo: integer('line_no').notNull(),
    itemId: integer('item_id').references(() => items.id),
    categoryId: integer('category_id').references(() => categories.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    uniqueIndex('request_lines_no_unique').on(t.requestId, t.lineNo),
    check('request_lines_quantity_check', sql`${t.quantity} > 0`),
    check('request_lines_target_check', sql`(${t.itemId} is null) <> (${t.categoryId} is null)`),
  ],
);

/** A matching run: proposed for review, then confirmed (stock reserved) or discarded. */
export const matchingRounds = sqliteTable(
  'matching_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('proposed'),
    /** The day the round was matched for (dates are checked against it). */
    matchedOn: text('matched_on').notNull(),
    baseShare: integer('base_share').notNull(),
    /** Priority weights used, as JSON {emergency, nearPoor, cutOff, recipients}. */
    weights: text('weights').notNull(),
    /** The proposal's fill rates and fairness as reviewed (JSON): published with the round. */
    report: text('report').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    confirmedBy: userRef('confirmed_by'),
    confirmedAt: text('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('matching_rounds_food_bank_idx').on(t.foodBankId, t.createdAt),
    check('matching_rounds_status_check', sql`${t.status} in (${inList(ROUND_STATUSES)})`),
  ],
);

/** The round's proposed lines; staff may adjust them until the round is confirmed. */
export const roundLines = sqliteTable(
  'round_lines',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => matchingRounds.id),
    requestLineId: integer('request_line_id')
      .notNull()
      .references(() => requestLines.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.requestLineId, t.lotId, t.locationId] }), check('round_lines_quantity_check', sql`${t.quantity} > 0`)],
);

/** Units of a lot at a location held for (then handed to) one request line: what traces every unit. */
export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    roundId: integer('round_id')
      .notNull()
      .references(() => matchingRounds.id),
    requestId: integer('request_id')
      .notNull()
      .references(() => allocationRequests.id),
    requestLineId: integer('request_line_id')
      .notNull()
      .references(() => requestLines.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: ALLOCATION_STATUSES }).notNull().default('reserved'),
    releasedReason: text('released_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('allocations_request_idx').on(t.requestId),
    index('allocations_lot_idx').on(t.lotId),
    index('allocations_agency_idx').on(t.agencyId),
    check('allocations_quantity_check', sql`${t.quantity} > 0`),
    check('allocations_status_check', sql`${t.status} in (${inList(ALLOCATION_STATUSES)})`),
  ],
);

/** Who collected or delivered a request, when, and who recorded it. */
export const handovers = sqliteTable(
  'handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    requestId: integer('request_id')
      .notNull()
      .references(() => allocationRequests.id),
    method: text('method', { enum: FULFILMENT_METHODS }).notNull(),
    /** The person who collected it (or to whom it was delivered); a proxy is named as such. */
    receivedByName: text('received_by_name').notNull(),
    proxy: integer('proxy', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('handovers_request_unique').on(t.requestId), check('handovers_method_check', sql`${t.method} in (${inList(FULFILMENT_METHODS)})`)],
);

/** The agency's confirmation of what arrived, with shortfalls and damage per allocation. */
export const receiptConfirmations = sqliteTable('receipt_confirmations', {
  requestId: integer('request_id')
    .primaryKey()
    .references(() => allocationRequests.id),
  confirmedBy: integer('confirmed_by')
    .notNull()
    .references(() => users.id),
  note: text('note'),
  confirmedAt: createdAt(),
});

export const receiptConfirmationLines = sqliteTable(
  'receipt_confirmation_lines',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => receiptConfirmations.requestId),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    receivedQuantity: integer('received_quantity').notNull(),
    damagedQuantity: integer('damaged_quantity').notNull().default(0),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.allocationId] }),
    check('receipt_confirmation_lines_check', sql`${t.receivedQuantity} >= 0 and ${t.damagedQuantity} >= 0 and ${t.damagedQuantity} <= ${t.receivedQuantity}`),
  ],
);

export type AgencyRow = typeof agencies.$inferSelect;
export type AllocationRequestRow = typeof allocationRequests.$inferSelect;
export type RequestLineRow = typeof requestLines.$inferSelect;
export type MatchingRoundRow = typeof matchingRounds.$inferSelect;
export type RoundLineRow = typeof roundLines.$inferSelect;
export type AllocationRow = typeof allocations.$inferSelect;
export type HandoverRow = typeof handovers.$inferSelect;
