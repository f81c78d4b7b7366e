/**
 * The key two names are compared by: "신라면", " 신 라면 " and "신라면" typed with decomposed
 * Hangul are one name; so are "Rice" and "rice".
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** A display name as staff meant it: trimmed, inner runs of space collapsed, NFC. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}
