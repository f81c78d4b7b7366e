import { describe, expect, it } from 'vitest';
import { acceptedValue, inspectLine, isLineProblem, type InspectedLine } from '../../server/domain/intake.js';

const ramen = { defaultUnitValue: 900, defaultZone: 'ambient' as const, categoryKind: 'food' as const, categoryAccepted: true };
const tissue = { defaultUnitValue: 5000, defaultZone: 'ambient' as const, categoryKind: 'household' as const, categoryAccepted: true };

function inspected(result: ReturnType<typeof inspectLine>): InspectedLine {
  if (isLineProblem(result)) throw new Error(result.code);
  return result;
}

describe('inspectLine', () => {
  it('fills the item’s defaults', () => {
    const line = inspected(inspectLine({ itemId: 1, quantity: 24, dateLabel: '2027-03-01', locationId: 4 }, ramen, '2026-11-22'));
    expect(line).toMatchObject({ unitValue: 900, zone: 'ambient', dateLabelKind: 'use_by', accepted: true, locationId: 4 });
  });

  it('gives household goods no date label by default', () => {
    expect(inspected(inspectLine({ itemId: 2, quantity: 3 }, tissue, '2026-11-22')).dateLabelKind).toBe('none');
  });

  it('rejects food already past its date, unless staff override with a reason', () => {
    const past = { itemId: 1, quantity: 5, dateLabel: '2026-11-21', locationId: 4 };
    expect(inspected(inspectLine(past, ramen, '2026-11-22'))).toMatchObject({ accepted: false, rejectionReason: 'expired', locationId: null });
    const overridden = inspected(inspectLine({ ...past, overrideReason: '냉동 보관으로 품질 이상 없음' }, ramen, '2026-11-22'));
    expect(overridden).toMatchObject({ accepted: true, overrideReason: '냉동 보관으로 품질 이상 없음' });
    // A date of today is still good today.
    expect(inspected(inspectLine({ ...past, dateLabel: '2026-11-22' }, ramen, '2026-11-22')).accepted).toBe(true);
  });

  it('rejects goods outside the accepted categories', () => {
    const line = inspected(inspectLine({ itemId: 3, quantity: 1 }, { ...tissue, categoryAccepted: false }, '2026-11-22'));
    expect(line).toMatchObject({ accepted: false, rejectionReason: 'not_accepted_category' });
  });

  it.each([
    [{ dateLabelKind: 'none' as const, dateLabel: '2027-01-01' }, 'date_label_unexpected'],
    [{ dateLabelKind: 'use_by' as const }, 'date_label_required'],
    [{ accepted: false, dateLabel: '2027-01-01' }, 'rejection_reason_required'],
    [{ accepted: true, rejectionReason: 'damaged_packaging' as const, dateLabel: '2027-01-01' }, 'rejection_reason_unexpected'],
  ])('refuses inconsistent input %j with %s', (extra, code) => {
    const result = inspectLine({ itemId: 1, quantity: 1, ...extra }, ramen, '2026-11-22');
    expect(isLineProblem(result) && result.code).toBe(code);
  });
});

describe('acceptedValue', () => {
  it('counts accepted lines only', () => {
    expect(
      acceptedValue([
        { accepted: true, quantity: 24, unitValue: 900 },
        { accepted: false, quantity: 100, unitValue: 5000 },
        { accepted: true, quantity: 2, unitValue: 15_000 },
      ]),
    ).toBe(24 * 900 + 2 * 15_000);
  });
});
