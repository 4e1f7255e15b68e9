import { intlTag, type Locale } from './locale';
import { enExplain, ruExplain } from './messages-explain';
import type { Message } from './message';
import { enCommon } from './messages/en/common';
import { enConnections } from './messages/en/connections';
import { enImport } from './messages/en/import';
import { enOptions } from './messages/en/options';
import { enPopup } from './messages/en/popup';
import { enSidebar } from './messages/en/sidebar';
import { enSummary } from './messages/en/summary';
import { ruCommon } from './messages/ru/common';
import { ruConnections } from './messages/ru/connections';
import { ruImport } from './messages/ru/import';
import { ruOptions } from './messages/ru/options';
import { ruPopup } from './messages/ru/popup';
import { ruSidebar } from './messages/ru/sidebar';
import { ruSummary } from './messages/ru/summary';

export type { Message };

/**
 * The UI's words. Keys are stable ids; Russian has the few/many plural forms.
 * KPI names and formulas live in the KPI registry, not here. The words live per
 * language and screen in ./messages/<language>/<screen>.ts (by key prefix); Russian files are typed to
 * have exactly the English keys. English is merged when first asked for (see dictionariesOf).
 */
function mergedEn() {
  return {
    ...enCommon,
    ...enConnections,
    ...enImport,
    ...enOptions,
    ...enPopup,
    ...enSidebar,
    ...enSummary,
    ...enExplain,
  } satisfies Record<string, Message>;
}

export type MessageKey = keyof ReturnType<typeof mergedEn>;

function mergedRu(): Record<MessageKey, Message> {
  return {
    ...ruCommon,
    ...ruConnections,
    ...ruImport,
    ...ruOptions,
    ...ruPopup,
    ...ruSidebar,
    ...ruSummary,
    ...ruExplain,
  };
}

// Merged on first use, not as the module loads: a bundle that never translates with them (the service
// worker, which imports translatorOf for the summary's own words) leaves every page's words out.
let dictionaries: Record<Locale, Record<MessageKey, Message>> | undefined;
const dictionariesOf = () => (dictionaries ??= { en: mergedEn(), ru: mergedRu() });
// Made on first use, not as the module loads: the first Intl object loads ICU's locale data, and the
// service worker evaluates this module at every start, before it can answer anything.
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
const pluralOf = (locale: Locale) => (pluralRules[locale] ??= new Intl.PluralRules(intlTag(locale)));

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Numbers in params are formatted for the locale (1,234 / 1 234); `count` also picks the plural form. */
export function translator(locale: Locale): Translate {
  return translatorOf(dictionariesOf(), locale);
}

/**
 * A translator over other dictionaries of the same shape (a feature that loads later keeps its words
 * in its own chunk, out of the first paint), with the same plural and number rules.
 */
export function translatorOf<K extends string>(
  dicts: Record<Locale, Record<K, Message>>,
  locale: Locale,
): (key: K, params?: Record<string, string | number>) => string {
  const numbers = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 });
  return (key, params = {}) => {
    const message = dicts[locale][key];
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const form = pluralOf(locale).select(Number(params.count ?? 0)) as 'one' | 'few' | 'many' | 'other';
      text = message[form] ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = params[name]!;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
