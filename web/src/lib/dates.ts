/**
 * Reads a date typed at the desk: 2027-03-01, 2027.03.01, 20270301 or 270301 (as printed on many
 * Korean packages). Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDateInput(input: string): string | null {
  const digits = input.normalize('NFKC').trim().replace(/[.\-/\s]/g, '');
  let year: number, month: number, day: number;
  if (/^\d{8}$/.test(digits)) [year, month, day] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6))];
  else if (/^\d{6}$/.test(digits)) [year, month, day] = [2000 + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4))];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export const todayIso = (): string => new Date().toLocaleDateString('sv-SE');
