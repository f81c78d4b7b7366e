import { addMessages, init, locale } from 'svelte-i18n';
import ko from '../../messages/ko.json';
import en from '../../messages/en.json';
import mn from '../../messages/mn.json';

export const LOCALES = [
  { code: 'ko', label: '한국어' },
  { code: 'en', label: 'English' },
  { code: 'mn', label: 'Монгол' },
] as const;
export type LocaleCode = (typeof LOCALES)[number]['code'];

// Each area of the app may keep its own messages in messages/<area>/{ko,en,mn}.json.
const AREA_MESSAGES = import.meta.glob<{ default: Record<string, unknown> }>('../../messages/*/*.json', { eager: true });

const STORAGE_KEY = 'foodbank.locale';

function storedLocale(): LocaleCode {
  const saved = localStorage.getItem(STORAGE_KEY);
  return LOCALES.some((l) => l.code === saved) ? (saved as LocaleCode) : 'ko';
}

/** Korean first; the choice is remembered across visits and set on <html lang>. */
export function setupI18n(): void {
  addMessages('ko', ko);
  addMessages('en', en);
  addMessages('mn', mn);
  for (const [path, module] of Object.entries(AREA_MESSAGES)) {
    const code = /\/(\w+)\.json$/.exec(path)![1]!;
    if (LOCALES.some((l) => l.code === code)) addMessages(code, module.default as Parameters<typeof addMessages>[1]);
  }
  const initial = storedLocale();
  init({ fallbackLocale: 'ko', initialLocale: initial });
  document.documentElement.lang = initial;
}

export function changeLocale(code: LocaleCode): void {
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  locale.set(code);
}
