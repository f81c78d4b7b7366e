import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  CATEGORY_KINDS,
  DATE_LABEL_KINDS,
  DONATION_CHANNELS,
  DISPOSAL_REASONS,
  DONOR_KINDS,
  MOVEMENT_REASONS,
  REJECTION_REASONS,
  STORAGE_ZONES,
} from '../domain/inventory.js';
import { createdAt, inList } from './columns.js';
import { foodBanks, users } from './tenancy-schema.js';

const foodBankId = () =>
  integer('food_bank_id')
    .notNull()
    .references(() => foodBanks.id);

/** Item categories are data: seeded with Korean defaults, editable by admins. */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    nameMn: text('name_mn'),
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    /** Goods outside the accepted categories are rejected at intake. */
    accepted: integer('accepted', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('categories_name_unique').on(t.foodBankId, t.name),
    check('categories_kind_check', sql`${t.kind} in (${inList(CATEGORY_KINDS)})`),
  ],
);

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    name: text('name').notNull(),
    /** The name folded for uniqueness: lower case, no spaces. */
    nameKey: text('name_key').notNull(),
    nameEn: text('name_en'),
    nameMn: text('name_mn'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    unit: text('unit').notNull(),
    /** Base units in one pack ("3 박스" at the desk means 3 × packSize). */
    packSize: integer('pack_size').notNull().default(1),
    defaultZone: text('default_zone', { enum: STORAGE_ZONES }).notNull(),
    defaultUnitValue: integer('default_unit_value').notNull().default(0),
    unitWeightGrams: integer('unit_weight_grams').notNull().default(0),
    minStock: integer('min_stock'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    requestable: integer('requestable', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    uniqueIndex('items_name_key_unique').on(t.foodBankId, t.nameKey),
    index('items_category_idx').on(t.categoryId),
    check('items_zone_check', sql`${t.defaultZone} in (${inList(STORAGE_ZONES)})`),
    check('items_pack_size_check', sql`${t.packSize} >= 1`),
    check('items_values_check', sql`${t.defaultUnitValue} >= 0 and ${t.unitWeightGrams} >= 0`),
  ],
);

export const itemBarcodes = sqliteTable(
  'item_barcodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    /** GTIN-8/12/13/14 digits, check digit verified. */
    code: text('code').notNull(),
    /** A case of 24 scans as 24. */
    quantityPerScan: integer('quantity_per_scan').notNull().default(1),
  },
  (t) => [
    uniqueIndex('item_barcodes_code_unique').on(t.foodBankId, t.code),
    index('item_barcodes_item_idx').on(t.itemId),
    check('item_barcodes_quantity_check', sql`${t.quantityPerScan} >= 1`),
  ],
);

export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    warehouse: text('warehouse').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    zone: text('zone', { enum: STORAGE_ZONES }).notNull(),
    /** Optional capacity in base units. */
    capacity: integer('capacity'),
    /** Walking order for pick lists. */
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('locations_name_key_unique').on(t.foodBankId, t.nameKey),
    check('locations_zone_check', sql`${t.zone} in (${inList(STORAGE_ZONES)})`),
  ],
);

/** The donor record staff pick at the desk; the donor issue adds self-service and receipts. */
export const donors = sqliteTable(
  'donors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    kind: text('kind', { enum: DONOR_KINDS }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    businessNumber: text('business_number'),
    /** AES-256-GCM; decrypted only to render a receipt. */
    residentNumberEncrypted: text('resident_number_encrypted'),
    /** `900101-1******`: what every answer and page shows. */
    residentNumberMasked: text('resident_number_masked'),
    consentReceipts: integer('consent_receipts', { mode: 'boolean' }).notNull().default(false),
    consentMessages: integer('consent_messages', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    /** Created by the donor at sign-up rather than by staff: a candidate for merging. */
    selfRegistered: integer('self_registered', { mode: 'boolean' }).notNull().default(false),
    /** Set when staff merged this record into another; it then leaves searches. */
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => donors.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('donors_food_bank_name_idx').on(t.foodBankId, t.name),
    check(
      'donors_registration_check',
      sql`(${t.kind} = 'individual' and ${t.businessNumber} is null) or (${t.kind} = 'organisation' and ${t.residentNumberEncrypted} is null)`,
    ),
    check('donors_kind_check', sql`${t.kind} in (${inList(DONOR_KINDS)})`),
  ],
);

export const donations = sqliteTable(
  'donations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    receivedOn: text('received_on').notNull(),
    channel: text('channel', { enum: DONATION_CHANNELS }).notNull(),
    status: text('status', { enum: ['draft', 'completed'] }).notNull().default('draft'),
    notes: text('notes'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    completedBy: integer('completed_by').references(() => users.id),
    completedAt: text('completed_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('donations_food_bank_idx').on(t.foodBankId, t.receivedOn),
    index('donations_donor_idx').on(t.donorId),
    check('donations_channel_check', sql`${t.channel} in (${inList(DONATION_CHANNELS)})`),
    check('donations_status_check', sql`${t.status} in ('draft', 'completed')`),
  ],
);

export const donationLines = sqliteTable(
  'donation_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    donationId: integer('donation_id')
      .notNull()
      .references(() => donations.id),
    lineNo: integer('line_no').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    quantity: integer('quantity').notNull(),
    unitValue: integer('unit_value').notNull(),
    dateLabelKind: text('date_label_kind', { enum: DATE_LABEL_KINDS }).notNull(),
    dateLabel: text('date_label'),
    zone: text('zone', { enum: STORAGE_ZONES }).notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    rejectionReason: text('rejection_reason', { enum: REJECTION_REASONS }),
    rejectionNote: text('rejection_note'),
    /** Why a line whose date has passed was accepted anyway. */
    overrideReason: text('override_reason'),
    locationId: integer('location_id').references(() => locations.id),
    /** Set when a correction replaced this line; the line stays on record. */
    voidedByCorrectionId: integer('voided_by_correction_id').references((): AnySQLiteColumn => donationCorrections.id),
  },
  (t) => [
    uniqueIndex('donation_lines_no_unique').on(t.donationId, t.lineNo),
    check('donation_lines_quantity_check', sql`${t.quantity} > 0 and ${t.unitValue} >= 0`),
    check('donation_lines_zone_check', sql`${t.zone} in (${inList(STORAGE_ZONES)})`),
    check('donation_lines_kind_check', sql`${t.dateLabelKind} in (${inList(DATE_LABEL_KINDS)})`),
    check(
      'donation_lines_rejection_check',
      sql`(${t.accepted} = 1 and ${t.rejectionReason} is null) or (${t.accepted} = 0 and ${t.rejectionReason} in (${inList(REJECTION_REASONS)}))`,
    ),
  ],
);

/** A quantity of one item with one date label, received together; the unit stock is traced by. */
export const lots = sqliteTable(
  'lots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    donationLineId: integer('donation_line_id').references(() => donationLines.id),
    dateLabelKind: text('date_label_kind', { enum: DATE_LABEL_KINDS }).notNull(),
    dateLabel: text('date_label'),
    zone: text('zone', { enum: STORAGE_ZONES }).notNull(),
    unitValue: integer('unit_value').notNull(),
    receivedOn: text('received_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('lots_item_date_idx').on(t.foodBankId, t.itemId, t.dateLabel),
    uniqueIndex('lots_donation_line_unique').on(t.donationLineId),
  ],
);

/**
 * The ledger (장부): every change of stock, appended and never updated or deleted (triggers in
 * the migration refuse both).
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
    reason: text('reason', { enum: MOVEMENT_REASONS }).notNull(),
    documentType: text('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    actorUserId: integer('actor_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    occurredAt: createdAt(),
  },
  (t) => [
    index('stock_movements_lot_idx').on(t.lotId, t.id),
    index('stock_movements_document_idx').on(t.documentType, t.documentId),
    index('stock_movements_food_bank_idx').on(t.foodBankId, t.id),
    check('stock_movements_reason_check', sql`${t.reason} in (${inList(MOVEMENT_REASONS)})`),
    check('stock_movements_quantity_check', sql`${t.quantity} <> 0`),
  ],
);

/** Current stock per lot and location: a projection of the ledger, kept in the same transaction. */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    foodBankId: foodBankId(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    onHand: integer('on_hand').notNull(),
    /** Held for confirmed allocations; available = onHand − reserved. */
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.lotId, t.locationId] }),
    index('stock_levels_location_idx').on(t.locationId),
    // Only places with stock: consumed lots leave zeros behind, and views must not wade through them.
    index('stock_levels_on_hand_idx')
      .on(t.foodBankId, t.lotId)
      .where(sql`on_hand > 0`),
    // The last line of defence: stock can never go negative or be over-reserved.
    check('stock_levels_non_negative', sql`${t.onHand} >= 0 and ${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

/** 폐기: stock taken out of use, with who authorised it. */
export const disposals = sqliteTable(
  'disposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
    reason: text('reason', { enum: DISPOSAL_REASONS }).notNull(),
    note: text('note'),
    authorizedBy: text('authorized_by').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disposals_food_bank_idx').on(t.foodBankId, t.createdAt),
    check('disposals_quantity_check', sql`${t.quantity} > 0`),
    check('disposals_reason_check', sql`${t.reason} in (${inList(DISPOSAL_REASONS)})`),
  ],
);

/** A correction of a completed donation: its old lines are reversed in the ledger and new ones applied. */
export const donationCorrections = sqliteTable(
  'donation_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    donationId: integer('donation_id')
      .notNull()
      .references(() => donations.id),
    reason: text('reason').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('donation_corrections_donation_idx').on(t.donationId)],
);

/** A move of stock between two locations of one food bank. */
export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    fromLocationId: integer('from_location_id')
      .notNull()
      .references(() => locations.id),
    toLocationId: integer('to_location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('transfers_food_bank_idx').on(t.foodBankId, t.createdAt),
    check('transfers_quantity_check', sql`${t.quantity} > 0 and ${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

/**
 * A shipment between food banks of the network (a 광역 sending to a 기초, say): stock leaves the
 * sender when shipped; the receiver confirms what arrived, and shortfalls stay on record.
 */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromFoodBankId: integer('from_food_bank_id')
      .notNull()
      .references(() => foodBanks.id),
    toFoodBankId: integer('to_food_bank_id')
      .notNull()
      .references(() => foodBanks.id),
    status: text('status', { enum: ['shipped', 'received'] }).notNull(),
    note: text('note'),
    shippedBy: integer('shipped_by')
      .notNull()
      .references(() => users.id),
    receivedBy: integer('received_by').references(() => users.id),
    receivedAt: text('received_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('shipments_from_idx').on(t.fromFoodBankId, t.createdAt),
    index('shipments_to_idx').on(t.toFoodBankId, t.createdAt),
    check('shipments_status_check', sql`${t.status} in ('shipped', 'received')`),
    check('shipments_parties_check', sql`${t.fromFoodBankId} <> ${t.toFoodBankId}`),
  ],
);

export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    lineNo: integer('line_no').notNull(),
    /** The sender's lot and where it left from. */
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    fromLocationId: integer('from_location_id')
      .notNull()
      .references(() => locations.id),
    quantity: integer('quantity').notNull(),
    /** Filled by the receiver. */
    receivedQuantity: integer('received_quantity'),
    receivedItemId: integer('received_item_id').references(() => items.id),
    receivedLotId: integer('received_lot_id').references(() => lots.id),
    toLocationId: integer('to_location_id').references(() => locations.id),
    shortfallNote: text('shortfall_note'),
  },
  (t) => [
    uniqueIndex('shipment_lines_no_unique').on(t.shipmentId, t.lineNo),
    check('shipment_lines_quantity_check', sql`${t.quantity} > 0`),
    check(
      'shipment_lines_received_check',
      sql`${t.receivedQuantity} is null or (${t.receivedQuantity} >= 0 and ${t.receivedQuantity} <= ${t.quantity})`,
    ),
  ],
);

/** 재고 실사: counted quantities per lot, reviewed, then finalized into count adjustments. */
export const stockCounts = sqliteTable(
  'stock_counts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    locationId: integer('location_id').references(() => locations.id),
    categoryId: integer('category_id').references(() => categories.id),
    status: text('status', { enum: ['open', 'finalized'] }).notNull().default('open'),
    note: text('note'),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    finalizedBy: integer('finalized_by').references(() => users.id),
    finalizedAt: text('finalized_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('stock_counts_food_bank_idx').on(t.foodBankId, t.createdAt),
    check('stock_counts_status_check', sql`${t.status} in ('open', 'finalized')`),
  ],
);

export const stockCountLines = sqliteTable(
  'stock_count_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    /** On hand when the count started. */
    expected: integer('expected').notNull(),
    counted: integer('counted'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('stock_count_lines_unique').on(t.countId, t.lotId, t.locationId),
    check('stock_count_lines_counted_check', sql`${t.counted} is null or ${t.counted} >= 0`),
  ],
);

/** Remembered answers to writes sent with an Idempotency-Key, so a retry never acts twice. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ItemRow = typeof items.$inferSelect;
export type ItemBarcodeRow = typeof itemBarcodes.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type DonorRow = typeof donors.$inferSelect;
export type DonationRow = typeof donations.$inferSelect;
export type DonationLineRow = typeof donationLines.$inferSelect;
export type LotRow = typeof lots.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type DisposalRow = typeof disposals.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentLineRow = typeof shipmentLines.$inferSelect;
export type StockCountRow = typeof stockCounts.$inferSelect;
export type StockCountLineRow = typeof stockCountLines.$inferSelect;
export type DonationCorrectionRow = typeof donationCorrections.$inferSelect;

/** The next serial number of a food bank's receipts in a year: taken in the issuing transaction. */
export const receiptSerials = sqliteTable(
  'receipt_serials',
  {
    foodBankId: foodBankId(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.foodBankId, t.year] })],
);

/**
 * A donation receipt (기부금영수증, or 기부식품 등 영수증 for surplus food at book value). Never
 * edited: a mistake is voided (the serial stays used) and reissued under a new serial. The donor's
 * details are copied at issue time, as printed.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foodBankId: foodBankId(),
    serial: text('serial').notNull(),
    kind: text('kind', { enum: ['donation', 'annual'] }).notNull(),
    form: text('form', { enum: ['donation_receipt', 'food_donation_receipt'] }).notNull(),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    periodYear: integer('period_year').notNull(),
    donorName: text('donor_name').notNull(),
    donorRegistrationMasked: text('donor_registration_masked'),
    donorAddress: text('donor_address'),
    donorKind: text('donor_kind', { enum: DONOR_KINDS }),
    /** The plain registration number as printed, encrypted; decrypted only to render the PDF. */
    donorRegistrationEncrypted: text('donor_registration_encrypted'),
    /** The food bank as printed on the day (name, numbers, legal basis and type code). */
    foodBankName: text('food_bank_name'),
    foodBankRegistrationNumber: text('food_bank_registration_number'),
    foodBankAddress: text('food_bank_address'),
    foodBankRepresentative: text('food_bank_representative'),
    legalBasis: text('legal_basis'),
    typeCode: text('type_code'),
    issuerName: text('issuer_name'),
    totalAmount: integer('total_amount').notNull(),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: createdAt(),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    reissueOf: integer('reissue_of').references((): AnySQLiteColumn => receipts.id),
  },
  (t) => [
    uniqueIndex('receipts_serial_unique').on(t.foodBankId, t.serial),
    index('receipts_donor_idx').on(t.donorId, t.periodYear),
    check('receipts_kind_check', sql`${t.kind} in ('donation', 'annual')`),
    check('receipts_form_check', sql`${t.form} in ('donation_receipt', 'food_donation_receipt')`),
    check('receipts_amount_check', sql`${t.totalAmount} >= 0`),
  ],
);

/** Which donations a receipt covers (one for a single receipt, a year's for an annual one). */
export const receiptDonations = sqliteTable(
  'receipt_donations',
  {
    receiptId: integer('receipt_id')
      .notNull()
      .references(() => receipts.id),
    donationId: integer('donation_id')
      .notNull()
      .references(() => donations.id),
  },
  (t) => [primaryKey({ columns: [t.receiptId, t.donationId] }), index('receipt_donations_donation_idx').on(t.donationId)],
);

/** One printed line: 구분 (현물), date, item, quantity, unit value, amount. */
export const receiptLines = sqliteTable(
  'receipt_lines',
  {
    receiptId: integer('receipt_id')
      .notNull()
      .references(() => receipts.id),
    lineNo: integer('line_no').notNull(),
    kind: text('kind', { enum: ['cash', 'in_kind'] }).notNull(),
    date: text('date').notNull(),
    itemName: text('item_name').notNull(),
    quantity: integer('quantity').notNull(),
    unitValue: integer('unit_value').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.receiptId, t.lineNo] })],
);

export type ReceiptRow = typeof receipts.$inferSelect;
export type ReceiptLineRow = typeof receiptLines.$inferSelect;
