CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`type` text NOT NULL,
	`registration_number` text,
	`address` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text,
	`has_fridge` integer DEFAULT false NOT NULL,
	`has_freezer` integer DEFAULT false NOT NULL,
	`ambient_capacity` integer,
	`chilled_capacity` integer,
	`frozen_capacity` integer,
	`people_emergency` integer DEFAULT 0 NOT NULL,
	`people_near_poor` integer DEFAULT 0 NOT NULL,
	`people_cut_off` integer DEFAULT 0 NOT NULL,
	`people_recipients` integer DEFAULT 0 NOT NULL,
	`fulfilment` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`status_reason` text,
	`status_changed_by` integer,
	`status_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status_changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agencies_type_check" CHECK("agencies"."type" in ('community_child_center', 'senior_welfare_center', 'disability_facility', 'free_meal_center', 'social_welfare_center', 'community_service_center', 'shelter', 'other')),
	CONSTRAINT "agencies_status_check" CHECK("agencies"."status" in ('pending', 'approved', 'suspended', 'rejected')),
	CONSTRAINT "agencies_fulfilment_check" CHECK("agencies"."fulfilment" in ('pickup', 'delivery')),
	CONSTRAINT "agencies_people_check" CHECK("agencies"."people_emergency" >= 0 and "agencies"."people_near_poor" >= 0 and "agencies"."people_cut_off" >= 0 and "agencies"."people_recipients" >= 0),
	CONSTRAINT "agencies_capacity_check" CHECK(coalesce("agencies"."ambient_capacity", 1) > 0 and coalesce("agencies"."chilled_capacity", 1) > 0 and coalesce("agencies"."frozen_capacity", 1) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_name_key_unique` ON `agencies` (`food_bank_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `agency_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `allocation_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`needed_by` text NOT NULL,
	`fulfilment` text NOT NULL,
	`note` text,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`submitted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocation_requests_status_check" CHECK("allocation_requests"."status" in ('draft', 'submitted', 'partly_allocated', 'allocated', 'ready', 'handed_over', 'received', 'cancelled')),
	CONSTRAINT "allocation_requests_fulfilment_check" CHECK("allocation_requests"."fulfilment" in ('pickup', 'delivery'))
);
--> statement-breakpoint
CREATE INDEX `allocation_requests_status_idx` ON `allocation_requests` (`food_bank_id`,`status`,`needed_by`);--> statement-breakpoint
CREATE INDEX `allocation_requests_agency_idx` ON `allocation_requests` (`agency_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`request_line_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`status` text DEFAULT 'reserved' NOT NULL,
	`released_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `matching_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `allocation_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_line_id`) REFERENCES `request_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_quantity_check" CHECK("allocations"."quantity" > 0),
	CONSTRAINT "allocations_status_check" CHECK("allocations"."status" in ('reserved', 'handed_over', 'released'))
);
--> statement-breakpoint
CREATE INDEX `allocations_request_idx` ON `allocations` (`request_id`);--> statement-breakpoint
CREATE INDEX `allocations_lot_idx` ON `allocations` (`lot_id`);--> statement-breakpoint
CREATE INDEX `allocations_agency_idx` ON `allocations` (`agency_id`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`method` text NOT NULL,
	`received_by_name` text NOT NULL,
	`proxy` integer DEFAULT false NOT NULL,
	`note` text,
	`recorded_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `allocation_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "handovers_method_check" CHECK("handovers"."method" in ('pickup', 'delivery'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handovers_request_unique` ON `handovers` (`request_id`);--> statement-breakpoint
CREATE TABLE `matching_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`matched_on` text NOT NULL,
	`base_share` integer NOT NULL,
	`weights` text NOT NULL,
	`report` text NOT NULL,
	`created_by` integer NOT NULL,
	`confirmed_by` integer,
	`confirmed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matching_rounds_status_check" CHECK("matching_rounds"."status" in ('proposed', 'confirmed', 'discarded'))
);
--> statement-breakpoint
CREATE INDEX `matching_rounds_food_bank_idx` ON `matching_rounds` (`food_bank_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `receipt_confirmation_lines` (
	`request_id` integer NOT NULL,
	`allocation_id` integer NOT NULL,
	`received_quantity` integer NOT NULL,
	`damaged_quantity` integer DEFAULT 0 NOT NULL,
	`note` text,
	PRIMARY KEY(`request_id`, `allocation_id`),
	FOREIGN KEY (`request_id`) REFERENCES `receipt_confirmations`(`request_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`allocation_id`) REFERENCES `allocations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipt_confirmation_lines_check" CHECK("receipt_confirmation_lines"."received_quantity" >= 0 and "receipt_confirmation_lines"."damaged_quantity" >= 0 and "receipt_confirmation_lines"."damaged_quantity" <= "receipt_confirmation_lines"."received_quantity")
);
--> statement-breakpoint
CREATE TABLE `receipt_confirmations` (
	`request_id` integer PRIMARY KEY NOT NULL,
	`confirmed_by` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `allocation_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `request_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer,
	`category_id` integer,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `allocation_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "request_lines_quantity_check" CHECK("request_lines"."quantity" > 0),
	CONSTRAINT "request_lines_target_check" CHECK(("request_lines"."item_id" is null) <> ("request_lines"."category_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_lines_no_unique` ON `request_lines` (`request_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `request_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`status` text NOT NULL,
	`changed_by` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `allocation_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "request_status_changes_status_check" CHECK("request_status_changes"."status" in ('draft', 'submitted', 'partly_allocated', 'allocated', 'ready', 'handed_over', 'received', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `request_status_changes_request_idx` ON `request_status_changes` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `round_lines` (
	`round_id` integer NOT NULL,
	`request_line_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`round_id`, `request_line_id`, `lot_id`, `location_id`),
	FOREIGN KEY (`round_id`) REFERENCES `matching_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_line_id`) REFERENCES `request_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "round_lines_quantity_check" CHECK("round_lines"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE `food_banks` ADD `matching_base_share` integer;--> statement-breakpoint
ALTER TABLE `food_banks` ADD `matching_weights` text;--> statement-breakpoint
-- Every unit handed to an agency stays traceable: allocations are never deleted, and once held
-- only their status moves on (reserved → handed_over or released), once.
CREATE TRIGGER `allocations_no_delete` BEFORE DELETE ON `allocations`
BEGIN
  SELECT RAISE(ABORT, 'allocations are kept');
END;
--> statement-breakpoint
CREATE TRIGGER `allocations_never_edited` BEFORE UPDATE ON `allocations`
WHEN OLD.status <> 'reserved' OR NEW.quantity IS NOT OLD.quantity OR NEW.lot_id IS NOT OLD.lot_id
  OR NEW.location_id IS NOT OLD.location_id OR NEW.request_line_id IS NOT OLD.request_line_id OR NEW.agency_id IS NOT OLD.agency_id
BEGIN
  SELECT RAISE(ABORT, 'an allocation only moves on from reserved, once');
END;
--> statement-breakpoint
CREATE TRIGGER `handovers_never_edited` BEFORE UPDATE ON `handovers`
BEGIN
  SELECT RAISE(ABORT, 'a handover is never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `handovers_no_delete` BEFORE DELETE ON `handovers`
BEGIN
  SELECT RAISE(ABORT, 'handovers are kept');
END;
--> statement-breakpoint
CREATE TRIGGER `receipt_confirmations_never_edited` BEFORE UPDATE ON `receipt_confirmations`
BEGIN
  SELECT RAISE(ABORT, 'a receipt confirmation is never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `receipt_confirmation_lines_never_edited` BEFORE UPDATE ON `receipt_confirmation_lines`
BEGIN
  SELECT RAISE(ABORT, 'a receipt confirmation is never edited');
END;
--> statement-breakpoint
-- A confirmed round's lines are the record of what staff approved.
CREATE TRIGGER `round_lines_kept_after_proposal` BEFORE DELETE ON `round_lines`
WHEN (SELECT status FROM matching_rounds WHERE id = OLD.round_id) <> 'proposed'
BEGIN
  SELECT RAISE(ABORT, 'a confirmed round is kept');
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_changes_never_edited` BEFORE UPDATE ON `request_status_changes`
BEGIN
  SELECT RAISE(ABORT, 'the status history is never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_changes_no_delete` BEFORE DELETE ON `request_status_changes`
BEGIN
  SELECT RAISE(ABORT, 'the status history is kept');
END;
