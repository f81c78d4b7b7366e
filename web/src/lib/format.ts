import { derived, get } from 'svelte/store';
import { _, locale } from 'svelte-i18n';

export type DateStyle = 'full' | 'medium';

/**
 * Whether the browser has the locale's own date and unit data. Chrome ships without Mongolian
 * (its Intl answers in English), so Mongolian falls back to the patterns in mn.json.
 */
const intlKnows = (code: string) => Intl.DateTimeFormat.supportedLocalesOf([code]).length > 0;

/** A calendar date (YYYY-MM-DD, as the server sends date labels) is shown as that day everywhere. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `$formatDate(value, 'medium')`: a date in the chosen language, updated when the language changes. */
export const formatDate = derived([locale, _], ([code, t]) => (value: Date | string, style: DateStyle = 'medium'): string => {
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const date = typeof value === 'string' ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  const timeZone = dateOnly ? 'UTC' : undefined;
  const lang = code ?? 'ko';
  if (intlKnows(lang)) {
    return new Intl.DateTimeFormat(lang, { dateStyle: style, ...(timeZone ? { timeZone } : {}) }).format(date);
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', ...(timeZone ? { timeZone } : {}) })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const weekday = t(`format.weekday.${parts.weekday?.toLowerCase()}`);
  return t(`format.date.${style}`, { values: { year: parts.year!, month: parts.month!, day: parts.day!, weekday } });
});

/** "30 seconds", "15분", "15 минут": how long to wait, in the chosen language. */
export function formatWait(seconds: number): string {
  const [value, unit] = seconds < 90 ? [Math.max(1, seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  const code = get(locale) ?? 'ko';
  if (intlKnows(code)) return new Intl.NumberFormat(code, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  return get(_)(`format.${unit}s`, { values: { count: value } });
}

/**
 * A phone number as Koreans write it (010-1234-5678, 02-123-4567); the server keeps digits only.
 * Numbers of another shape are shown as they are.
 */
export function formatPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const seoul = /^(02)(\d{3,4})(\d{4})$/.exec(phone);
  const other = /^(0\d{2})(\d{3,4})(\d{4})$/.exec(phone);
  const parts = seoul ?? other;
  return parts ? parts.slice(1).join('-') : phone;
}
