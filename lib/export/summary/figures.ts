/** Reading lib/kpi results into the summary's figures: activities against targets, deals, quota and pace. */
import { computeKpis, paceStatus } from '../../kpi';
import { hasValue, type KpiMeasured, type KpiQuery, type KpiResult, type KpiResults, type KpiScope } from '../../kpi/types';
import { elapsedFraction, periodContaining } from '../../period';
import type { ActivityLine, ActivityLineKind, DealsBlock, QuotaSummary, WeekFigure } from './types';
import type { SummaryWeek } from './week';

/** A result's figures when it has them: `ok`, or `low-sample` (a small-sample rate still has its counts and sums). */
export function okResult(result: KpiResult | undefined): KpiMeasured | undefined {
  return hasValue(result) ? result : undefined;
}

/** The week's value beside last week's, with the relative change lib/kpi would give (`previous.change`). */
export function weekFigure(value: number, previous: number): WeekFigure {
  return { value, previous, change: previous !== 0 ? ((value - previous) / Math.abs(previous)) * 100 : null };
}

/**
 * Calls, emails and meetings done in the week, demos booked in it, and calls + emails + meetings
 * together: the figure lib/kpi holds against the sum of the three targets. Each line with a target
 * gets the pace status lib/kpi gives (on track once the straight line to the target is reached).
 */
export function activityLines(cur: KpiResults, prev: KpiResults, elapsed: number): ActivityLine[] | null {
  const counts = okResult(cur.activityCounts);
  if (!counts) return null;
  const before = okResult(prev.activityCounts);
  const demos = okResult(cur.demosBooked);
  const demosBefore = okResult(prev.demosBooked);
  const part = (result: KpiMeasured | undefined, key: string) => result?.parts[key] ?? 0;
  const line = (kind: ActivityLineKind, value: number, previous: number, target: number | undefined): ActivityLine => {
    const entry: ActivityLine = { kind, ...weekFigure(value, previous) };
    if (target !== undefined) {
      entry.target = target;
      entry.status = paceStatus(value, target, elapsed).status;
    }
    return entry;
  };
  const sum = (result: KpiMeasured | undefined) => part(result, 'call') + part(result, 'email') + part(result, 'meeting');
  const total = line('total', sum(counts), sum(before), counts.target?.value);
  if (counts.target) total.status = counts.target.status;
  return [
    line('call', part(counts, 'call'), part(before, 'call'), counts.parts.callsTarget),
    line('email', part(counts, 'email'), part(before, 'email'), counts.parts.emailsTarget),
    line('meeting', part(counts, 'meeting'), part(before, 'meeting'), counts.parts.meetingsTarget),
    line('demo', demos?.value ?? 0, demosBefore?.value ?? 0, demos?.parts.target),
    total,
  ];
}

/** Deals created, won and lost in the week and last week, with their amounts and the win rate. */
export function dealsBlock(cur: KpiResults, prev: KpiResults): DealsBlock | null {
  const created = okResult(cur.opportunitiesCreated);
  if (!created) return null;
  const createdBefore = okResult(prev.opportunitiesCreated);
  const closed = (results: KpiResults, key: 'won' | 'lost') => (results.winRate?.status === 'needs-data' ? 0 : (results.winRate?.counts?.[key] ?? 0));
  const wonAmount = (results: KpiResults) => okResult(results.avgPurchaseValue)?.numerator ?? 0;
  return {
    created: { ...weekFigure(created.value, createdBefore?.value ?? 0), amount: created.parts.amount ?? 0, previousAmount: createdBefore?.parts.amount ?? 0 },
    won: { ...weekFigure(closed(cur, 'won'), closed(prev, 'won')), amount: wonAmount(cur), previousAmount: wonAmount(prev) },
    lost: weekFigure(closed(cur, 'lost'), closed(prev, 'lost')),
    winRate: rateFigure(cur, prev),
  };
}

/** The week's win rate beside last week's, the change in percentage points, muted below the minimum sample. */
function rateFigure(cur: KpiResults, prev: KpiResults): DealsBlock['winRate'] {
  const now = okResult(cur.winRate);
  const before = okResult(prev.winRate);
  const value = now?.value ?? null;
  const previous = before?.value ?? null;
  const figure: DealsBlock['winRate'] = {
    value,
    previous,
    change: value !== null && previous !== null ? value - previous : null,
    closed: now?.denominator ?? 0,
  };
  if (cur.winRate?.status === 'low-sample') figure.lowSample = true;
  return figure;
}

type QueryBase = Pick<KpiQuery, 'calendar' | 'currency' | 'settings'> & { scope: KpiScope };

/**
 * Quota for the week (its pro-rata share) and for the month holding the week's last day, up to the end
 * of the week — or up to now for a week still in progress — so an old week shows where the rep stood
 * then, not with the sales made after it.
 */
export function quotaBlock(
  data: Parameters<typeof computeKpis>[0],
  base: QueryBase,
  week: SummaryWeek,
  asOf: number,
  cur: KpiResults,
  prev: KpiResults,
): QuotaSummary {
  const result = cur.quotaAttainment;
  if (!hasValue(result)) {
    const reason = result?.status === 'needs-data' ? result.message : result?.status === 'not-defined' ? result.reason : 'no quota';
    return { status: 'none', reason };
  }
  const before = okResult(prev.quotaAttainment);
  return {
    status: 'ok',
    week: {
      attainmentPct: result.value,
      sales: result.parts.sales ?? 0,
      quota: result.parts.quota ?? 0,
      status: result.target?.status ?? 'on-track',
      previousPct: before?.value ?? null,
      ...(result.status === 'low-sample' ? { lowSample: true as const } : {}),
    },
    month: monthQuota(data, base, week, asOf),
  };
}

function monthQuota(data: Parameters<typeof computeKpis>[0], base: QueryBase, week: SummaryWeek, asOf: number) {
  const cutoff = Math.min(asOf, week.week.end);
  const month = periodContaining('month', cutoff - 1, base.calendar);
  const query = { ...base, comparePeriod: null, asOf: cutoff };
  const whole = okResult(computeKpis(data, { ...query, kpis: ['quotaAttainment'], period: month }).quotaAttainment);
  const quota = whole?.parts.quota;
  if (!whole || quota === undefined || quota <= 0) return null;
  let sales = whole.parts.sales ?? 0;
  if (cutoff < month.end) {
    const toDate = { kind: 'custom' as const, start: month.start, end: cutoff, label: `${month.label} to date` };
    sales = okResult(computeKpis(data, { ...query, kpis: ['avgPurchaseValue'], period: toDate }).avgPurchaseValue)?.numerator ?? 0;
  }
  const elapsed = elapsedFraction(month, cutoff);
  const pace = paceStatus(sales, quota, elapsed);
  const figure: NonNullable<Extract<QuotaSummary, { status: 'ok' }>['month']> = {
    label: month.label,
    start: month.start,
    end: month.end,
    sales,
    quota,
    attainmentPct: (sales / quota) * 100,
    expectedPct: elapsed * 100,
    status: pace.status,
  };
  if (pace.pacePct !== undefined) figure.pacePct = pace.pacePct;
  if (elapsed > 0) figure.projected = Math.round(sales / elapsed);
  return figure;
}
