// The interface's languages without Svelte: which language the page speaks
// and how an area's strings are declared. The page's first script reads them
// through i18n.svelte.ts (which adds the reactive current language and t());
// the boot prompt inlined in index.html (terminal/bootPrompt.ts) reads them
// here, so its banner is the terminal's, in the same language.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where the learner's choice of language is kept. */
export const LOCALE_STORAGE_KEY = 'berth.locale';

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
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
  } catch {
    return null;
  }
}

/** The language a page starts in: the learner's choice, else the browser's. */
export function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(globalThis.navigator?.languages ?? []);
}

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** An area's strings in both languages; `{name}` placeholders are filled by t(). */
export function defineMessages<K extends string>(messages: { en: Record<K, string>; 'zh-CN': Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
