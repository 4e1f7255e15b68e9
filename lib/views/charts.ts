import { DAY_MS } from '../period/units';
import { computeKpis } from '../kpi';
import { hasValue, type KpiData, type KpiQuery, type KpiResults } from '../kpi/types';
import { bucketIndexer, periodContaining, splitPeriod, type BucketUnit } from '../period';
import type { CalendarOptions, Period } from '../period/types';
import { eachDoneActivity } from './activity-scan';
import { ACTIVITY_KINDS, type ActivityKind } from './activity-windows';
import { breakdownCharts, type ChartRow } from './chart-breakdowns';

export type { ChartRow } from './chart-breakdowns';
export { chartRows, funnelRows } from './chart-breakdowns';

/** One bucket of the activity trend; `previous`: calls, emails and meetings of the same bucket of the comparison period. */
export type TrendBucket = { label: string; start: number; previous?: number } & Record<ActivityKind, number>;
export type MonthBar = { label: string; start: number; won: number; quota: number | null };

export type ChartsData = {
  currency: string;
  /** The comparison period the view computed (its span, as the view's query has it), drawn over the trend and breakdowns; null: none. */
  compare: { start: number; end: number } | null;
  activity: { unit: BucketUnit; buckets: TrendBucket[] };
  wonVsQuota: MonthBar[];
  /** Open deals by stage in the pipeline's order; by amount, or by count when no open deal has an amount. */
  funnel: ChartRow[];
  funnelMeasure: 'amount' | 'count';
  regions: ChartRow[];
  products: ChartRow[];
  channels: ChartRow[];
};

/** Days for a month or less, weeks up to half a year, months beyond: a chart stays readable in a sidebar. */
export function trendUnit(period: Pick<Period, 'start' | 'end'>): BucketUnit {
  const days = (period.end - period.start) / DAY_MS;
  return days <= 32 ? 'day' : days <= 190 ? 'week' : 'month';
}

/**
 * Done calls, emails and meetings per day (or week, month) of the period, for the owners in scope:
 * the same records `activityCounts` counts (done, occurred in the bucket), counted in one pass with a
 * binary-searched bucket index. Buckets that start after `asOf` are left out (no future zeros).
 */
export function activityTrend(
  data: KpiData,
  owners: ReadonlySet<string> | 'all',
  period: Period,
  asOf: number,
  calendar: CalendarOptions,
): ChartsData['activity'] {
  const unit = trendUnit(period);
  const buckets = splitPeriod(period, unit, calendar).filter((bucket) => bucket.start <= asOf);
  const rows: TrendBucket[] = buckets.map((bucket) => ({ label: bucket.label, start: bucket.start, call: 0, email: 0, meeting: 0 }));
  if (!rows.length) return { unit, buckets: rows };
  const find = bucketIndexer(buckets);
  const kinds = new Set<string>(ACTIVITY_KINDS);
  eachDoneActivity(data.activities, buckets[0]!.start, buckets[buckets.length - 1]!.end, (ownerId, type, at) => {
    if (!kinds.has(type)) return;
    if (owners !== 'all' && !owners.has(ownerId)) return;
    const i = find(at);
    if (i >= 0) (rows[i] as TrendBucket)[type as ActivityKind] += 1;
  });
  return { unit, buckets: rows };
}

/** The months of the won-revenue chart: those of the period when it spans three or more, else the six months ending with it. */
export function chartMonths(period: Period, calendar: CalendarOptions): Period[] {
  const months = splitPeriod(period, 'month', calendar).map((bucket) => periodContaining('month', bucket.start, calendar));
  if (months.length >= 3) return months;
  const last: Period[] = [];
  let cursor = periodContaining('month', period.start, calendar);
  for (let i = 0; i < 6; i += 1) {
    last.unshift(cursor);
    cursor = periodContaining('month', cursor.start - 1, calendar);
  }
  return last;
}

/**
 * Won revenue of one month against its quota: one engine call for `quotaAttainment` (sales and
 * quota, pro rata as the quota card computes them) and `avgPurchaseValue` (whose numerator is the
 * won amount, for months without a quota).
 */
export function monthBar(data: KpiData, query: Omit<KpiQuery, 'kpis' | 'period' | 'comparePeriod'>, month: Period): MonthBar {
  const results: KpiResults = computeKpis(data, { ...query, kpis: ['quotaAttainment', 'avgPurchaseValue'], period: month, comparePeriod: null });
  // Sums, not rates: a month of few deals still has its won amount and quota (low-sample or not).
  const quota = hasValue(results.quotaAttainment) ? results.quotaAttainment : undefined;
  const size = hasValue(results.avgPurchaseValue) ? results.avgPurchaseValue : undefined;
  return { label: month.label, start: month.start, won: quota?.parts.sales ?? size?.numerator ?? 0, quota: quota?.parts.quota ?? null };
}

/**
 * Done calls, emails and meetings in each bucket of the comparison period, bucket by bucket against
 * the period's own (first with first), as many as the period shows: the overlay of the trend. The
 * comparison's span is the view's (like-for-like or whole, as it decided); it is only split here.
 */
export function previousTrend(
  data: KpiData,
  owners: ReadonlySet<string> | 'all',
  compare: Period,
  unit: BucketUnit,
  count: number,
  calendar: CalendarOptions,
): number[] {
  const buckets = splitPeriod(compare, unit, calendar).slice(0, count);
  const totals = buckets.map(() => 0);
  if (!buckets.length) return totals;
  const find = bucketIndexer(buckets);
  const kinds = new Set<string>(ACTIVITY_KINDS);
  // The buckets are contiguous: only done activities in their span can count (over the column store
  // read from the time index, no record made: this loop made a million activity records).
  eachDoneActivity(data.activities, buckets[0]!.start, buckets[buckets.length - 1]!.end, (ownerId, type, at) => {
    if (!kinds.has(type)) return;
    if (owners !== 'all' && !owners.has(ownerId)) return;
    const i = find(at);
    if (i >= 0) totals[i]! += 1;
  });
  return totals;
}

/** Won revenue per month against quota for the chart's months (see chartMonths). */
export function wonVsQuota(data: KpiData, query: Omit<KpiQuery, 'kpis' | 'period' | 'comparePeriod'>, period: Period): MonthBar[] {
  return chartMonths(period, query.calendar).map((month) => monthBar(data, query, month));
}

/**
 * Every chart of the sidebar for one scope and period; `catalogue` holds the breakdown KPIs already
 * computed for `period`, `compare` is the comparison period of the same view (or null). Pauses
 * between the engine calls so the background stays responsive.
 */
export async function computeCharts(
  data: KpiData,
  query: Omit<KpiQuery, 'kpis' | 'period' | 'comparePeriod'>,
  period: Period,
  compare: Period | null,
  owners: ReadonlySet<string> | 'all',
  catalogue: KpiResults,
  pause: () => Promise<void> = async () => {},
): Promise<ChartsData> {
  const bars: MonthBar[] = [];
  for (const month of chartMonths(period, query.calendar)) {
    bars.push(monthBar(data, query, month));
    await pause();
  }
  const activity = activityTrend(data, owners, period, query.asOf, query.calendar);
  if (compare) {
    const previous = previousTrend(data, owners, compare, activity.unit, activity.buckets.length, query.calendar);
    activity.buckets.forEach((bucket, i) => {
      if (i < previous.length) bucket.previous = previous[i];
    });
  }
  const breakdowns = breakdownCharts(data, query, compare, catalogue);
  await pause();
  return { currency: query.currency.reporting, compare: compare && { start: compare.start, end: compare.end }, activity, wonVsQuota: bars, ...breakdowns };
}
