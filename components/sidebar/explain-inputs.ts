import type { MessageKey } from '@/lib/i18n';
import { KPI_DEFINITIONS, type KpiId, type Measure } from '@/lib/kpi';
import type { ShownResult } from '@/lib/views';
import type { I18n } from '../common/i18n';
import { formatValue } from './format';

type Kind = Measure;
/**
 * How the inputs of a ratio KPI read, so "12 of 40 leads" reads right: the noun of a counted
 * denominator and "of" or "over". What they measure (money, days, records) is the KPI's own `basis`.
 */
type Ratio = { noun?: MessageKey; phrase: 'of' | 'over' };

const RATIOS: Partial<Record<KpiId, Ratio>> = {
  leadConversionRate: { noun: 'count.leads', phrase: 'of' },
  mqlToSql: { noun: 'count.mql', phrase: 'of' },
  winRate: { noun: 'count.closedDeals', phrase: 'of' },
  stageConversion: { noun: 'count.deals', phrase: 'of' },
  churn: { noun: 'count.customersAtStart', phrase: 'of' },
  retentionRate: { noun: 'count.customersAtStart', phrase: 'of' },
  emailBenchmarks: { noun: 'count.benchmarks', phrase: 'of' },
  quotaAttainment: { phrase: 'of' },
  avgProfitMargin: { phrase: 'of' },
  salesGrowth: { phrase: 'over' },
  pipelineCoverage: { phrase: 'over' },
  ltvToCac: { phrase: 'over' },
  cac: { noun: 'count.newCustomers', phrase: 'over' },
  avgPurchaseValue: { noun: 'count.wonDeals', phrase: 'over' },
  avgSalesCycle: { noun: 'count.deals', phrase: 'over' },
  avgConversionTime: { noun: 'count.leads', phrase: 'over' },
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
  const [top, bottom] = KPI_DEFINITIONS[result.id].basis ?? ['count', 'count'];
  const num = amount(result.numerator, top, currency, i18n);
  // A counted denominator reads with its noun ("40 leads"), in the plural form its number needs.
  const den = ratio?.noun && bottom === 'count' ? i18n.t(ratio.noun, { count: result.denominator }) : amount(result.denominator, bottom, currency, i18n);
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
