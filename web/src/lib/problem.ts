import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import type { Problem } from '../api/client';

/** Turns a problem's stable `code` into a message in the chosen language. */
export function problemMessage(problem: Problem): string {
  const t = get(_);
  const key = `errors.${problem.code}`;
  const seconds = problem.retryAfterSeconds ?? 60;
  const message = t(key, { values: { seconds } });
  return message === key ? t('errors.unknown') : message;
}

/** Field errors by field name (`/email` → `email`), for showing beside inputs. */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) out[e.field.replace(/^\//, '')] = e.message;
  return out;
}
