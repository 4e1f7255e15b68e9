import type { MessageKey } from '../../lib/i18n/messages';
import type { KpiId } from '../../lib/kpi/types';
import type { ShownResult } from '../../lib/views/lean';
import type { I18n } from '../common/i18n';
import { formatValue } from './format';

type Kind = 'money' | 'count' | 'days';
/** What the numerator and denominator of a ratio KPI are, so "12 of 40 leads" reads right. */
type Ratio = { num: Kind; den: Kind; noun?: MessageKey; phrase: 'of' | 'over' };

const RATIOS: Partial<Record<KpiId, Ratio>> = {
  leadConversionRate: { num: 'count', den: 'count', noun: 'count.leads', phrase: 'of' },
  mqlToSql: { num: 'count', den: 'count', noun: 'count.mql', phrase: 'of' },
  winRate: { num: 'count', den: 'count', noun: 'count.closedDeals', phrase: 'of' },
  stageConversion: { num: 'count', den: 'count', noun: 'count.deals', phrase: 'of' },
  churn: { num: 'count', den: 'count', noun: 'count.customersAtStart', phrase: 'of' },
  retentionRate: { num: 'count', den: 'count', noun: 'count.customersAtStart', phrase: 'of' },
  emailBenchmarks: { num: 'count', den: 'count', noun: 'count.benchmarks', phrase: 'of' },
  quotaAttainment: { num: 'money', den: 'money', phrase: 'of' },
  avgProfitMargin: { num: 'money', den: 'money', phrase: 'of' },
  salesGrowth: { num: 'money', den: 'money', phrase: 'over' },
  pipelineCoverage: { num: 'money', den: 'money', phrase: 'over' },
  ltvToCac: { num: 'money', den: 'money', phrase: 'over' },
  cac: { num: 'money', den: 'count', noun: 'count.newCustomers', phrase: 'over' },
  avgPurchaseValue: { num: 'money', den: 'count', noun: 'count.wonDeals', phrase: 'over' },
  avgSalesCycle: { num: 'days', den: 'count', noun: 'count.deals', phrase: 'over' },
  avgConversionTime: { num: 'days', den: 'count', noun: 'count.leads', phrase: 'over' },
};

/** Count names the engine uses, with their plural forms in both languages. */
export const COUNT_KEYS: Record<string, MessageKey> = {
  activities: 'count.activities',
  planned: 'count.planned',
  leads: 'count.leads',
  converted: 'count.converted',
  disqualified: 'count.disqualified',
  open: 'count.open',
  deals: 'count.deals',
  won: 'count.won',
  lost: 'count.lost',
  wonDeals: 'count.wonDeals',
  openDeals: 'count.openDeals',
  quotas: 'count.quotas',
  customers: 'count.customers',
  newCustomers: 'count.newCustomers',
  mql: 'count.mql',
  sql: 'count.sql',
  demos: 'count.demos',
  stale: 'count.stale',
  reps: 'count.reps',
  sent: 'count.sent',
  opened: 'count.opened',
  replied: 'count.replied',
  purchases: 'count.purchases',
  repeatCustomers: 'count.repeatCustomers',
  customersAtStart: 'count.customersAtStart',
  customersLost: 'count.customersLost',
  expectedInPeriod: 'count.expectedInPeriod',
};

type Format = Pick<I18n, 't' | 'money' | 'percent' | 'number'>;

function amount(value: number, kind: Kind, currency: string, i18n: Format): string {
  if (kind === 'money') return i18n.money(value, currency);
  if (kind === 'days') return formatValue(value, 'days', i18n);
  return i18n.number(value);
}

/** "12 of 40 leads", "$62,500 of $100,000", "$30,000 ÷ 4 new customers": the inputs of a ratio, in words. */
export function ratioLine(result: ShownResult, currency: string, i18n: Format): string | undefined {
  if (result.status === 'needs-data' || result.numerator === undefined || result.denominator === undefined) return undefined;
  const ratio = RATIOS[result.id];
  const num = amount(result.numerator, ratio?.num ?? 'count', currency, i18n);
  // A counted denominator reads with its noun ("40 leads"), in the plural form its number needs.
  const den = ratio?.noun && ratio.den === 'count' ? i18n.t(ratio.noun, { count: result.denominator }) : amount(result.denominator, ratio?.den ?? 'count', currency, i18n);
  return i18n.t(ratio?.phrase === 'over' ? 'explain.over' : 'explain.of', { num, den });
}

/** The record counts behind a number, each in words ("40 leads", "12 converted"). */
export function countLines(result: ShownResult, i18n: Format): string[] {
  const counts = result.status === 'needs-data' ? undefined : result.counts;
  if (!counts) return [];
  return Object.entries(counts).map(([key, count]) => {
    const message = COUNT_KEYS[key];
    return message ? i18n.t(message, { count }) : `${key}: ${i18n.number(count)}`;
  });
}
