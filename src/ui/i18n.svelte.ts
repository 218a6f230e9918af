// The interface's two languages. Each area of the page keeps its strings in
// src/ui/messages/<area>.ts through defineMessages, which makes the compiler
// refuse a key missing from either language. Docker's own output is never
// translated: it stays as Docker prints it.

import { initialLocale, LOCALE_STORAGE_KEY, format, type Locale, type Messages } from './locale.ts';

// the parts without Svelte live in locale.ts (the boot prompt reads them too)
export { LOCALES, pickLocale, defineMessages, format, type Locale, type Messages } from './locale.ts';

/** The names each language is listed under in the switch (in itself). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

class I18n {
  locale = $state<Locale>(initialLocale());

  set(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts this visit
    }
    if (globalThis.document) document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
if (globalThis.document) document.documentElement.lang = i18n.locale;

/** A string in the current language (reactive inside components), placeholders filled. */
export function t<K extends string>(messages: Messages<K>, key: K, vars?: Record<string, string | number>): string {
  return format(messages[i18n.locale][key] ?? messages.en[key], vars);
}
