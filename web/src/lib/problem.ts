import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import type { Problem } from '../api/client';
import { formatWait } from './format';

type Translate = (key: string, options?: { values?: Record<string, string | number | boolean | Date | null | undefined> }) => string;

/** A translation, or null when the key is missing or its placeholders were not all given. */
function translate(key: string, values: Record<string, string | number | null>): string | null {
  const t = get(_) as Translate;
  try {
    const message = t(key, { values });
    // svelte-i18n answers the key itself when it is missing, and the raw pattern when a value is.
    return message === key || /\{\w+/.test(message) ? null : message;
  } catch {
    return null;
  }
}

/**
 * Turns a problem's stable `code` into a message in the chosen language. The problem's `facts`
 * (a name, a quantity) fill the message's placeholders; a refusal about one line says which.
 */
export function problemMessage(problem: Problem): string {
  const facts = Object.fromEntries(Object.entries(problem.facts ?? {}).filter(([, v]) => v !== null));
  const values = { ...facts, wait: formatWait(problem.retryAfterSeconds ?? 60) };
  const message = translate(`errors.${problem.code}`, values) ?? translate('errors.unknown', {})!;
  const line = facts.lineNo;
  return typeof line === 'number' ? (translate('errors.line', { line, message }) ?? message) : message;
}

/**
 * The server's field errors (`/email` → `email`) in the chosen language, for showing beside inputs.
 * The server words them as JSON Schema does ("must NOT have fewer than 10 characters"); the common
 * kinds are recognised and anything else reads "not a valid value".
 */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const field = e.field.replace(/^\//, '');
    out[field] ??= fieldMessage(e.message);
  }
  return out;
}

function fieldMessage(serverMessage: string): string {
  const invalid = translate('field.invalid', {})!;
  const min = /fewer than (\d+) characters/.exec(serverMessage);
  if (min) return translate(min[1] === '1' ? 'field.required' : 'field.too_short', { min: Number(min[1]) }) ?? invalid;
  const max = /more than (\d+) characters/.exec(serverMessage);
  if (max) return translate('field.too_long', { max: Number(max[1]) }) ?? invalid;
  if (/format "email"/.test(serverMessage)) return translate('field.email', {}) ?? invalid;
  if (/required property/.test(serverMessage)) return translate('field.required', {}) ?? invalid;
  return invalid;
}
