export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The UI language: the rep's choice, else the browser's when it is Russian, else English. */
export function resolveLocale(setting: 'auto' | Locale, browserLanguage: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The BCP 47 tag used with Intl for a UI language. */
export function intlTag(locale: Locale): string {
  return locale === 'ru' ? 'ru-RU' : 'en-US';
}
