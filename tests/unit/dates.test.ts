import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../web/src/lib/dates.js';
import { addDays } from '../../server/lib/dates.js';

describe('parseDateInput', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['2027.03.01', '2027.03.01'.replace(/\./g, '-')],
    ['20270301', '2027-03-01'],
    ['270301', '2027-03-01'],
    ['２０２７０３０１', '2027-03-01'],
  ])('reads %s', (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it.each(['2027-02-30', '271301', '3월 1일', '', '2027-3-1'])('refuses %j', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
