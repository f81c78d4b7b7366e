CREATE TABLE `donor_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`donor_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `donor_accounts_donor_idx` ON `donor_accounts` (`donor_id`);--> statement-breakpoint
CREATE TABLE `donor_link_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`donor_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`used_at` text,
	`used_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `donor_link_codes_hash_unique` ON `donor_link_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `donor_link_codes_donor_idx` ON `donor_link_codes` (`donor_id`);--> statement-breakpoint
CREATE TABLE `planned_contribution_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`planned_contribution_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	FOREIGN KEY (`planned_contribution_id`) REFERENCES `planned_contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "planned_contribution_lines_quantity_check" CHECK("planned_contribution_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `planned_contribution_lines_no_unique` ON `planned_contribution_lines` (`planned_contribution_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `planned_contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`food_bank_id` integer NOT NULL,
	`donor_id` integer NOT NULL,
	`expected_on` text NOT NULL,
	`delivery` text NOT NULL,
	`pickup_address` text,
	`contact_phone` text,
	`note` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`donation_id` integer,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`food_bank_id`) REFERENCES `food_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "planned_contributions_delivery_check" CHECK("planned_contributions"."delivery" in ('drop_off', 'pickup')),
	CONSTRAINT "planned_contributions_status_check" CHECK("planned_contributions"."status" in ('planned', 'received', 'cancelled')),
	CONSTRAINT "planned_contributions_pickup_check" CHECK("planned_contributions"."delivery" <> 'pickup' or "planned_contributions"."pickup_address" is not null)
);
--> statement-breakpoint
CREATE INDEX `planned_contributions_expected_idx` ON `planned_contributions` (`food_bank_id`,`status`,`expected_on`);--> statement-breakpoint
CREATE INDEX `planned_contributions_donor_idx` ON `planned_contributions` (`donor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `planned_contributions_donation_unique` ON `planned_contributions` (`donation_id`);--> statement-breakpoint
ALTER TABLE `food_banks` ADD `representative` text;--> statement-breakpoint
ALTER TABLE `donors` ADD `self_registered` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `donors` ADD `merged_into_id` integer REFERENCES donors(id);--> statement-breakpoint
ALTER TABLE `receipts` ADD `donor_kind` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `donor_registration_encrypted` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `food_bank_name` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `food_bank_registration_number` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `food_bank_address` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `food_bank_representative` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `legal_basis` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `type_code` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `issuer_name` text;--> statement-breakpoint
-- The receipt's printed details (food bank, issuer, the donor's registration number) are part of
-- what is never edited.
DROP TRIGGER `receipts_never_edited`;--> statement-breakpoint
CREATE TRIGGER `receipts_never_edited` BEFORE UPDATE ON `receipts`
WHEN OLD.voided_at IS NOT NULL
  OR NEW.serial IS NOT OLD.serial OR NEW.donor_id IS NOT OLD.donor_id OR NEW.donor_name IS NOT OLD.donor_name
  OR NEW.total_amount IS NOT OLD.total_amount OR NEW.created_at IS NOT OLD.created_at OR NEW.kind IS NOT OLD.kind
  OR NEW.form IS NOT OLD.form OR NEW.donor_registration_masked IS NOT OLD.donor_registration_masked
  OR NEW.donor_registration_encrypted IS NOT OLD.donor_registration_encrypted OR NEW.donor_address IS NOT OLD.donor_address
  OR NEW.food_bank_name IS NOT OLD.food_bank_name OR NEW.food_bank_registration_number IS NOT OLD.food_bank_registration_number
  OR NEW.food_bank_address IS NOT OLD.food_bank_address OR NEW.legal_basis IS NOT OLD.legal_basis
  OR NEW.type_code IS NOT OLD.type_code OR NEW.issuer_name IS NOT OLD.issuer_name OR NEW.reissue_of IS NOT OLD.reissue_of
BEGIN
  SELECT RAISE(ABORT, 'a receipt is never edited');
END;
