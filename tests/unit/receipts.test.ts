import { describe, expect, it } from 'vitest';
import { formatSerial, receiptLines, receiptTotal } from '../../server/domain/receipts.js';

describe('receipt serials', () => {
  it('are YYYY-NNNNNN', () => {
    expect(formatSerial(2026, 1)).toBe('2026-000001');
    expect(formatSerial(2026, 123456)).toBe('2026-123456');
  });
});

describe('receipt lines', () => {
  it('group accepted lines by day, item and unit value, and leave rejected ones out', () => {
    const lines = receiptLines([
      { date: '2026-11-02', itemName: '신라면', quantity: 40, unitValue: 950, accepted: true },
      { date: '2026-11-02', itemName: '신라면', quantity: 80, unitValue: 950, accepted: true },
      { date: '2026-11-02', itemName: '신라면', quantity: 10, unitValue: 950, accepted: false },
      { date: '2026-11-02', itemName: '신라면', quantity: 5, unitValue: 800, accepted: true },
      { date: '2026-10-30', itemName: '쌀 10kg', quantity: 2, unitValue: 32000, accepted: true },
    ]);
    expect(lines).toEqual([
      { kind: 'in_kind', date: '2026-10-30', itemName: '쌀 10kg', quantity: 2, unitValue: 32000, amount: 64000 },
      { kind: 'in_kind', date: '2026-11-02', itemName: '신라면', quantity: 120, unitValue: 950, amount: 114000 },
      { kind: 'in_kind', date: '2026-11-02', itemName: '신라면', quantity: 5, unitValue: 800, amount: 4000 },
    ]);
    expect(receiptTotal(lines)).toBe(182000);
  });
});
