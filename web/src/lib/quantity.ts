/**
 * Reads what staff type in the quantity field at the intake desk: "24", "3 박스", "3박스", "2 box",
 * "３ 박스" (full-width digits from a Korean IME). Packs are multiplied by the item's pack size;
 * the result is always in the item's base unit.
 */
const PACK_WORDS = ['박스', '상자', '케이스', 'box', 'boxes', 'case', 'cases', 'ctn', 'хайрцаг'];

export type ParsedQuantity = { ok: true; quantity: number } | { ok: false; reason: 'empty' | 'not_a_number' | 'not_whole' | 'unknown_unit' };

export function parseQuantity(input: string, item: { unit: string; packSize: number }): ParsedQuantity {
  const text = input.normalize('NFKC').trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+(?:[.,]\d+)?)\s*(.*)$/.exec(text);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const amount = Number(match[1]!.replace(',', '.'));
  const unit = match[2]!.trim();
  let multiplier: number;
  if (unit === '' || unit === item.unit.toLowerCase()) multiplier = 1;
  else if (PACK_WORDS.includes(unit)) multiplier = item.packSize;
  else return { ok: false, reason: 'unknown_unit' };
  const quantity = amount * multiplier;
  if (!Number.isInteger(quantity) || quantity <= 0) return { ok: false, reason: 'not_whole' };
  return { ok: true, quantity };
}
