DROP INDEX `stock_levels_food_bank_idx`;--> statement-breakpoint
CREATE INDEX `stock_levels_on_hand_idx` ON `stock_levels` (`food_bank_id`,`lot_id`) WHERE on_hand > 0;