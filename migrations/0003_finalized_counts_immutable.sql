-- A finalized stock count is a permanent record: neither it nor its lines change afterwards.
CREATE TRIGGER `stock_counts_finalized_immutable` BEFORE UPDATE ON `stock_counts`
WHEN OLD.status = 'finalized'
BEGIN
  SELECT RAISE(ABORT, 'a finalized stock count is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_count_lines_finalized_immutable` BEFORE UPDATE ON `stock_count_lines`
WHEN (SELECT status FROM stock_counts WHERE id = OLD.count_id) = 'finalized'
BEGIN
  SELECT RAISE(ABORT, 'a finalized stock count is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_count_lines_finalized_no_delete` BEFORE DELETE ON `stock_count_lines`
WHEN (SELECT status FROM stock_counts WHERE id = OLD.count_id) = 'finalized'
BEGIN
  SELECT RAISE(ABORT, 'a finalized stock count is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_count_lines_finalized_no_insert` BEFORE INSERT ON `stock_count_lines`
WHEN (SELECT status FROM stock_counts WHERE id = NEW.count_id) = 'finalized'
BEGIN
  SELECT RAISE(ABORT, 'a finalized stock count is immutable');
END;
