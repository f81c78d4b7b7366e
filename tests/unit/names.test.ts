import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from '../../server/domain/names.js';

describe('names', () => {
  it('compare without case, spaces or Hangul composition', () => {
    expect(nameKey(' 신 라면 ')).toBe(nameKey('신라면'));
    expect(nameKey('신라면'.normalize('NFD'))).toBe(nameKey('신라면'));
    expect(nameKey('Rice 10KG')).toBe(nameKey('rice10kg'));
    expect(nameKey('신라면')).not.toBe(nameKey('진라면'));
  });

  it('ignore every kind of space a keyboard, IME or paste brings', () => {
    // Tab, newline, no-break space and the full-width space of Korean and Japanese IMEs.
    expect(nameKey('신\t라\n면\u00a0블랙\u3000')).toBe('신라면블랙');
  });

  it('fold case beyond ASCII and keep other characters', () => {
    expect(nameKey('ГУРИЛ')).toBe(nameKey('гурил'));
    expect(nameKey('과자·간식')).toBe('과자·간식');
    expect(nameKey('과자·간식')).not.toBe(nameKey('과자간식'));
  });

  it('compose Hangul typed as separate jamo', () => {
    expect(nameKey('\u1109\u1175\u11ab\u1105\u1161\u1106\u1167\u11ab')).toBe('신라면');
  });

  it('are cleaned for display', () => {
    expect(cleanName('  쌀   10kg ')).toBe('쌀 10kg');
    expect(cleanName('\u3000신라면\u00a0 멀티')).toBe('신라면 멀티');
    expect(cleanName('신라면'.normalize('NFD'))).toBe('신라면');
  });
});
