CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`name_mn` text,
	`kind` text NOT NULL,
	`accepted` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "categories_kind_check" CHECK("categories"."kind" in ('food', 'household'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_unique` ON `categories` (`food_bank_id`,`name`);--> statement-breakpoint
CREATE TABLE `disposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`authorized_by` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "disposals_quantity_check" CHECK("disposals"."quantity" > 0),
	CONSTRAINT "disposals_reason_check" CHECK("disposals"."reason" in ('expired', 'spoiled', 'damaged', 'recalled', 'other'))
);
--> statement-breakpoint
CREATE INDEX `disposals_food_bank_idx` ON `disposals` (`food_bank_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `donation_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`donation_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `donation_corrections_donation_idx` ON `donation_corrections` (`donation_id`);--> statement-breakpoint
CREATE TABLE `donation_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`donation_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_value` integer NOT NULL,
	`date_label_kind` text NOT NULL,
	`date_label` text,
	`zone` text NOT NULL,
	`accepted` integer NOT NULL,
	`rejection_reason` text,
	`rejection_note` text,
	`override_reason` text,
	`location_id` integer,
	`voided_by_correction_id` integer,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by_correction_id`) REFERENCES `donation_corrections`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "donation_lines_quantity_check" CHECK("donation_lines"."quantity" > 0 and "donation_lines"."unit_value" >= 0),
	CONSTRAINT "donation_lines_zone_check" CHECK("donation_lines"."zone" in ('ambient', 'chilled', 'frozen')),
	CONSTRAINT "donation_lines_kind_check" CHECK("donation_lines"."date_label_kind" in ('use_by', 'sell_by', 'none')),
	CONSTRAINT "donation_lines_rejection_check" CHECK(("donation_lines"."accepted" = 1 and "donation_lines"."rejection_reason" is null) or ("donation_lines"."accepted" = 0 and "donation_lines"."rejection_reason" in ('expired', 'damaged_packaging', 'temperature_abuse', 'not_accepted_category', 'recalled', 'other')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `donation_lines_no_unique` ON `donation_lines` (`donation_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `donations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`donor_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`notes` text,
	`created_by` integer NOT NULL,
	`completed_by` integer,
	`completed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "donations_channel_check" CHECK("donations"."channel" in ('walk_in', 'pickup', 'corporate_delivery', 'food_drive', 'transfer')),
	CONSTRAINT "donations_status_check" CHECK("donations"."status" in ('draft', 'completed'))
);
--> statement-breakpoint
CREATE INDEX `donations_food_bank_idx` ON `donations` (`food_bank_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `donations_donor_idx` ON `donations` (`donor_id`);--> statement-breakpoint
CREATE TABLE `donors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`address` text,
	`business_number` text,
	`resident_number_encrypted` text,
	`resident_number_masked` text,
	`consent_receipts` integer DEFAULT false NOT NULL,
	`consent_messages` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "donors_registration_check" CHECK(("donors"."kind" = 'individual' and "donors"."business_number" is null) or ("donors"."kind" = 'organisation' and "donors"."resident_number_encrypted" is null)),
	CONSTRAINT "donors_kind_check" CHECK("donors"."kind" in ('individual', 'organisation'))
);
--> statement-breakpoint
CREATE INDEX `donors_food_bank_name_idx` ON `donors` (`food_bank_id`,`name`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`route` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `item_barcodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`code` text NOT NULL,
	`quantity_per_scan` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "item_barcodes_quantity_check" CHECK("item_barcodes"."quantity_per_scan" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_barcodes_code_unique` ON `item_barcodes` (`food_bank_id`,`code`);--> statement-breakpoint
CREATE INDEX `item_barcodes_item_idx` ON `item_barcodes` (`item_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`name_en` text,
	`name_mn` text,
	`category_id` integer NOT NULL,
	`unit` text NOT NULL,
	`pack_size` integer DEFAULT 1 NOT NULL,
	`default_zone` text NOT NULL,
	`default_unit_value` integer DEFAULT 0 NOT NULL,
	`unit_weight_grams` integer DEFAULT 0 NOT NULL,
	`min_stock` integer,
	`active` integer DEFAULT true NOT NULL,
	`requestable` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "items_zone_check" CHECK("items"."default_zone" in ('ambient', 'chilled', 'frozen')),
	CONSTRAINT "items_pack_size_check" CHECK("items"."pack_size" >= 1),
	CONSTRAINT "items_values_check" CHECK("items"."default_unit_value" >= 0 and "items"."unit_weight_grams" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_name_key_unique` ON `items` (`food_bank_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `items_category_idx` ON `items` (`category_id`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`warehouse` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`zone` text NOT NULL,
	`capacity` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "locations_zone_check" CHECK("locations"."zone" in ('ambient', 'chilled', 'frozen'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_name_key_unique` ON `locations` (`food_bank_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`donation_line_id` integer,
	`date_label_kind` text NOT NULL,
	`date_label` text,
	`zone` text NOT NULL,
	`unit_value` integer NOT NULL,
	`received_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donation_line_id`) REFERENCES `donation_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lots_item_date_idx` ON `lots` (`food_bank_id`,`item_id`,`date_label`);--> statement-breakpoint
CREATE UNIQUE INDEX `lots_donation_line_unique` ON `lots` (`donation_line_id`);--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`from_location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`received_quantity` integer,
	`received_item_id` integer,
	`received_lot_id` integer,
	`to_location_id` integer,
	`shortfall_note` text,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shipment_lines_quantity_check" CHECK("shipment_lines"."quantity" > 0),
	CONSTRAINT "shipment_lines_received_check" CHECK("shipment_lines"."received_quantity" is null or ("shipment_lines"."received_quantity" >= 0 and "shipment_lines"."received_quantity" <= "shipment_lines"."quantity"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_lines_no_unique` ON `shipment_lines` (`shipment_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_food_bank_id` integer NOT NULL,
	`to_food_bank_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`shipped_by` integer NOT NULL,
	`received_by` integer,
	`received_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`from_food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shipped_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shipments_status_check" CHECK("shipments"."status" in ('shipped', 'received')),
	CONSTRAINT "shipments_parties_check" CHECK("shipments"."from_food_bank_id" <> "shipments"."to_food_bank_id")
);
--> statement-breakpoint
CREATE INDEX `shipments_from_idx` ON `shipments` (`from_food_bank_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_to_idx` ON `shipments` (`to_food_bank_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_count_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`count_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`expected` integer NOT NULL,
	`counted` integer,
	`note` text,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_count_lines_counted_check" CHECK("stock_count_lines"."counted" is null or "stock_count_lines"."counted" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_count_lines_unique` ON `stock_count_lines` (`count_id`,`lot_id`,`location_id`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`location_id` integer,
	`category_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text,
	`started_by` integer NOT NULL,
	`finalized_by` integer,
	`finalized_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finalized_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_counts_status_check" CHECK("stock_counts"."status" in ('open', 'finalized'))
);
--> statement-breakpoint
CREATE INDEX `stock_counts_food_bank_idx` ON `stock_counts` (`food_bank_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`food_bank_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`on_hand` integer NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`lot_id`, `location_id`),
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_levels_non_negative" CHECK("stock_levels"."on_hand" >= 0 and "stock_levels"."reserved" >= 0 and "stock_levels"."reserved" <= "stock_levels"."on_hand")
);
--> statement-breakpoint
CREATE INDEX `stock_levels_location_idx` ON `stock_levels` (`location_id`);--> statement-breakpoint
CREATE INDEX `stock_levels_on_hand_idx` ON `stock_levels` (`food_bank_id`,`lot_id`) WHERE on_hand > 0;--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`document_type` text NOT NULL,
	`document_id` integer NOT NULL,
	`actor_user_id` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_movements_reason_check" CHECK("stock_movements"."reason" in ('intake', 'transfer_out', 'transfer_in', 'allocation', 'handover', 'disposal', 'count_adjustment', 'correction')),
	CONSTRAINT "stock_movements_quantity_check" CHECK("stock_movements"."quantity" <> 0)
);
--> statement-breakpoint
CREATE INDEX `stock_movements_lot_idx` ON `stock_movements` (`lot_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_movements_document_idx` ON `stock_movements` (`document_type`,`document_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_food_bank_idx` ON `stock_movements` (`food_bank_id`,`id`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`from_location_id` integer NOT NULL,
	`to_location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`note` text,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "transfers_quantity_check" CHECK("transfers"."quantity" > 0 and "transfers"."from_location_id" <> "transfers"."to_location_id")
);
--> statement-breakpoint
CREATE INDEX `transfers_food_bank_idx` ON `transfers` (`food_bank_id`,`created_at`);