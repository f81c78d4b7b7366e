-- The ledger (장부) is a permanent record: rows are appended, never changed or removed.
CREATE TRIGGER `stock_movements_no_update` BEFORE UPDATE ON `stock_movements`
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_delete` BEFORE DELETE ON `stock_movements`
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only');
END;
