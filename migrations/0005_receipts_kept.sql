-- Receipts and the issue register are kept (at least five years; there is no deletion path), and a
-- receipt is never edited: the only change is voiding it once.
CREATE TRIGGER `receipts_no_delete` BEFORE DELETE ON `receipts`
BEGIN
  SELECT RAISE(ABORT, 'receipts are kept');
END;
--> statement-breakpoint
CREATE TRIGGER `receipts_never_edited` BEFORE UPDATE ON `receipts`
WHEN OLD.voided_at IS NOT NULL
  OR NEW.serial IS NOT OLD.serial OR NEW.donor_id IS NOT OLD.donor_id OR NEW.donor_name IS NOT OLD.donor_name
  OR NEW.total_amount IS NOT OLD.total_amount OR NEW.created_at IS NOT OLD.created_at OR NEW.kind IS NOT OLD.kind
BEGIN
  SELECT RAISE(ABORT, 'a receipt is never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `receipt_lines_no_update` BEFORE UPDATE ON `receipt_lines`
BEGIN
  SELECT RAISE(ABORT, 'a receipt is never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `receipt_lines_no_delete` BEFORE DELETE ON `receipt_lines`
BEGIN
  SELECT RAISE(ABORT, 'receipts are kept');
END;
