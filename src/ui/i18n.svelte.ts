// The interface's two languages. Each area of the page keeps its strings in
// src/ui/messages/<area>.ts through defineMessages, which makes the compiler
// refuse a key missing from either language. Docker's own output is never
// translated: it stays as Docker prints it.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The names each language is listed under in the switch (in itself). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

const STORAGE_KEY = 'berth.locale';

/** The first of the browser's languages Berth speaks: any zh-* but Traditional scripts reads zh-CN. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const tag = raw.toLowerCase();
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) {
      if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) continue;
      return 'zh-CN';
    }
  }
  return 'en';
}

function storedLocale(): Locale | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
  } catch {
    return null;
  }
}

class I18n {
  locale = $state<Locale>(storedLocale() ?? pickLocale(globalThis.navigator?.languages ?? []));

  set(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts this visit
    }
    if (globalThis.document) document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
if (globalThis.document) document.documentElement.lang = i18n.locale;

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** An area's strings in both languages; `{name}` placeholders are filled by t(). */
export function defineMessages<K extends string>(messages: { en: Record<K, string>; 'zh-CN': Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

/** A string in the current language (reactive inside components), placeholders filled. */
export function t<K extends string>(messages: Messages<K>, key: K, vars?: Record<string, string | number>): string {
  return format(messages[i18n.locale][key] ?? messages.en[key], vars);
}

export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
