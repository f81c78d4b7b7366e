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
CREATE INDEX `shipments_to_idx` ON `shipments` (`to_food_bank_id`,`created_at`);