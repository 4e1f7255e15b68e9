import type { Quota } from '../model';

/** The quota periods the rep can pick (the custom kind is for CRM goals with their own dates). */
export const QUOTA_PERIOD_CHOICES = ['month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year'] as const;
export type QuotaPeriodChoice = (typeof QUOTA_PERIOD_CHOICES)[number];

export type QuotaDates = Pick<Quota, 'periodKind' | 'startDate' | 'endDate'>;

/**
 * A period key in the language of `kpi-lens --period` (`2017-06`, `2017-Q2`,
 * `2017`, `FY2018`, `FY2018-Q1`; fiscal years are named after the year they end
 * in) → the quota's local dates, end exclusive. Pure date arithmetic: quotas are
 * calendar dates, turned into instants in the rep's zone only by the engine.
 */
export function quotaPeriodDates(kind: QuotaPeriodChoice, key: string, fiscalYearStartMonth: number): QuotaDates | undefined {
  let match: RegExpExecArray | null;
  let start: Month | undefined;
  let months = 0;
  if (kind === 'month' && (match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key))) [start, months] = [{ y: Number(match[1]), m: Number(match[2]) }, 1];
  else if (kind === 'quarter' && (match = /^(\d{4})-Q([1-4])$/.exec(key))) [start, months] = [{ y: Number(match[1]), m: (Number(match[2]) - 1) * 3 + 1 }, 3];
  else if (kind === 'year' && (match = /^(\d{4})$/.exec(key))) [start, months] = [{ y: Number(match[1]), m: 1 }, 12];
  else if (kind === 'fiscal-year' && (match = /^FY(\d{4})$/.exec(key))) [start, months] = [fiscalStart(Number(match[1]), fiscalYearStartMonth), 12];
  else if (kind === 'fiscal-quarter' && (match = /^FY(\d{4})-Q([1-4])$/.exec(key))) {
    [start, months] = [addMonths(fiscalStart(Number(match[1]), fiscalYearStartMonth), (Number(match[2]) - 1) * 3), 3];
  }
  if (!start || start.y < 1900 || start.y > 9998) return undefined;
  return { periodKind: kind, startDate: dateOf(start), endDate: dateOf(addMonths(start, months)) };
}

/**
 * The periods offered in the quota form around today (a local `YYYY-MM-DD`):
 * a few behind, to correct a past quota, and a year or so ahead.
 */
export function quotaPeriodKeys(kind: QuotaPeriodChoice, today: string, fiscalYearStartMonth: number): string[] {
  const now = { y: Number(today.slice(0, 4)), m: Number(today.slice(5, 7)) };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  switch (kind) {
    case 'month':
      return range(-6, 12).map((n) => monthKey(addMonths(now, n)));
    case 'quarter': {
      const first = { y: now.y, m: Math.floor((now.m - 1) / 3) * 3 + 1 };
      return range(-4, 6).map((n) => {
        const q = addMonths(first, n * 3);
        return `${q.y}-Q${(q.m - 1) / 3 + 1}`;
      });
    }
    case 'year':
      return range(-2, 2).map((n) => String(now.y + n));
    case 'fiscal-year':
      return range(-2, 2).map((n) => `FY${fiscalYearOf(now, fiscalYearStartMonth) + n}`);
    case 'fiscal-quarter': {
      const year = fiscalYearOf(now, fiscalYearStartMonth);
      return range(-1, 1).flatMap((n) => [1, 2, 3, 4].map((q) => `FY${year + n}-Q${q}`));
    }
  }
}

/** The key of the period that holds today. */
export function currentQuotaPeriodKey(kind: QuotaPeriodChoice, today: string, fiscalYearStartMonth: number): string {
  return quotaPeriodKeys(kind, today, fiscalYearStartMonth).find((key) => {
    const dates = quotaPeriodDates(kind, key, fiscalYearStartMonth);
    return dates !== undefined && dates.startDate <= today && today < dates.endDate;
  })!;
}

type Month = { y: number; m: number };

function fiscalStart(endsIn: number, startMonth: number): Month {
  return { y: startMonth === 1 ? endsIn : endsIn - 1, m: startMonth };
}

function fiscalYearOf(month: Month, startMonth: number): number {
  return startMonth !== 1 && month.m >= startMonth ? month.y + 1 : month.y;
}

function addMonths(month: Month, n: number): Month {
  const index = month.y * 12 + (month.m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

function monthKey(month: Month): string {
  return `${month.y}-${String(month.m).padStart(2, '0')}`;
}

function dateOf(month: Month): string {
  return `${monthKey(month)}-01`;
}
