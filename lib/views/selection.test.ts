import { describe, expect, it } from 'vitest';
import type { CalendarOptions } from '../period/types';
import { resolvePeriods, selectionKey } from './selection';

const calendar: CalendarOptions = { timeZone: 'Europe/Berlin', weekStartsOn: 1, fiscalYearStartMonth: 4 };
/** Wednesday 2024-03-13 10:00 in Berlin (UTC+1). */
const asOf = Date.parse('2024-03-13T10:00:00+01:00');
const labels = (selection: Parameters<typeof resolvePeriods>[0]) => {
  const { period, compare } = resolvePeriods(selection, asOf, calendar);
  return [period.label, compare?.label ?? null];
};

describe('the period picker and the comparison', () => {
  it.each([
    // choice, compare → period, comparison period
    [{ period: 'today' }, ['2024-03-13', '2024-03-12']],
    [{ period: 'week' }, ['2024-W11', '2024-W10']],
    [{ period: 'month' }, ['2024-03', '2024-02']],
    [{ period: 'quarter' }, ['2024-Q1', '2023-Q4']],
    [{ period: 'year' }, ['2024', '2023']],
    // Fiscal year from April: March 2024 is the last month of FY2024 (April 2023 – March 2024).
    [{ period: 'fiscal-year' }, ['FY2024', 'FY2023']],
    [{ period: 'fiscal-quarter' }, ['FY2024-Q4', 'FY2024-Q3']],
    [{ period: 'month', compare: 'last-year' }, ['2024-03', '2023-03']],
    [{ period: 'quarter', compare: 'last-year' }, ['2024-Q1', '2023-Q1']],
    [{ period: 'month', compare: 'none' }, ['2024-03', null]],
    // A custom range of 10 days compares with the 10 days before, or with the same dates a year back.
    [{ period: 'custom', range: { from: '2024-03-01', to: '2024-03-10' } }, ['2024-03-01..2024-03-10', '2024-02-20..2024-02-29']],
    [{ period: 'custom', range: { from: '2024-02-20', to: '2024-02-29' }, compare: 'last-year' }, ['2024-02-20..2024-02-29', '2023-02-20..2023-02-28']],
    // Custom without dates yet shows this month.
    [{ period: 'custom' }, ['2024-03', '2024-02']],
  ] as const)('%j', (selection, expected) => {
    expect(labels(selection)).toEqual(expected);
  });

  it('compares 29 February with 28 February a year earlier', () => {
    const leapDay = Date.parse('2024-02-29T12:00:00+01:00');
    const { compare } = resolvePeriods({ period: 'today', compare: 'last-year' }, leapDay, calendar);
    expect(compare?.label).toBe('2023-02-28');
  });

  it('says what is wrong with a backwards custom range', () => {
    expect(() => resolvePeriods({ period: 'custom', range: { from: '2024-03-10', to: '2024-03-01' } }, asOf, calendar)).toThrow(
      /ends \(2024-03-01\) before it starts/,
    );
  });

  it('keys a selection by everything that changes its numbers', () => {
    const base = { source: 's', view: 'personal', period: 'month' } as const;
    const keys = new Set([
      selectionKey(base),
      selectionKey({ ...base, view: 'team' }),
      selectionKey({ ...base, compare: 'last-year' }),
      selectionKey({ ...base, ownerId: 'bob' }),
      selectionKey({ ...base, period: 'custom', range: { from: '2024-01-01', to: '2024-01-31' } }),
      selectionKey({ ...base, period: 'custom', range: { from: '2024-01-01', to: '2024-01-30' } }),
    ]);
    expect(keys.size).toBe(6);
    // The default comparison is the previous period, whether said or not; a range only matters for custom.
    expect(selectionKey({ ...base, compare: 'previous' })).toBe(selectionKey(base));
    expect(selectionKey({ ...base, range: { from: '2024-01-01', to: '2024-01-31' } })).toBe(selectionKey(base));
  });
});
