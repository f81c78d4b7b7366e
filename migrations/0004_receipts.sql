CREATE TABLE `receipt_donations` (
	`receipt_id` integer NOT NULL,
	`donation_id` integer NOT NULL,
	PRIMARY KEY(`receipt_id`, `donation_id`),
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_donations_donation_idx` ON `receipt_donations` (`donation_id`);--> statement-breakpoint
CREATE TABLE `receipt_lines` (
	`receipt_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`item_name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_value` integer NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`receipt_id`, `line_no`),
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receipt_serials` (
	`food_bank_id` integer NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`food_bank_id`, `year`),
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`serial` text NOT NULL,
	`kind` text NOT NULL,
	`form` text NOT NULL,
	`donor_id` integer NOT NULL,
	`period_year` integer NOT NULL,
	`donor_name` text NOT NULL,
	`donor_registration_masked` text,
	`donor_address` text,
	`total_amount` integer NOT NULL,
	`issued_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`voided_at` text,
	`voided_by` integer,
	`void_reason` text,
	`reissue_of` integer,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reissue_of`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipts_kind_check" CHECK("receipts"."kind" in ('donation', 'annual')),
	CONSTRAINT "receipts_form_check" CHECK("receipts"."form" in ('donation_receipt', 'food_donation_receipt')),
	CONSTRAINT "receipts_amount_check" CHECK("receipts"."total_amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_serial_unique` ON `receipts` (`food_bank_id`,`serial`);--> statement-breakpoint
CREATE INDEX `receipts_donor_idx` ON `receipts` (`donor_id`,`period_year`);--> statement-breakpoint
ALTER TABLE `food_banks` ADD `registration_number` text;--> statement-breakpoint
ALTER TABLE `food_banks` ADD `address` text;--> statement-breakpoint
ALTER TABLE `food_banks` ADD `legal_basis` text;--> statement-breakpoint
ALTER TABLE `food_banks` ADD `receipt_type_code` text;