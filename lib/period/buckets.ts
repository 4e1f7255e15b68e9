import { periodContaining } from './periods';
import type { CalendarOptions, Period } from './types';

export type BucketUnit = 'day' | 'week' | 'month';

/** More buckets than a chart can show means a mistake (e.g. days over decades); fail instead of hanging. */
export const MAX_BUCKETS = 10_000;

/**
 * Cuts a period into chart buckets of whole days, weeks or months in the calendar's time zone.
 * The first and last buckets are clipped to the period (a month split by weeks starts and ends with
 * partial weeks), and keep the label of the unit they belong to, so `2017-W22` may be a 3-day bucket.
 */
export function splitPeriod(period: Period, unit: BucketUnit, calendar: CalendarOptions): Period[] {
  if (!(period.start < period.end)) throw new Error(`Cannot split an empty period (${period.label})`);
  // Shortest possible unit (a 23 h day, a week or 28-day month with a DST hour less): refuse early.
  const shortest = { day: 23, week: 167, month: 671 }[unit] * 3_600_000;
  if ((period.end - period.start) / shortest > MAX_BUCKETS + 1) {
    throw new Error(`${period.label} split by ${unit} gives more than ${MAX_BUCKETS} buckets; pick a larger unit`);
  }
  const buckets: Period[] = [];
  let cursor = period.start;
  while (cursor < period.end) {
    if (buckets.length >= MAX_BUCKETS) {
      throw new Error(`${period.label} split by ${unit} gives more than ${MAX_BUCKETS} buckets; pick a larger unit`);
    }
    const unitPeriod = periodContaining(unit, cursor, calendar);
    const end = Math.min(unitPeriod.end, period.end);
    buckets.push({ kind: unit, start: cursor, end, label: unitPeriod.label });
    cursor = end;
  }
  return buckets;
}

/** Maps an instant to the index of the bucket holding it, or -1 when none does. */
export type BucketIndexer = (at: number) => number;

/**
 * A lookup for sorted, non-overlapping buckets (as `splitPeriod` makes): a binary search over the
 * bucket starts kept in a typed array, so charting 100,000 records costs no date arithmetic at all.
 * Gaps between buckets are allowed and map to -1. Throws if buckets are unsorted or overlap.
 */
export function bucketIndexer(buckets: readonly Pick<Period, 'start' | 'end'>[]): BucketIndexer {
  const starts = new Float64Array(buckets.length);
  const ends = new Float64Array(buckets.length);
  buckets.forEach((bucket, i) => {
    if (!(bucket.start < bucket.end)) throw new Error(`Bucket ${i} is empty or reversed`);
    if (i > 0 && bucket.start < (ends[i - 1] as number)) throw new Error(`Bucket ${i} overlaps or precedes bucket ${i - 1}`);
    starts[i] = bucket.start;
    ends[i] = bucket.end;
  });
  return (at: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && at < (ends[found] as number) ? found : -1;
  };
}
