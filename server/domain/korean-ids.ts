/**
 * Korean registration numbers. Pure checks, no I/O.
 *
 * 사업자등록번호 (business registration number, 10 digits) carries a check digit. 주민등록번호
 * (resident registration number, 13 digits) does not reliably: numbers issued since October 2020
 * have random final digits, so only its shape, birth date and gender/century digit are checked.
 */
export function isValidBusinessNumber(input: string): boolean {
  const digits = input.replace(/-/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((acc, w, i) => acc + w * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

export function formatBusinessNumber(input: string): string {
  const digits = input.replace(/-/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

const CENTURY: Record<string, number> = { '9': 1800, '0': 1800, '1': 1900, '2': 1900, '5': 1900, '6': 1900, '3': 2000, '4': 2000, '7': 2000, '8': 2000 };

/** Normalises to `YYMMDD-GNNNNNN`, or null when it cannot be a resident registration number. */
export function normalizeResidentNumber(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) return null;
  const century = CENTURY[digits[6]!];
  if (century === undefined) return null;
  const year = century + Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** What every screen and answer shows: birth date and the gender digit, the rest hidden. */
export function maskResidentNumber(normalized: string): string {
  return `${normalized.slice(0, 8)}******`;
}
