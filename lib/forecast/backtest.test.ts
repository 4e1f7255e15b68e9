import fc from 'fast-check';
import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import { parsePeriodSpec, periodContaining } from '../period';
import { backtest, dayOfPeriod, sameDay, type BacktestInput } from './backtest';
import { knownAt } from './known-at';
import { learn } from './learned';
import { DEFAULT_SETTINGS } from './settings';
import { simulateCrm, T0 } from './test-support';

const cal = (timeZone: string) => ({ timeZone, weekStartsOn: 1 as const, fiscalYearStartMonth: 1 });

describe('the same day of another period', () => {
  it.each([
    // zone, period of asOf, asOf, other period, expected
    ['UTC', '2017-06', '2017-06-15T10:00:00Z', '2017-05', '2017-05-15T10:00:00Z'], // day 14 of each, 10:00
    ['UTC', '2017-06', '2017-06-30T23:59:59.999Z', '2017-02', '2017-02-28T23:59:59.999Z'], // day 29 → February's last day
    ['UTC', '2017-05', '2017-05-31T12:00:00Z', '2017-04', '2017-04-30T12:00:00Z'], // the 31st → the 30th
    ['UTC', '2017-Q2', '2017-05-10T08:00:00Z', '2017-Q1', '2017-02-09T08:00:00Z'], // day 39 of the quarter: 1 Jan + 39 days
    // Berlin: 10:00 local in summer (UTC+2) and in winter (UTC+1) are different UTC hours.
    ['Europe/Berlin', '2017-04', '2017-04-15T08:00:00Z', '2017-03', '2017-03-15T09:00:00Z'],
  ])('%s: %s at %s → in %s, %s', (zone, spec, at, other, expected) => {
    const day = dayOfPeriod(parsePeriodSpec(spec, cal(zone)), Date.parse(at), zone);
    expect(new Date(sameDay(parsePeriodSpec(other, cal(zone)), day, zone)).toISOString()).toBe(new Date(Date.parse(expected)).toISOString());
  });

  it('keeps a lead before the period: ten days before June is ten days before May', () => {
    const day = dayOfPeriod(parsePeriodSpec('2017-06', cal('UTC')), Date.parse('2017-05-22T00:00:00Z'), 'UTC');
    expect(day.days).toBe(-10);
    expect(new Date(sameDay(parsePeriodSpec('2017-05', cal('UTC')), day, 'UTC')).toISOString()).toBe('2017-04-21T00:00:00.000Z');
  });
});

describe('backtest', () => {
  const { data } = simulateCrm({ seed: 3, reps: 4, days: 450 });
  const CAL = cal('UTC');
  const period = parsePeriodSpec('2017-03', CAL); // T0 + 425 days is in March 2017
  const asOf = period.start + 15 * DAY_MS - 1;

  it('forecasts each past period on the same day and compares it with how it ended', () => {
    const result = backtest({ data, period, asOf, scope: { ownerIds: 'all' }, calendar: CAL, currency: { reporting: 'USD', rates: {} }, periods: 4 });
    expect(result.periods.map((p) => p.label)).toEqual(['2017-02', '2017-01', '2016-12', '2016-11']);
    for (const p of result.periods) {
      expect(new Date(p.asOf).toISOString().slice(8)).toBe('15T23:59:59.999Z');
      const won = data.deals.filter((d) => d.status === 'won' && (d.closedAt as number) >= p.start && (d.closedAt as number) < p.end);
      expect(p.actual).toBe(won.reduce((s, d) => s + (d.amount?.minor ?? 0), 0));
      expect(p.status).toBe('ok');
      expect(p.inside).toBe(p.actual >= (p.revenue?.p10 ?? 0) && p.actual <= (p.revenue?.p90 ?? 0));
      expect(p.error).toBe(p.actual - (p.revenue?.p50 ?? 0));
    }
    expect(result.forecast).toBe(4);
    expect(result.inside).toBe(result.periods.filter((p) => p.inside).length);
    expect(result.coverage).toBe(result.inside / 4);
    const abs = result.periods.map((p) => Math.abs(p.error as number)).sort((a, b) => a - b);
    expect(result.medianAbsError).toBe((abs[1]! + abs[2]!) / 2); // the median of four
    expect(result.explain.inputs.find((i) => i.key === 'inside')?.value).toBe(result.inside);
    expect(result.explain.method.ru.length).toBeGreaterThan(0);
  });

  it('says which past periods it could not forecast', () => {
    // Going back a year and more reaches months before there was enough history.
    const result = backtest({ data, period, asOf, scope: { ownerIds: 'all' }, calendar: CAL, currency: { reporting: 'USD', rates: {} }, periods: 15 });
    const early = result.periods.filter((p) => p.status === 'needs-data');
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((p) => p.revenue === null && p.inside === null && p.start < T0 + 40 * DAY_MS)).toBe(true);
    expect(result.forecast).toBe(15 - early.length);
  });

  it('refuses a silly number of periods', () => {
    expect(() => backtest({ data, period, asOf, scope: { ownerIds: 'all' }, calendar: CAL, currency: { reporting: 'USD', rates: {} }, periods: 0 })).toThrow(
      /periods/,
    );
  });
});

describe('the back-test reads the deals as given', () => {
  // backtest() forecasts each past instant from the deals as given, not rewound to `asOf` first: what
  // was known at an earlier instant of the data as it stood at `asOf` is what was known then.
  const rewoundFirst = (input: BacktestInput): BacktestInput => ({
    ...input,
    data: { ...input.data, deals: knownAt({ ...input.data, activities: [] }, input.asOf, { timeZone: input.calendar.timeZone }).deals },
  });

  it('as if they had been rewound to its instant first, on messy data (property)', () => {
    fc.assert(
      fc.property(dataArb, queryArb, (data, query) => {
        const input: BacktestInput = {
          data,
          period: query.period,
          asOf: query.asOf,
          scope: query.scope,
          calendar: query.calendar,
          currency: query.currency,
          periods: 3,
        };
        expect(backtest(input)).toEqual(backtest(rewoundFirst(input)));
      }),
      { numRuns: 60 },
    );
  });

  it('as if they had been rewound to its instant first, on simulated CRMs (property)', () => {
    let forecast = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0.4, max: 0.95, noNaN: true }), (seed, at) => {
        const days = 300;
        const { data } = simulateCrm({ seed, reps: 3, days, activities: true, stages: true });
        const asOf = Math.round(T0 + at * days * DAY_MS);
        const calendar = cal('UTC');
        const input: BacktestInput = {
          data,
          period: periodContaining('month', asOf, calendar),
          asOf,
          scope: { ownerIds: 'all' },
          calendar,
          currency: { reporting: 'USD', rates: {} },
          periods: 3,
          settings: { draws: 2_000 },
        };
        const result = backtest(input);
        expect(result).toEqual(backtest(rewoundFirst(input)));
        forecast += result.forecast;
      }),
      { numRuns: 12 },
    );
    expect(forecast).toBeGreaterThan(0); // not only periods without a forecast
  });
});

describe('the back-test and the live forecast', () => {
  it('leaves what the live forecast learned remembered (the past instants are not kept in its place)', () => {
    const days = 300;
    const { data } = simulateCrm({ seed: 11, reps: 3, days, activities: true, stages: true });
    const asOf = Math.round(T0 + 0.9 * days * DAY_MS);
    const calendar = cal('UTC');
    const period = periodContaining('month', asOf, calendar);
    const currency = { reporting: 'USD', rates: {} };
    const live = learn(data, asOf, period, 'UTC', currency, DEFAULT_SETTINGS);
    const track = backtest({ data, period, asOf, scope: { ownerIds: 'all' }, calendar, currency, periods: 6, settings: { draws: 2_000 } });
    expect(track.periods.length).toBeGreaterThan(4); // more past instants than what is remembered
    expect(learn(data, asOf, period, 'UTC', currency, DEFAULT_SETTINGS)).toBe(live);
  });
});
