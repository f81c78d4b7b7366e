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
CREATE INDEX `transfers_food_bank_idx` ON `transfers` (`food_bank_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `donation_lines` ADD `voided_by_correction_id` integer REFERENCES donation_corrections(id);