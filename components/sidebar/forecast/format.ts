import { useMemo } from 'react';
import { type FigureUnit, type LocalizedText, INPUT_LABEL } from '@/lib/forecast';
import { useI18n, type I18n } from '../../common/i18n';
import { forecastTranslator, type ForecastKey, type ForecastTranslate } from './messages';

/** The page's formatting plus the forecast's own words (`f`). */
export type ForecastI18n = I18n & { f: ForecastTranslate };

export function useForecastI18n(): ForecastI18n {
  const i18n = useI18n();
  const f = useMemo(() => forecastTranslator(i18n.locale), [i18n.locale]);
  return useMemo(() => ({ ...i18n, f }), [i18n, f]);
}

/** Reasons lib/forecast gives in English (why amounts are not a feature), in the UI language. */
const REASONS: Record<string, ForecastKey> = {
  'fewer than 30 deals have an amount': 'fx.reason.fewer',
  'most lost deals have no amount, so amounts look filled in at closing': 'fx.reason.lostNone',
  'most open deals have no amount': 'fx.reason.openNone',
};

/** A probability (0–1) as a whole percentage. */
export function chance(probability: number, i18n: Pick<I18n, 'percent'>): string {
  return i18n.percent(probability * 100, 0);
}

/** The name of a plan input or step (a key of lib/forecast's INPUT_LABEL), in the UI language. */
export function inputName(key: string, i18n: Pick<I18n, 'locale'>): string {
  const label = (INPUT_LABEL as Record<string, LocalizedText | undefined>)[key];
  return label ? label[i18n.locale] : key;
}

/**
 * A forecast text with its `{name}` placeholders filled: numbers in the UI's format, `input` as the
 * input's name, known English reasons in the UI language.
 */
export function fill(text: LocalizedText, params: Readonly<Record<string, number | string>>, i18n: ForecastI18n): string {
  return text[i18n.locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name] as number | string;
    if (typeof value === 'number') return i18n.number(value, 1);
    if (name === 'input') return inputName(value, i18n);
    const reason = REASONS[value];
    return reason ? i18n.f(reason) : value;
  });
}

/** An explain input's value in its unit; a dash when it has none. */
export function figure(value: number | null, unit: FigureUnit, currency: string, i18n: ForecastI18n): string {
  if (value === null || !Number.isFinite(value)) return i18n.f('fx.none');
  switch (unit) {
    case 'money':
      return i18n.money(Math.round(value), currency);
    case 'probability':
      return chance(value, i18n);
    case 'rate':
      return i18n.percent(value * 100, 1);
    case 'days':
      return i18n.t('unit.days', { count: Math.round(value * 10) / 10 });
    case 'date':
      return i18n.date(value);
    case 'per-day':
      return i18n.f('fx.perDay', { value: i18n.number(value, 1) });
    case 'ratio':
      return i18n.number(value, 2);
    default:
      return i18n.number(value, 1);
  }
}
