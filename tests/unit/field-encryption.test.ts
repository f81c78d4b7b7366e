import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../server/lib/field-encryption.js';

describe('FieldCipher', () => {
  const cipher = new FieldCipher('a-secret-of-at-least-thirty-two-characters');

  it('round-trips, with a fresh IV each time, and never shows the plain text', () => {
    const a = cipher.encrypt('900101-1234567');
    const b = cipher.encrypt('900101-1234567');
    expect(a).not.toBe(b);
    expect(a).not.toContain('900101');
    expect(cipher.decrypt(a)).toBe('900101-1234567');
  });

  it('refuses a tampered value and a wrong key', () => {
    const stored = cipher.encrypt('900101-1234567');
    const parts = stored.split('.');
    const tampered = [...parts.slice(0, 3), parts[3]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.');
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new FieldCipher('another-secret-of-at-least-thirty-two-chars').decrypt(stored)).toThrow();
  });
});
