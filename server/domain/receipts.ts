/** Receipt rules with no I/O: serial numbers and the printed lines. */

/** `YYYY-NNNNNN`: unique per food bank and year, gapless, never reused. */
export function formatSerial(year: number, number: number): string {
  return `${year}-${String(number).padStart(6, '0')}`;
}

export interface DonatedLine {
  date: string;
  itemName: string;
  quantity: number;
  unitValue: number;
  accepted: boolean;
}

export interface ReceiptLine {
  kind: 'in_kind';
  date: string;
  itemName: string;
  quantity: number;
  unitValue: number;
  amount: number;
}

/**
 * One printed line per item group: accepted lines of the same day, item and unit value are added
 * together; rejected lines never count. Amounts are integers in won (quantity × unit value).
 */
export function receiptLines(lines: readonly DonatedLine[]): ReceiptLine[] {
  const groups = new Map<string, ReceiptLine>();
  for (const line of lines) {
    if (!line.accepted) continue;
    const key = `${line.date}\u0000${line.itemName}\u0000${line.unitValue}`;
    const group = groups.get(key);
    if (group) {
      group.quantity += line.quantity;
      group.amount = group.quantity * group.unitValue;
    } else {
      groups.set(key, { kind: 'in_kind', date: line.date, itemName: line.itemName, quantity: line.quantity, unitValue: line.unitValue, amount: line.quantity * line.unitValue });
    }
  }
  return [...groups.values()].sort((a, b) => a.date.localeCompare(b.date) || a.itemName.localeCompare(b.itemName, 'ko'));
}

export const receiptTotal = (lines: readonly ReceiptLine[]): number => lines.reduce((sum, line) => sum + line.amount, 0);
