/**
 * Like-for-like comparisons (spec: "Like for like"): a period in progress is compared with the same
 * elapsed span of the compare period, and the result says so. The arithmetic is beside each value.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../period/parse';
import { computeKpis } from './compute';
import { CAL, activity, at, dataOf, kpi, lostDeal, okOf, queryOf, quota, wonDeal } from './test-fixtures';

const DEC = parsePeriodSpec('2017-12', CAL);
const NOV = parsePeriodSpec('2017-11', CAL);
const DEC_6 = at('2017-12-06T14:00');

/** n wins of `major` on each of the given days of a month. */
const wins = (month: string, days: number[], major = 100) => days.map((d) => wonDeal(major, `${month}-${String(d).padStart(2, '0')}`));

describe('like for like', () => {
  it('compares 1–6 Dec with 1–6 Nov, not with the whole of November', () => {
    // November: a win on each of the 30 days; December so far: one on each of the 6 days.
    const deals = [
      ...wins(
        '2017-11',
        Array.from({ length: 30 }, (_, i) => i + 1),
      ),
      ...wins('2017-12', [1, 2, 3, 4, 5, 6]),
    ];
    const results = computeKpis(dataOf({ deals }), queryOf({ period: DEC, asOf: DEC_6, kpis: ['salesGrowth', 'opportunitiesCreated'] }));
    const growth = okOf(results.salesGrowth!);
    // 1–6 Dec 14:00: USD 600; 1–6 Nov 14:00: USD 600 → 0 %, not (600 − 3,000) ÷ 3,000 = −80 %
    expect([growth.parts.current, growth.parts.previous, growth.value]).toEqual([60_000, 60_000, 0]);
    expect(growth.partial).toBe(true);
    expect(growth.comparison).toEqual({ start: NOV.start, end: at('2017-11-06T14:00') + 1, label: '2017-11' });
    // Every KPI compared is compared over the same span: deals created too (a count, so in per cent).
    const created = okOf(results.opportunitiesCreated!);
    expect(created.previous?.unit).toBe('%');
    expect(created.comparison?.end).toBe(at('2017-11-06T14:00') + 1);
  });

  it('compares quota attainment at the same point of the previous month', () => {
    const deals = [...wins('2017-11', [2, 3, 20, 25], 250), ...wins('2017-12', [4], 250)];
    const quotas = [quota(1000, '2017-11-01', '2017-12-01'), quota(1000, '2017-12-01', '2018-01-01')];
    const r = okOf(kpi('quotaAttainment', { deals, quotas }, { period: DEC, asOf: DEC_6 }));
    // December so far: 250 of 1,000 = 25 %; November by the 6th: 500 of 1,000 = 50 % (not 100 % for the whole month)
    expect(r.value).toBe(25);
    expect(r.previous).toMatchObject({ value: 50, change: -25, unit: 'pp' }); // 25 − 50 percentage points
  });

  it('compares the same days a year earlier when the compare period is last year', () => {
    const deals = [...wins('2016-12', [1, 2, 3, 30]), ...wins('2017-12', [1, 2, 3, 4])];
    const r = okOf(kpi('salesGrowth', { deals }, { period: DEC, asOf: DEC_6, comparePeriod: parsePeriodSpec('2016-12', CAL) }));
    // 1–6 Dec 2017: 400; 1–6 Dec 2016: 300 → (400 − 300) ÷ 300 = +33.3 %
    expect(r.value).toBeCloseTo(((400 - 300) / 300) * 100, 12);
    expect(r.comparison).toEqual({ start: at('2016-12-01'), end: at('2016-12-06T14:00') + 1, label: '2016-12' });
  });

  it('gives the change of a rate in percentage points: 31.8 % → 33.3 % is +1.5 pp, not +4.8 %', () => {
    // November 1–6: 7 won of 22 closed = 31.8 %; December 1–6: 2 won of 6 = 33.3 %
    const nov = [...wins('2017-11', [1, 1, 2, 2, 3, 3, 4]), ...Array.from({ length: 15 }, (_, i) => lostDeal(`2017-11-0${(i % 5) + 1}`))];
    const dec = [...wins('2017-12', [1, 2]), ...[1, 2, 3, 4].map((d) => lostDeal(`2017-12-0${d}`))];
    const r = okOf(kpi('winRate', { deals: [...nov, ...dec] }, { period: DEC, asOf: DEC_6 }));
    expect(r.value).toBeCloseTo((2 / 6) * 100, 12);
    expect(r.previous?.value).toBeCloseTo((7 / 22) * 100, 12);
    expect(r.previous?.unit).toBe('pp');
    expect(r.previous?.change).toBeCloseTo((2 / 6 - 7 / 22) * 100, 12); // +1.5 pp
  });

  it('gives the change of counts and amounts in per cent', () => {
    const activities = [
      ...[1, 2, 3].map((d) => activity({ occurredAt: at(`2017-12-0${d}`) })),
      ...[1, 2, 20].map((d) => activity({ occurredAt: at(`2017-11-${String(d).padStart(2, '0')}`) })),
    ];
    const r = okOf(kpi('activityCounts', { activities }, { period: DEC, asOf: DEC_6 }));
    // 3 in 1–6 Dec against 2 in 1–6 Nov (the call of 20 Nov is after the corresponding instant): +50 %
    expect(r.previous).toEqual({ value: 2, change: 50, unit: '%' });
  });

  it('marks nothing partial once the period is over', () => {
    const r = okOf(kpi('salesGrowth', { deals: [...wins('2017-11', [1, 20]), ...wins('2017-12', [1])] }, { period: DEC, asOf: at('2018-01-10') }));
    expect(r.partial).toBeUndefined();
    expect(r.value).toBe(-50); // all of December 100 against all of November 200
    expect(r.comparison).toEqual({ start: NOV.start, end: NOV.end, label: '2017-11' });
  });
});
