/**
 * Sample sizes (spec: "Sample size"): every rate and average carries its n; below the minimum of its
 * kind (shared/sample.ts, settable) the result is low-sample, with the value kept.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { DEFAULT_MIN_SAMPLE } from './shared/sample';
import { at, customer, dataOf, deal, lead, lostDeal, queryOf, quota, usd, wonDeal } from './test-fixtures';
import type { KpiId, KpiQuery, KpiResult } from './types';

/** Results under the default minimums (the fixtures' queryOf sets them to 1 for arithmetic tests). */
const withDefaults = (over: Partial<KpiQuery['settings']> = {}) => ({ settings: { demoKeywords: [], staleDays: 14, ...over } });
const closed = (won: number, lost: number) => [
  ...Array.from({ length: won }, (_, i) => wonDeal(100 + i, `2017-06-${String((i % 28) + 1).padStart(2, '0')}`)),
  ...Array.from({ length: lost }, (_, i) => lostDeal(`2017-06-${String((i % 28) + 1).padStart(2, '0')}`)),
];
const run = (ids: KpiId[], data: Parameters<typeof dataOf>[0], over: Partial<KpiQuery> = {}) =>
  computeKpis(dataOf(data), queryOf({ kpis: ids, ...withDefaults(), ...over }));
const statusAndSample = (r: KpiResult | undefined) => [r?.status, r && 'sample' in r ? r.sample : undefined];

describe('sample size', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_MIN_SAMPLE).toEqual({ closedDeals: 10, wonDeals: 5, leads: 20, customers: 10, emails: 20 });
  });

  it.each([
    // won, lost → win rate status (n = won + lost against 10), deal size status (n = won against 5)
    [2, 1, 'low-sample', 3, 'low-sample', 2],
    [4, 5, 'low-sample', 9, 'low-sample', 4],
    [5, 5, 'ok', 10, 'ok', 5],
    [20, 10, 'ok', 30, 'ok', 20],
  ] as const)('%i won and %i lost: win rate %s (n = %i), average deal size %s (n = %i)', (won, lost, rateStatus, rateN, sizeStatus, sizeN) => {
    const results = run(['winRate', 'avgPurchaseValue', 'avgSalesCycle'], { deals: closed(won, lost) });
    expect(statusAndSample(results.winRate)).toEqual([rateStatus, { n: rateN, min: 10, unit: 'closedDeals' }]);
    expect(statusAndSample(results.avgPurchaseValue)).toEqual([sizeStatus, { n: sizeN, min: 5, unit: 'wonDeals' }]);
    expect(statusAndSample(results.avgSalesCycle)).toEqual([sizeStatus, { n: sizeN, min: 5, unit: 'wonDeals' }]);
  });

  it('keeps the value of a low-sample result', () => {
    const r = run(['winRate'], { deals: closed(2, 1) }).winRate;
    expect(r).toMatchObject({ status: 'low-sample', value: (2 / 3) * 100, numerator: 2, denominator: 3 });
  });

  it('takes the minimums from the settings', () => {
    const r = run(['winRate'], { deals: closed(2, 1) }, withDefaults({ minSample: { closedDeals: 3 } })).winRate;
    expect(statusAndSample(r)).toEqual(['ok', { n: 3, min: 3, unit: 'closedDeals' }]); // 3 closed ≥ 3
  });

  it('gives a projection on one deal as low-sample while the period is in progress, not once it is over', () => {
    const data = { deals: [wonDeal(57_000, '2017-06-05')], quotas: [quota(100_000, '2017-06-01', '2017-07-01')] };
    const midJune = run(['quotaAttainment'], data, { asOf: at('2017-06-08T12:00') }).quotaAttainment;
    // 57,000 by the end of Thursday 8 June (6 of June's 22 working days: 1–2, 5–8) projects 57,000 × 22 ÷ 6 = 209,000 = 209 %: on one deal, a hint only
    expect(midJune).toMatchObject({ status: 'low-sample', sample: { n: 1, min: 5, unit: 'wonDeals' } });
    expect(midJune && 'value' in midJune ? midJune.value : undefined).toBeCloseTo(57, 9); // 57,000 ÷ 100,000
    expect(midJune && 'parts' in midJune ? midJune.parts.projectedPct : undefined).toBeCloseTo((57 * 22) / 6, 9);
    expect(run(['quotaAttainment'], data).quotaAttainment?.status).toBe('ok'); // June over: 57 % is a fact
  });

  it('says when the previous value rests on a small sample', () => {
    const may = [wonDeal(10, '2017-05-05'), lostDeal('2017-05-06')];
    const r = run(['winRate'], { deals: [...closed(6, 6), ...may] }).winRate;
    expect(r).toMatchObject({ status: 'ok', previous: { value: 50, change: 0, unit: 'pp', lowSample: true } }); // 1 of 2 in May
  });

  it.each([
    ['leadConversionRate', { leads: Array.from({ length: 5 }, () => lead({ createdAt: at('2017-06-03') })) }, { n: 5, min: 20, unit: 'leads' }],
    [
      'churn',
      { customers: [customer({ acquiredAt: at('2016-01-01'), churnedAt: at('2017-06-10') }), customer({ acquiredAt: at('2016-01-01') })] },
      { n: 2, min: 10, unit: 'customers' },
    ],
  ] as const)('%s carries its n', (id, data, sample) => {
    expect(statusAndSample(run([id], data)[id])).toEqual(['low-sample', sample]);
  });

  it('gives sales velocity the weaker of its samples', () => {
    // 12 closed (≥ 10) but 3 won (< 5): low-sample on won deals
    const r = run(['salesVelocity'], { deals: [...closed(3, 9), deal({ amount: usd(5) })] }).salesVelocity;
    expect(statusAndSample(r)).toEqual(['low-sample', { n: 3, min: 5, unit: 'wonDeals' }]);
  });
});
