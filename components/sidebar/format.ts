import { KPI_DEFINITIONS, KPI_FAMILY_NAMES } from '../../lib/kpi/registry';
import type { KpiFamily, KpiId } from '../../lib/kpi/types';
import type { ShownResult } from '../../lib/views/lean';
import type { I18n } from '../common/i18n';

/** The KPI's name in the UI language (from the registry, which holds both). */
export function kpiName(id: KpiId, i18n: Pick<I18n, 'locale'>): string {
  return KPI_DEFINITIONS[id].name[i18n.locale];
}

export function familyName(family: KpiFamily, i18n: Pick<I18n, 'locale'>): string {
  return KPI_FAMILY_NAMES[family][i18n.locale];
}

const CURRENCY = /^[A-Z]{3}$/;

/** A value in a result's unit: money in minor units of a currency, %, a count, days, a ratio, money per day. */
export function formatValue(value: number, unit: string, i18n: Pick<I18n, 't' | 'money' | 'percent' | 'number'>): string {
  if (CURRENCY.test(unit)) return i18n.money(value, unit);
  if (unit === '%') return i18n.percent(value);
  if (unit === 'days') return i18n.t('unit.days', { count: Math.round(value * 10) / 10 });
  if (unit === 'ratio') return i18n.t('unit.ratio', { value: i18n.number(value, 2) });
  if (unit.endsWith('/day') && CURRENCY.test(unit.slice(0, 3))) return i18n.t('unit.perDay', { money: i18n.money(value, unit.slice(0, 3)) });
  return i18n.number(value, 1);
}

/** The headline of a result: its value, or a dash when there is none. */
export function formatResult(result: ShownResult | undefined, i18n: Pick<I18n, 't' | 'money' | 'percent' | 'number'>): string {
  return result?.status === 'ok' ? formatValue(result.value, result.unit, i18n) : '—';
}

/**
 * The change against the comparison period, with whether it is good news for this KPI
 * (`higherIsBetter`): a rising churn is bad, a rising win rate good.
 */
export function changeOf(result: ShownResult | undefined): { change: number; good: boolean } | null {
  if (result?.status !== 'ok' || !result.previous || result.previous.change === null) return null;
  const change = result.previous.change;
  const better = KPI_DEFINITIONS[result.id].higherIsBetter;
  return { change, good: change === 0 ? true : change > 0 === better };
}

/** Only http(s) links leave the sidebar: a CRM record's `url` was validated on the way in; check again here. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
