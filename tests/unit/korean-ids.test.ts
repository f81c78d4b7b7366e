import { describe, expect, it } from 'vitest';
import { formatBusinessNumber, isValidBusinessNumber, maskResidentNumber, normalizeResidentNumber } from '../../server/domain/korean-ids.js';

describe('business registration numbers', () => {
  it.each(['120-81-47521', '1208147521', '105-82-11230', '220-81-62517'])('accepts %s with its check digit', (n) => {
    expect(isValidBusinessNumber(n)).toBe(true);
  });

  it.each(['120-81-47522', '12081475', 'abc-de-fghij', ''])('refuses %j', (n) => {
    expect(isValidBusinessNumber(n)).toBe(false);
  });

  it('formats as 000-00-00000', () => {
    expect(formatBusinessNumber('1208147521')).toBe('120-81-47521');
  });
});

describe('resident registration numbers', () => {
  it('normalise and mask', () => {
    expect(normalizeResidentNumber('9001011234567')).toBe('900101-1234567');
    expect(normalizeResidentNumber('０５０３０１-４２３４５６７')).toBe('050301-4234567');
    expect(maskResidentNumber('900101-1234567')).toBe('900101-1******');
  });

  it.each(['900230-1234567', '901301-1234567', '900101-X234567', '12345', '900101-12345678'])('refuse %j', (n) => {
    expect(normalizeResidentNumber(n)).toBeNull();
  });
});
