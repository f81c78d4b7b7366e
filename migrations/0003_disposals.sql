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
CREATE INDEX `disposals_food_bank_idx` ON `disposals` (`food_bank_id`,`created_at`);