import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../server/lib/passwords.js';

describe('passwords', () => {
  it('verify only the password they were made from, with a fresh salt each time', async () => {
    const a = await hashPassword('푸드뱅크-비밀번호');
    const b = await hashPassword('푸드뱅크-비밀번호');
    expect(a).not.toBe(b);
    expect(await verifyPassword('푸드뱅크-비밀번호', a)).toBe(true);
    expect(await verifyPassword('푸드뱅크-비밀번호!', a)).toBe(false);
    expect(await verifyPassword('anything', 'bcrypt$garbage')).toBe(false);
  });

  it('treat composed and decomposed Hangul as the same password', async () => {
    const composed = '한글암호입니다'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('generates readable temporary passwords without look-alike characters', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    expect(new Set(passwords).size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
  });
});
