import { describe, expect, it } from 'vitest';
import type { BreakdownRow, KpiResults } from '../kpi/types';
import type { Activity, Deal, Stage } from '../model';
import { periodContaining, customPeriod, previousPeriod } from '../period';
import { breakdownCharts } from './chart-breakdowns';
import { activityTrend, computeCharts, funnelRows, previousTrend, trendUnit, wonVsQuota } from './charts';
import { queryBasics } from './query';
import { AS_OF, activities, deals, fixtureData, settingsFor, ZONE } from './test-fixture';

const basics = queryBasics(settingsFor('ann'), ZONE);
const month = periodContaining('month', AS_OF, basics.calendar);

describe('chart data', () => {
  it.each([
    ['2026-11-01', '2026-11-30', 'day'], // 30 days
    ['2026-10-01', '2026-12-31', 'week'], // a quarter
    ['2026-01-01', '2026-12-31', 'month'], // a year
  ] as const)('%s..%s is drawn by %s', (from, to, unit) => {
    expect(trendUnit(customPeriod(from, to, basics.calendar))).toBe(unit);
  });

  it("counts each rep's done calls, emails and meetings per day, up to today", () => {
    const ann = activityTrend(fixtureData(), new Set(['ann']), month, AS_OF, basics.calendar);
    expect(ann.unit).toBe('day');
    expect(ann.buckets).toHaveLength(18); // 1–18 November
    expect(ann.buckets[15]).toMatchObject({ label: '2026-11-16', call: 2, email: 0, meeting: 0 });
    expect(ann.buckets[16]).toMatchObject({ label: '2026-11-17', call: 0, email: 1, meeting: 0 });
    const everyone = activityTrend(fixtureData(), 'all', month, AS_OF, basics.calendar);
    expect(everyone.buckets[15]).toMatchObject({ call: 2, meeting: 1 }); // Bob's meeting joins
  });

  it('shows won revenue against quota for the six months up to a short period', () => {
    const bars = wonVsQuota(fixtureData(), { ...basics, asOf: AS_OF, scope: { ownerIds: ['ann'] } }, month);
    expect(bars.map((bar) => bar.label)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(bars[5]).toMatchObject({ won: 400_000, quota: 800_000 }); // 3,000 + 1,000 won; 8,000 quota
    expect(bars[4]).toMatchObject({ won: 0, quota: null }); // no quota in October
  });
});

const row = (key: string, value: number, count = 1): BreakdownRow => ({ key, label: key.toUpperCase(), value, count });
const stage = (id: string, pipelineId: string, order: number): Stage => ({
  source: 'crm',
  externalId: id,
  updatedAt: 0,
  pipelineId,
  name: id,
  order,
  probability: 50,
});

describe('the funnel', () => {
  it('orders stages as the pipeline does, never by value; stages without a record follow as they came', () => {
    const data = {
      pipelines: [
        { source: 'crm', externalId: 'p2', updatedAt: 0, name: 'Renewals', order: 2 },
        { source: 'crm', externalId: 'p1', updatedAt: 0, name: 'New', order: 1 },
      ],
      stages: [stage('proposal', 'p1', 3), stage('lead', 'p1', 1), stage('renew', 'p2', 1), stage('demo', 'p1', 2)],
    };
    // Given largest first (as a ranking by value would have it): proposal 9, renew 8, lead 5, (no stage) 4, demo 2, Engaging 1.
    const rows = [row('proposal', 9), row('renew', 8), row('lead', 5), row('(no stage)', 4), row('demo', 2), row('Engaging', 1)];
    expect(funnelRows(rows, data).map((r) => r.key)).toEqual(['lead', 'demo', 'proposal', 'renew', '(no stage)', 'Engaging']);
  });

  it('counts deals when no open deal has an amount (a file of open deals without values)', () => {
    const catalogue = { pipelineValue: { status: 'ok', breakdown: [row('Prospecting', 0, 500), row('Engaging', 0, 1589)] } } as unknown as KpiResults;
    const charts = breakdownCharts(fixtureData(), { ...basics, asOf: AS_OF, scope: { ownerIds: 'all' } }, null, catalogue);
    expect(charts.funnelMeasure).toBe('count');
    expect(charts.funnel.map((r) => [r.key, r.count])).toEqual([
      ['Prospecting', 500],
      ['Engaging', 1589],
    ]);
    const priced = breakdownCharts(fixtureData(), { ...basics, asOf: AS_OF, scope: { ownerIds: 'all' } }, null, {
      pipelineValue: { status: 'ok', breakdown: [row('a', 0, 1), row('b', 100, 1)] },
    } as unknown as KpiResults);
    expect(priced.funnelMeasure).toBe('amount');
  });
});

describe('the previous period over the charts', () => {
  const october = (id: string, day: number, type: Activity['type'] = 'call', ownerId = 'ann'): Activity => ({
    source: 'crm',
    externalId: id,
    updatedAt: 0,
    ownerId,
    type,
    occurredAt: Date.UTC(2026, 9, day, 10),
    done: true,
  });
  const data = fixtureData({
    activities: [
      ...activities,
      october('o1', 1),
      october('o2', 1, 'email'),
      october('o3', 3, 'meeting'),
      october('o4', 3, 'call', 'bob'),
      october('o5', 25),
      { ...october('o6', 2), done: false },
    ],
    deals: [
      ...deals,
      { ...(deals[0] as Deal), externalId: 'o-won', region: 'EMEA', closedAt: Date.UTC(2026, 9, 20), amount: { minor: 250_000, currency: 'USD' } },
    ],
  });
  const previous = previousPeriod(month, basics.calendar);

  it('counts the comparison period bucket by bucket, first against first, as many buckets as the period shows', () => {
    // October 1: a call and an email (2); October 2: a planned call only (0); October 3: a meeting (Bob's call is not Ann's).
    expect(previousTrend(data, new Set(['ann']), previous, 'day', 3, basics.calendar)).toEqual([2, 0, 1]);
    // Everyone: Bob's call on the 3rd joins; only 18 buckets (November 1–18) are asked, so the 25th is not there.
    const all = previousTrend(data, 'all', previous, 'day', 18, basics.calendar);
    expect(all).toHaveLength(18);
    expect(all.slice(0, 3)).toEqual([2, 0, 2]);
    expect(all.reduce((sum, n) => sum + n, 0)).toBe(4);
  });

  it("puts the comparison on the trend and on each group of a breakdown, from the view's own comparison span", async () => {
    const query = { ...basics, asOf: AS_OF, scope: { ownerIds: ['ann'] } };
    const catalogue = { salesByRegion: { status: 'ok', breakdown: [row('EMEA', 300_000, 1), row('APAC', 100_000, 1)] } } as unknown as KpiResults;
    // A like-for-like span (October 1–18), as a view may compare a month in progress: it is used as given.
    const span = customPeriod('2026-10-01', '2026-10-18', basics.calendar);
    const charts = await computeCharts(data, query, month, span, new Set(['ann']), catalogue);
    expect(charts.compare).toEqual({ start: span.start, end: span.end });
    expect(charts.activity.buckets.slice(0, 3).map((bucket) => bucket.previous)).toEqual([2, 0, 1]);
    // Ann won 2,500 in EMEA on October 20: outside the October 1–18 span, so EMEA had nothing then.
    expect(charts.regions.map((r) => [r.key, r.previous])).toEqual([
      ['EMEA', 0],
      ['APAC', 0],
    ]);
    const whole = await computeCharts(data, query, month, previous, new Set(['ann']), catalogue);
    expect(whole.regions.map((r) => [r.key, r.previous])).toEqual([
      ['EMEA', 250_000],
      ['APAC', 0],
    ]);
    // No comparison chosen: nothing drawn over the charts.
    const none = await computeCharts(data, query, month, null, new Set(['ann']), catalogue);
    expect(none.compare).toBeNull();
    expect(none.activity.buckets.every((bucket) => bucket.previous === undefined)).toBe(true);
    expect(none.regions.every((r) => r.previous === undefined)).toBe(true);
  });
});
