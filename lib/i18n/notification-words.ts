import type { Locale } from './locale';
import { translatorOf } from './messages';

/**
 * The words of the weekly summary's browser notification, the only words the background shows. They
 * live apart from the pages' dictionaries (messages.ts) so that the service worker does not carry,
 * and build at every start, every string of the product to write two lines.
 */
const NOTIFICATION_WORDS = {
  en: {
    'notify.title': 'Your weekly summary is ready',
    'notify.body': 'Activities, deals, quota and pipeline of {week}. Click to open it.',
  },
  ru: {
    'notify.title': 'Недельная сводка готова',
    'notify.body': 'Активности, сделки, план и воронка за {week}. Нажмите, чтобы открыть.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The notification's title and text in `locale`, naming the week it covers. */
export function weeklyNotificationWords(locale: Locale, week: string): { title: string; message: string } {
  const t = translatorOf<keyof (typeof NOTIFICATION_WORDS)['en']>(NOTIFICATION_WORDS, locale);
  return { title: t('notify.title'), message: t('notify.body', { week }) };
}
