import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import type { ClvMethod } from './clv-types';
import { UNASSIGNED } from './engine/scope';
import {
  ANY_SAMPLE,
  JUNE,
  MAY,
  activity,
  at,
  customer,
  dataOf,
  deal,
  kpi,
  lead,
  lostDeal,
  mrrMove,
  okOf,
  owner,
  queryOf,
  team,
  usd,
  wonDeal,
} from './test-fixtures';
import { KPI_IDS } from './registry';

const owners = [owner('alice', 'Alice', { teamId: 'east' }), owner('bob', 'Bob', { teamId: 'east' }), owner('carol', 'Carol', { teamId: 'west' })];
const calls = (ownerId: string, month: string, n: number) =>
  Array.from({ length: n }, (_, i) => activity({ ownerId, occurredAt: at(`2017-${month}-${String(i + 1).padStart(2, '0')}T10:00`) }));

describe('computeKpis', () => {
  it('computes the whole catalogue when no KPI is named', () => {
    const results = computeKpis(dataOf({}), queryOf());
    expect(Object.keys(results).sort()).toEqual([...KPI_IDS].sort());
  });

  it('compares with the previous period: value and relative change', () => {
    const activities = [...calls('alice', '06', 3), ...calls('alice', '05', 2)];
    const r = okOf(kpi('activityCounts', { activities }));
    expect(r.previous).toEqual({ value: 2, change: 50, unit: '%' }); // (3 − 2) ÷ 2
    expect(r.period).toEqual({ start: JUNE.start, end: JUNE.end, label: '2017-06' });
    expect(r.comparison).toEqual({ start: MAY.start, end: MAY.end, label: '2017-05' }); // June is over: all of May
    expect(r.partial).toBeUndefined();
  });

  it('gives no relative change from 0, no comparison when asked for none', () => {
    expect(okOf(kpi('activityCounts', { activities: calls('alice', '06', 3) })).previous).toEqual({ value: 0, change: null, unit: '%' });
    const none = okOf(kpi('activityCounts', { activities: calls('alice', '06', 3) }, { comparePeriod: null }));
    expect([none.previous, none.comparison]).toEqual([undefined, undefined]);
  });

  it('compares the pipeline with the pipeline at the end of the compare period', () => {
    // Open at the end of May: o1 (created 10 May) and w (created 10 May, won 5 June). At the end of June: o1, o2.
    const deals = [
      deal({ externalId: 'o1', amount: usd(5), createdAt: at('2017-05-10') }),
      deal({ externalId: 'o2', amount: usd(7), createdAt: at('2017-06-10') }),
      wonDeal(20, '2017-06-05', { externalId: 'w', createdAt: at('2017-05-10') }),
    ];
    const r = okOf(kpi('pipelineValue', { deals }));
    expect(r.value).toBe(1_200); // 5 + 7
    expect(r.previous).toEqual({ value: 2_500, change: -52, unit: '%' }); // 5 + 20; (12 − 25) ÷ 25
  });

  it('gives a change of percentages in percentage points', () => {
    // June: 1 won of 3 closed = 33.3 %; May: 1 won of 4 = 25 % → +8.3 pp (not +33 %).
    const deals = [
      wonDeal(1, '2017-06-05'),
      lostDeal('2017-06-06'),
      lostDeal('2017-06-07'),
      wonDeal(1, '2017-05-05'),
      lostDeal('2017-05-06'),
      lostDeal('2017-05-07'),
      lostDeal('2017-05-08'),
    ];
    const r = okOf(kpi('winRate', { deals }));
    expect(r.previous?.unit).toBe('pp');
    expect(r.previous?.change).toBeCloseTo(100 / 3 - 25, 12);
  });

  it('gives the previous value as null when the previous period is not defined', () => {
    const r = okOf(kpi('winRate', { deals: [wonDeal(1, '2017-06-05')] }));
    expect(r.previous).toEqual({ value: null, change: null, unit: 'pp' }); // nothing closed in May
  });

  it('uses an explicit compare period', () => {
    const activities = [...calls('alice', '06', 3), ...calls('alice', '04', 6)];
    const april = { ...MAY, start: at('2017-04-01'), end: MAY.start, label: '2017-04' };
    expect(okOf(kpi('activityCounts', { activities }, { comparePeriod: april })).previous).toEqual({ value: 6, change: -50, unit: '%' });
  });

  it('breaks results down by owner, owners in name order, unassigned records last', () => {
    const mrrMovements = [
      mrrMove('new', 100, '2017-06-02', { ownerId: 'bob' }),
      mrrMove('new', 40, '2017-06-03', { ownerId: 'alice' }),
      mrrMove('new', 7, '2017-06-04', { customerId: 'orphan' }), // no owner, no owned customer
    ];
    const r = okOf(kpi('mrr', { owners, mrrMovements }, { breakdownByOwner: true }));
    expect(r.byOwner?.map((o) => [o.ownerId, o.ownerName, o.result.status === 'ok' ? o.result.value : null])).toEqual([
      ['alice', 'Alice', 4_000],
      ['bob', 'Bob', 10_000],
      ['carol', 'Carol', 0],
      [UNASSIGNED, 'Unassigned', 700],
    ]);
    expect(r.value).toBe(14_700); // 4,000 + 10,000 + 0 + 700: the owners add up to the total
  });

  it('takes a customer owner for MRR movements without one', () => {
    const r = okOf(
      kpi(
        'mrr',
        { owners, customers: [customer({ externalId: 'c9', ownerId: 'carol' })], mrrMovements: [mrrMove('new', 5, '2017-06-02', { customerId: 'c9' })] },
        { breakdownByOwner: true, scope: { ownerIds: ['carol'] } },
      ),
    );
    expect(r.value).toBe(500);
    expect(r.byOwner?.map((o) => o.ownerId)).toEqual(['carol']);
  });

  it('keeps other reps and unowned records out of a rep or team view', () => {
    const activities = [...calls('alice', '06', 3), ...calls('bob', '06', 2), ...calls('carol', '06', 4)];
    expect(okOf(kpi('activityCounts', { owners, activities }, { scope: { ownerIds: ['alice'] } })).value).toBe(3);
    expect(okOf(kpi('activityCounts', { owners, activities }, { scope: { ownerIds: 'all', teamId: 'east' } })).value).toBe(5);
    const leads = [lead({ ownerId: 'alice' }), lead({ ownerId: undefined })];
    expect(okOf(kpi('leadConversionRate', { leads }, { scope: { ownerIds: ['alice'] } })).denominator).toBe(1);
    expect(okOf(kpi('leadConversionRate', { leads, teams: [team('east', 'East')] })).denominator).toBe(2);
  });

  it('turns a non-finite number into "not defined" naming it (the last line of defence)', () => {
    const sloppy: ClvMethod = { id: 'sloppy', name: { en: 's', ru: 's' }, estimate: () => ({ ok: true, value: 1, counts: { customers: Number.NaN } }) };
    const r = kpi(
      'clv',
      { deals: [wonDeal(1, '2017-06-02', { customerId: 'c' })] },
      { settings: { demoKeywords: [], staleDays: 14, clvMethod: 'sloppy', minSample: ANY_SAMPLE } },
      { clvMethods: [sloppy] },
    );
    expect(r).toMatchObject({ status: 'not-defined', reason: 'internal error: counts.customers is not a finite number' });
  });

  it('rejects a malformed query with a clear message', () => {
    expect(() => computeKpis(dataOf({}), queryOf({ kpis: ['nope' as never] }))).toThrow('Unknown KPI id: nope');
    expect(() => computeKpis(dataOf({}), queryOf({ period: { ...JUNE, end: JUNE.start } }))).toThrow(/period 2017-06 is empty/);
    expect(() => computeKpis(dataOf({}), queryOf({ asOf: Number.NaN }))).toThrow(/asOf/);
    expect(() => computeKpis(dataOf({}), queryOf({ calendar: { timeZone: 'Nowhere/City', weekStartsOn: 1, fiscalYearStartMonth: 1 } }))).toThrow(
      /Unknown time zone/,
    );
  });

  it('computes each KPI only once when it is named twice', () => {
    const results = computeKpis(dataOf({}), queryOf({ kpis: ['winRate', 'winRate'] }));
    expect(Object.keys(results)).toEqual(['winRate']);
  });
});
