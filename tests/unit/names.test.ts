import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from '../../server/domain/names.js';

describe('names', () => {
  it('compare without case, spaces or Hangul composition', () => {
    expect(nameKey(' 신 라면 ')).toBe(nameKey('신라면'));
    expect(nameKey('신라면'.normalize('NFD'))).toBe(nameKey('신라면'));
    expect(nameKey('Rice 10KG')).toBe(nameKey('rice10kg'));
    expect(nameKey('신라면')).not.toBe(nameKey('진라면'));
  });

  it('are cleaned for display', () => {
    expect(cleanName('  쌀   10kg ')).toBe('쌀 10kg');
  });
});
