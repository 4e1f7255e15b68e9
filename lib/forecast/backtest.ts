/**
 * The back-test: the same forecast made for each of the past periods before this one, on the same day
 * of the period and at the same time of day, from only what was known that day (forecast() rewinds the
 * data itself), compared with how each period really ended as far as the data knows at `asOf`.
 */
import { DAY_MS, instantToLocalDate, localDateToInstant, previousPeriod, type Period } from '../period';
import { emptyKpiData } from '../kpi';
import { dealBatches } from './deal-source';
import { knownAt } from './known-at';
import { forecast } from './forecast';
import { ownAmount } from './amounts';
import { ownersInScope } from './scope';
import { EXPLAIN_TEXT, INPUT_LABEL } from './texts';
import type { Deal } from '../model';
import type { Backtest, BacktestPeriod, ForecastInput } from './types';

export type BacktestInput = Omit<ForecastInput, 'quota' | 'byOwner'> & {
  /** How many past periods; 6 by default. */
  periods?: number;
};

export function backtest(input: BacktestInput): Backtest {
  const steps = backtestSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The back-test one past period at a time: each `next()` forecasts one period, the last returns the
 * result. A caller that must stay responsive (the background answering other pages) can yield between
 * periods; `backtest()` runs it through.
 */
export function* backtestSteps(input: BacktestInput): Generator<void, Backtest, void> {
  const count = input.periods ?? 6;
  if (!Number.isInteger(count) || count < 1 || count > 60) throw new Error(`periods must be a whole number from 1 to 60, got ${count}`);
  const { calendar, asOf } = input;
  const zone = calendar.timeZone;
  const scope = ownersInScope(input.scope, input.data);
  const won = wonAsOf(input.data.deals, asOf, zone, input.currency, scope.includes);
  const day = dayOfPeriod(input.period, asOf, zone);
  const periods: BacktestPeriod[] = [];
  let p: Period = input.period;
  for (let k = 0; k < count; k += 1) {
    p = previousPeriod(p, calendar);
    if (p.end > asOf) continue;
    const at = sameDay(p, day, zone);
    let actual = 0;
    for (let i = 0; i < won.closedAt.length; i += 1) {
      const closedAt = won.closedAt[i] as number;
      if (closedAt >= p.start && closedAt < p.end) actual += won.minor[i] as number;
    }
    // The data as given: forecast() rewinds it to `at` itself, and what was known at `at` is what
    // was known then of the data as it stood at `asOf` (a rewind to an earlier instant takes back all
    // that a rewind to a later one does), so the deals need not be rewound to `asOf` first.
    const f = forecast({ ...input, period: p, asOf: at, remember: false });
    const base = { label: p.label, start: p.start, end: p.end, asOf: at, actual };
    if (f.status !== 'ok') {
      periods.push({ ...base, revenue: null, inside: null, error: null, status: 'needs-data' });
      continue;
    }
    periods.push({ ...base, revenue: f.revenue, inside: actual >= f.revenue.p10 && actual <= f.revenue.p90, error: actual - f.revenue.p50, status: 'ok' });
    yield;
  }
  const made = periods.filter((x) => x.status === 'ok');
  const inside = made.filter((x) => x.inside).length;
  const absErrors = made.map((x) => Math.abs(x.error as number));
  const relErrors = made.filter((x) => x.actual > 0).map((x) => Math.abs(x.error as number) / x.actual);
  const medianAbsError = median(absErrors);
  const medianRelativeError = median(relErrors);
  return {
    periods,
    forecast: made.length,
    inside,
    coverage: made.length ? inside / made.length : null,
    medianAbsError,
    medianRelativeError,
    explain: {
      title: EXPLAIN_TEXT.backtest.title,
      method: EXPLAIN_TEXT.backtest.method,
      inputs: [
        { key: 'periods', label: INPUT_LABEL.periods, value: made.length, unit: 'count' },
        { key: 'inside', label: INPUT_LABEL.inside, value: inside, unit: 'count', n: made.length },
        { key: 'medianAbsError', label: INPUT_LABEL.medianAbsError, value: medianAbsError, unit: 'money', n: made.length },
        { key: 'medianRelativeError', label: INPUT_LABEL.medianRelativeError, value: medianRelativeError, unit: 'rate', n: relErrors.length },
      ],
      dealIds: [],
      notes: [],
    },
  };
}

/**
 * The won deals in scope with a close date and an amount, as they stood at `asOf`: their close
 * instants and amounts, in the deals' order (the sums are taken in it). Over the column store the
 * deals are read and rewound a batch at a time, so no slim deal outlives its batch.
 */
function wonAsOf(
  deals: readonly Deal[],
  asOf: number,
  timeZone: string,
  currency: BacktestInput['currency'],
  includes: (ownerId: string) => boolean,
): { closedAt: number[]; minor: number[] } {
  const won = { closedAt: [] as number[], minor: [] as number[] };
  for (const batch of dealBatches(deals).batches) {
    for (const deal of knownAt({ ...emptyKpiData(), deals: batch }, asOf, { timeZone }).deals) {
      if (deal.status !== 'won' || deal.closedAt === undefined || !includes(deal.ownerId)) continue;
      const own = ownAmount(deal, currency);
      if (!('minor' in own)) continue;
      won.closedAt.push(deal.closedAt);
      won.minor.push(own.minor);
    }
  }
  return won;
}

type DayOfPeriod = { days: number; msIntoDay: number };

/** Which local day of the period `at` falls on (0 = its first day; negative before it), and when in that day. */
export function dayOfPeriod(period: Period, at: number, zone: string): DayOfPeriod {
  const startDate = instantToLocalDate(period.start, zone);
  const date = instantToLocalDate(at, zone);
  const midnight = localDateToInstant(date, zone) ?? at;
  return { days: daysBetween(startDate, date), msIntoDay: at - midnight };
}

/** The same local day of another period, at the same time of day; its last day when it is shorter. */
export function sameDay(period: Period, day: DayOfPeriod, zone: string): number {
  const startDate = instantToLocalDate(period.start, zone);
  const lastDate = instantToLocalDate(period.end - 1, zone);
  const length = daysBetween(startDate, lastDate);
  const date = addDays(startDate, Math.min(day.days, length));
  const midnight = localDateToInstant(date, zone) as number;
  const next = localDateToInstant(addDays(date, 1), zone) as number;
  return Math.min(midnight + day.msIntoDay, next - 1, period.end - 1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
