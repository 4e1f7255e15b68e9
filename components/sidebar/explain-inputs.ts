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
  withCosts: 'count.withCosts',
  assumedMargin: 'count.assumedMargin',
  spendRecords: 'count.spendRecords',
  atStart: 'count.atStart',
  atEnd: 'count.atEnd',
  acquired: 'count.acquired',
  lostPassive: 'count.lostPassive',
  lostNew: 'count.lostNew',
  held: 'count.held',
  upcoming: 'count.upcoming',
  datedByMeeting: 'count.datedByMeeting',
  sqlInPeriod: 'count.sqlInPeriod',
  sqlWon: 'count.sqlWon',
  movements: 'count.movements',
  withAmount: 'count.withAmount',
  expectedDeals: 'count.expectedDeals',
  products: 'count.products',
  previousWonDeals: 'count.previousWonDeals',
  noActivity: 'count.noActivity',
  pastCloseDate: 'count.pastCloseDate',
  groups: 'count.groups',
};

/** Money parts the panel lists under "Made of", per KPI, in the order a rep adds them up. */
export const PART_KEYS: Partial<Record<KpiId, Record<string, MessageKey>>> = {
  mrr: {
    new: 'part.mrr.new',
    expansion: 'part.mrr.expansion',
    reactivation: 'part.mrr.reactivation',
    contraction: 'part.mrr.contraction',
    churned: 'part.mrr.churned',
    net: 'part.mrr.net',
    mrrStart: 'part.mrr.mrrStart',
    mrrEnd: 'part.mrr.mrrEnd',
  },
};

/** Parts that take away from the total, shown with a minus. */
const SUBTRACTED = new Set(['contraction', 'churned']);

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

/**
 * The record counts behind a number, each in words ("40 leads", "12 converted"). A count without
 * words is left out rather than shown by its engine key; a test keeps every key the catalogue emits named.
 */
export function countLines(result: ShownResult, i18n: Format): string[] {
  const counts = result.status === 'needs-data' ? undefined : result.counts;
  if (!counts) return [];
  return Object.entries(counts).flatMap(([key, count]) => {
    const message = COUNT_KEYS[key];
    return message ? [i18n.t(message, { count })] : [];
  });
}

/** The money parts of a result in words ("New MRR: $4,200", "Churned MRR: −$900"), for the KPIs that have them. */
export function partLines(result: ShownResult, currency: string, i18n: Format): string[] {
  const labels = PART_KEYS[result.id];
  if (!labels || (result.status !== 'ok' && result.status !== 'low-sample')) return [];
  return Object.entries(labels).flatMap(([key, message]) => {
    const value = result.parts[key];
    if (value === undefined) return [];
    const shown = i18n.money(SUBTRACTED.has(key) && value > 0 ? -value : value, currency);
    return [`${i18n.t(message)}: ${shown}`];
  });
}

/** Working days elapsed of the period's working days, where the KPI paces by them ("Working days: 4 of 22"). */
export function workingDaysLine(result: ShownResult, i18n: Format): string | undefined {
  if (result.status !== 'ok' && result.status !== 'low-sample') return undefined;
  const { workingDays: total, workingDaysElapsed: elapsed } = result.parts;
  if (total === undefined || elapsed === undefined) return undefined;
  return i18n.t('part.activityCounts.workingDays', { elapsed, total });
}
