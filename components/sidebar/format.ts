import { KPI_DEFINITIONS, KPI_FAMILY_NAMES, hasValue, type KpiFamily, type KpiId } from '@/lib/kpi';
import type { ShownResult } from '@/lib/views';
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
  return hasValue(result) ? formatValue(result.value, result.unit, i18n) : '—';
}

/**
 * The change against the comparison, in percentage points for percentages and per cent for the rest,
 * with whether it is good news for this KPI (`higherIsBetter`: a rising churn is bad, a rising win rate
 * good), and `muted` when either side rests on too small a sample: then it gets no red or green.
 */
export function changeOf(result: ShownResult | undefined): { change: number; unit: 'pp' | '%'; good: boolean; muted: boolean } | null {
  if (!hasValue(result) || !result.previous || result.previous.change === null) return null;
  const change = result.previous.change;
  const better = KPI_DEFINITIONS[result.id].higherIsBetter;
  const muted = result.status === 'low-sample' || result.previous.lowSample === true;
  return { change, unit: result.previous.unit, good: change === 0 ? true : change > 0 === better, muted };
}

/** The change in words: "+1.5 pp" for a percentage, "+12%" for anything else. */
export function changeText(change: { change: number; unit: 'pp' | '%' }, i18n: Pick<I18n, 'change' | 'points'>): string {
  return change.unit === 'pp' ? i18n.points(change.change) : i18n.change(change.change);
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
