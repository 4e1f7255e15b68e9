import { beforeAll, describe, expect, it } from 'vitest';
import { computeKpis, UNASSIGNED, type KpiId, type KpiQuery, type KpiResult, type KpiScope } from '../kpi';
import { localDateToInstant } from '../period/local-date';
import { periodContaining } from '../period/periods';
import type { CalendarOptions, Period } from '../period/types';
import { DEMO_EXCHANGE_RATES } from './catalog';
import { generateDemoData } from './generate';
import { local } from './test-support';

/**
 * The demo is a company's first impression, generated at whatever instant the user
 * opens it. These tests read it as the product does, through lib/kpi, at many
 * instants (every weekday, early and late hours, the first and last days of months,
 * several zones and seeds): reps spread around their targets and quotas, some on
 * track and some not; deals at risk idle for weeks, a few dead ones; a "today" that
 * fits the hour.
 */
const HOUR = 3_600_000;

const INSTANTS = [
  { date: '2025-03-03', hour: 8.25, timeZone: 'Europe/Berlin', seed: 7 }, // Monday morning, the 3rd
  { date: '2025-04-01', hour: 0.5, timeZone: 'Europe/Moscow', seed: 20_240_601 }, // Tuesday, just after midnight on the 1st
  { date: '2025-05-14', hour: 14.5, timeZone: 'America/New_York', seed: 3 }, // Wednesday afternoon
  { date: '2025-06-26', hour: 18.75, timeZone: 'Asia/Tokyo', seed: 4 }, // Thursday evening
  { date: '2025-08-01', hour: 11, timeZone: 'Europe/London', seed: 5 }, // Friday the 1st
  { date: '2025-09-06', hour: 10, timeZone: 'America/Los_Angeles', seed: 6 }, // Saturday
  { date: '2025-10-12', hour: 23.5, timeZone: 'Europe/Berlin', seed: 8 }, // Sunday, late at night
  { date: '2025-11-28', hour: 16, timeZone: 'Asia/Kolkata', seed: 9 }, // Friday the 28th
  { date: '2025-12-31', hour: 22, timeZone: 'America/Sao_Paulo', seed: 10 }, // New Year's Eve
  { date: '2026-01-02', hour: 9.5, timeZone: 'Europe/Berlin', seed: 11 }, // Friday after New Year
  { date: '2026-02-28', hour: 13, timeZone: 'Australia/Sydney', seed: 12 }, // Saturday, last day of February
  { date: '2024-02-29', hour: 15, timeZone: 'UTC', seed: 13 }, // Thursday, a leap day
  { date: '2026-03-16', hour: 3, timeZone: 'Europe/Berlin', seed: 14 }, // Monday, 3 a.m.
  { date: '2026-07-22', hour: 12, timeZone: 'America/Chicago', seed: 15 }, // Wednesday noon
] as const;

type OwnerFigure = { ownerId: string; value: number; onTrack: boolean };
type StaleRow = { idleDays: number; daysPastClose: number; noActivity: boolean };
type Reading = {
  label: string;
  asOf: number;
  /** Last complete month and week: actual ÷ target × 100 per person (a finished period's pace is its attainment). */
  activityLastMonth: OwnerFigure[];
  activityLastWeek: OwnerFigure[];
  quotaLastMonth: OwnerFigure[];
  /** This month, when at least a third of it has passed: pace and status per person. */
  activityThisMonth: OwnerFigure[] | undefined;
  quotaThisMonth: OwnerFigure[] | undefined;
  openDeals: number;
  stale: StaleRow[];
  myStale: StaleRow[];
  /** The signed-in rep today: done calls + emails + meetings, and the day's target for them. */
  today: { done: number; callsAndMeetings: number; target: number };
  weekday: string;
  localHour: number;
  workingDay: boolean;
};

const DEAD = (row: StaleRow) => row.idleDays >= 60 && row.daysPastClose >= 30;

function read(instant: (typeof INSTANTS)[number]): Reading {
  const { date, hour, timeZone, seed } = instant;
  const asOf = (localDateToInstant(date, timeZone) ?? NaN) + hour * HOUR;
  const data = generateDemoData({ seed, asOf, timeZone });
  const calendar: CalendarOptions = { timeZone, weekStartsOn: 1, fiscalYearStartMonth: 1 };
  const compute = (period: Period, kpis: KpiId[], scope: KpiScope = { ownerIds: 'all' }) =>
    computeKpis(data, {
      period,
      asOf,
      scope,
      kpis,
      breakdownByOwner: true,
      calendar,
      currency: { reporting: 'USD', rates: DEMO_EXCHANGE_RATES },
      settings: { demoKeywords: ['demo', 'демо', 'trial'], staleDays: 14 },
    } satisfies KpiQuery);
  const month = periodContaining('month', asOf, calendar);
  const lastMonth = periodContaining('month', month.start - 1, calendar);
  const lastWeek = periodContaining('week', periodContaining('week', asOf, calendar).start - 1, calendar);
  const perOwner = (result: KpiResult | undefined, value: (body: Extract<KpiResult, { status: 'ok' }>) => number | undefined): OwnerFigure[] =>
    (result?.byOwner ?? []).flatMap(({ ownerId, result: body }) => {
      const figure = body.status === 'ok' && body.target ? value(body) : undefined;
      return ownerId !== UNASSIGNED && body.status === 'ok' && figure !== undefined
        ? [{ ownerId, value: figure, onTrack: body.target?.status === 'on-track' }]
        : [];
    });
  const pace = (body: Extract<KpiResult, { status: 'ok' }>) => body.parts.pacePct;

  const last = compute(lastMonth, ['activityCounts', 'quotaAttainment']);
  const week = compute(lastWeek, ['activityCounts']);
  const elapsed = (asOf - month.start) / (month.end - month.start);
  const now = elapsed >= 1 / 3 ? compute(month, ['activityCounts', 'quotaAttainment', 'staleDeals']) : compute(month, ['staleDeals']);
  const staleRows = (result: KpiResult | undefined): StaleRow[] =>
    result?.status === 'ok'
      ? (result.breakdown ?? []).map((row) => ({
          idleDays: row.extra?.idleDays ?? NaN,
          daysPastClose: row.extra?.daysPastClose ?? 0,
          noActivity: row.extra?.noActivity === 1,
        }))
      : [];
  const mine = compute(month, ['staleDeals'], { ownerIds: [data.currentOwnerId] });
  const today = compute(periodContaining('day', asOf, calendar), ['activityCounts'], { ownerIds: [data.currentOwnerId] }).activityCounts;
  const parts = today?.status === 'ok' ? today.parts : {};
  const { weekday, hour: localHour } = local(asOf, timeZone);
  const localDate = local(asOf, timeZone).date;
  const holiday = ['-01-01', '-12-25', '-12-26'].some((day) => localDate.endsWith(day));
  return {
    label: `${date} ${hour}h ${timeZone}`,
    asOf,
    activityLastMonth: perOwner(last.activityCounts, pace),
    activityLastWeek: perOwner(week.activityCounts, pace),
    quotaLastMonth: perOwner(last.quotaAttainment, (body) => body.value),
    activityThisMonth: elapsed >= 1 / 3 ? perOwner(now.activityCounts, pace) : undefined,
    quotaThisMonth: elapsed >= 1 / 3 ? perOwner(now.quotaAttainment, pace) : undefined,
    openDeals: now.staleDeals?.status === 'ok' ? (now.staleDeals.counts?.openDeals ?? 0) : 0,
    stale: staleRows(now.staleDeals),
    myStale: staleRows(mine.staleDeals),
    today: {
      done: (parts.call ?? 0) + (parts.email ?? 0) + (parts.meeting ?? 0),
      callsAndMeetings: (parts.call ?? 0) + (parts.meeting ?? 0),
      target: (parts.callsTarget ?? 0) + (parts.emailsTarget ?? 0) + (parts.meetingsTarget ?? 0),
    },
    weekday,
    localHour,
    workingDay: weekday !== 'Sat' && weekday !== 'Sun' && !holiday,
  };
}

const share = (values: readonly number[], test: (value: number) => boolean) => values.filter(test).length / values.length;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const inBand = (value: number) => value >= 40 && value <= 130;

describe('the demo team, read through lib/kpi at many instants', () => {
  let readings: Reading[] = [];
  beforeAll(() => {
    readings = INSTANTS.map(read);
  }, 240_000);

  it('covers every weekday, night and day, and the first and last days of months', () => {
    expect(new Set(readings.map((r) => r.weekday))).toEqual(new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']));
    expect(readings.some((r) => r.localHour < 6)).toBe(true);
    expect(readings.some((r) => r.localHour >= 22)).toBe(true);
  });

  it('spreads people around their activity targets last month: most within 40–130 %, the middle near 100 %, nobody absurd', () => {
    const values = readings.flatMap((r) => r.activityLastMonth.map((f) => f.value));
    expect(values.length).toBeGreaterThanOrEqual(readings.length * 10);
    expect(share(values, inBand)).toBeGreaterThanOrEqual(0.85);
    expect(median(values)).toBeGreaterThanOrEqual(85);
    expect(median(values)).toBeLessThanOrEqual(115);
    // A busy month can run to twice the target (an account manager whose book just grew); never more than 2.5 times.
    expect(Math.min(...values)).toBeGreaterThan(20);
    expect(Math.max(...values)).toBeLessThan(250);
    // A spread inside every team-month: the busiest person at least 25 points ahead of the quietest.
    for (const r of readings) {
      const own = r.activityLastMonth.map((f) => f.value);
      expect(Math.max(...own) - Math.min(...own), r.label).toBeGreaterThan(25);
    }
  });

  it('keeps last complete week near its targets too (weeks are noisier than months)', () => {
    const values = readings.flatMap((r) => r.activityLastWeek.map((f) => f.value));
    expect(share(values, (v) => v >= 30 && v <= 180)).toBeGreaterThanOrEqual(0.85);
    expect(median(values)).toBeGreaterThanOrEqual(80);
    expect(median(values)).toBeLessThanOrEqual(125);
  });

  it('spreads quota attainment last month: most within 40–130 %, the middle near 90 %', () => {
    const values = readings.flatMap((r) => r.quotaLastMonth.map((f) => f.value));
    expect(values.length).toBeGreaterThanOrEqual(readings.length * 10);
    expect(share(values, inBand)).toBeGreaterThanOrEqual(0.75);
    expect(median(values)).toBeGreaterThanOrEqual(75);
    expect(median(values)).toBeLessThanOrEqual(110);
    expect(share(values, (v) => v < 15)).toBeLessThan(0.05);
    expect(share(values, (v) => v > 200)).toBeLessThan(0.03);
  });

  it('has some people on track and some not, in every team-month, for activities and quota', () => {
    for (const r of readings) {
      for (const figures of [r.activityLastMonth, r.quotaLastMonth]) {
        const on = figures.filter((f) => f.onTrack).length;
        expect(on, r.label).toBeGreaterThanOrEqual(1);
        expect(figures.length - on, r.label).toBeGreaterThanOrEqual(1);
      }
    }
    const all = readings.flatMap((r) => [...r.activityLastMonth, ...r.quotaLastMonth]);
    expect(
      share(
        all.map((f) => (f.onTrack ? 1 : 0)),
        (v) => v === 1,
      ),
    ).toBeGreaterThan(0.3);
    expect(
      share(
        all.map((f) => (f.onTrack ? 1 : 0)),
        (v) => v === 1,
      ),
    ).toBeLessThan(0.7);
  });

  it('has some people on track and some not this month, once a third of it has passed', () => {
    const current = readings.filter((r) => r.activityThisMonth && r.quotaThisMonth);
    expect(current.length).toBeGreaterThanOrEqual(5);
    for (const key of ['activityThisMonth', 'quotaThisMonth'] as const) {
      const figures = current.flatMap((r) => r[key] ?? []);
      const onTrack = share(
        figures.map((f) => (f.onTrack ? 1 : 0)),
        (v) => v === 1,
      );
      expect(onTrack, key).toBeGreaterThan(0.2);
      expect(onTrack, key).toBeLessThan(0.85);
    }
  });

  it('lists deals at risk idle for weeks, none idle for a year', () => {
    const idle = readings.flatMap((r) => r.stale.filter((row) => row.noActivity));
    expect(idle.every((row) => row.idleDays >= 14 && row.idleDays < 365)).toBe(true);
    const atRisk = idle.filter((row) => !DEAD(row)).map((row) => row.idleDays);
    expect(median(atRisk)).toBeGreaterThanOrEqual(14);
    expect(median(atRisk)).toBeLessThanOrEqual(45);
    for (const r of readings) {
      const risky = r.stale.filter((row) => row.noActivity && !DEAD(row)).length;
      expect(risky, r.label).toBeGreaterThanOrEqual(3);
      expect(r.stale.length / r.openDeals, r.label).toBeLessThan(0.3);
    }
  });

  it('has a few dead deals to clean up (idle two months, a month past their close date), one of them the signed-in rep’s', () => {
    for (const r of readings) {
      const dead = r.stale.filter(DEAD).length;
      expect(dead, r.label).toBeGreaterThanOrEqual(1);
      expect(dead / r.openDeals, r.label).toBeLessThan(0.08);
      expect(r.myStale.filter(DEAD).length, r.label).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives the signed-in rep a today that fits the hour: a share of a normal day at work, next to nothing at night or on a day off', () => {
    for (const r of readings) {
      const { done, callsAndMeetings, target } = r.today;
      if (r.workingDay) {
        expect(target, r.label).toBeGreaterThan(0);
        // Nobody does a week's work in a day; by late morning some of the day's is done, by mid-afternoon a good part.
        expect(done, r.label).toBeLessThanOrEqual(2.5 * target);
        if (r.localHour >= 11) expect(done, r.label).toBeGreaterThanOrEqual(0.15 * target);
        if (r.localHour >= 15) expect(done, r.label).toBeGreaterThanOrEqual(0.4 * target);
      } else {
        // A day off has no target (lib/kpi counts working days): an email or two, no calls or meetings to speak of.
        expect(done, r.label).toBeLessThanOrEqual(4);
      }
      if (!r.workingDay || r.localHour < 7) expect(callsAndMeetings, r.label).toBeLessThanOrEqual(2);
    }
  });
});
