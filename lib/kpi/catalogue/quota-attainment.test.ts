import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../../period/parse';
import { CAL, at, kpi, money, okOf, owner, quota, wonDeal } from '../test-fixtures';

describe('quotaAttainment', () => {
  // Friday 16 June: 15 of June's 30 days passed; counting today, 12 of its 22 working days (1–2, 5–9, 12–16 June) are done.
  const asOf = at('2017-06-16');
  const sales = [wonDeal(1000, '2017-06-01'), wonDeal(3000, '2017-06-12'), wonDeal(5000, '2017-07-01'), wonDeal(700, '2017-06-05', { ownerId: 'bob' })];
  const quotas = [
    quota(10_000, '2017-06-01', '2017-07-01'),
    quota(24_000, '2017-04-01', '2017-07-01', { periodKind: 'quarter' }), // an alternative to the June quota, not an addition
    quota(8_000, '2017-06-01', '2017-07-01', { ownerId: 'bob' }),
    quota(50_000, '2017-06-01', '2017-07-01', { ownerId: undefined, teamId: 'east' }),
  ];
  const alice = { ownerIds: ['alice'] };

  it('divides sales by the quota, with pace and projection', () => {
    const r = okOf(kpi('quotaAttainment', { deals: sales, quotas }, { asOf, scope: alice }));
    expect(r.value).toBe(40); // 4,000 of 10,000 (the July deal is out)
    expect(r.parts).toMatchObject({
      sales: 400_000,
      quota: 1_000_000,
      remaining: 600_000,
      elapsedPct: 50, // half the month's time passed
      expectedPct: (12 / 22) * 100, // 54.5 %: where the rep should be counts working days only
      workingDays: 22,
      workingDaysElapsed: 12,
      pacePct: (40 / ((12 / 22) * 100)) * 100, // 40 % ÷ 54.5 % = 73.3 %
      projected: 733_333, // 4,000 ÷ 12 × 22 = 7,333.33
    });
    expect(r.parts.projectedPct).toBeCloseTo(((4000 / 12) * 22) / 100, 9); // 73.3 % of 10,000
    expect(r.target).toEqual({ value: 1_000_000, status: 'off-track' }); // 73.3 % of pace: below 80 %
  });

  it('counts a quota pro rata by days over a shorter period', () => {
    const week = parsePeriodSpec('2017-W23', CAL); // 5–11 June
    const r = okOf(kpi('quotaAttainment', { deals: sales, quotas }, { period: week, asOf: week.end, scope: alice }));
    expect(r.parts.quota).toBe(233_333); // 10,000 × 7 ÷ 30 = 2,333.33
    expect(r.value).toBe(0); // alice won nothing 5–11 June
  });

  it('uses the quarter quota for the quarter (it covers more days than the June one)', () => {
    const q2 = parsePeriodSpec('2017-Q2', CAL);
    const r = okOf(kpi('quotaAttainment', { deals: sales, quotas }, { period: q2, asOf: q2.end, scope: alice }));
    expect(r.parts.quota).toBe(2_400_000);
    expect(r.value).toBeCloseTo((4000 / 24_000) * 100, 12);
  });

  it('uses the team quota in a team view, else the sum of the reps', () => {
    const team = okOf(kpi('quotaAttainment', { deals: sales, quotas }, { asOf, scope: { ownerIds: ['alice', 'bob'], teamId: 'east' } }));
    expect([team.parts.quota, team.method]).toEqual([5_000_000, 'team-quota']);
    expect(team.value).toBeCloseTo((4700 / 50_000) * 100, 12);
    const reps = okOf(kpi('quotaAttainment', { deals: sales, quotas }, { asOf, scope: { ownerIds: ['alice', 'bob'] } }));
    expect([reps.parts.quota, reps.method]).toEqual([1_800_000, 'sum-of-rep-quotas']); // 10,000 + 8,000
  });

  it('needs a quota covering the period', () => {
    expect(kpi('quotaAttainment', { deals: sales })).toMatchObject({ status: 'needs-data', missing: ['quotas'] });
    expect(kpi('quotaAttainment', { deals: sales, quotas: [quota(1, '2016-01-01', '2016-02-01')] })).toMatchObject({ message: 'No quota covers 2017-06.' });
  });

  it('is not defined when the quota cannot be converted (zero denominator)', () => {
    const gbp = quota(1, '2017-06-01', '2017-07-01', { amount: money(9000, 'GBP') });
    expect(kpi('quotaAttainment', { deals: sales, quotas: [gbp] }, { scope: alice })).toMatchObject({
      status: 'not-defined',
      reason: 'the quota could not be put in the reporting currency',
    });
  });

  it('is off track below 80 % of pace and on track at or above it', () => {
    const r = (extra: number) =>
      okOf(kpi('quotaAttainment', { deals: [...sales, wonDeal(extra, '2017-06-13')], quotas }, { asOf, scope: alice })).target?.status;
    expect(r(1000)).toBe('at-risk'); // 5,000 of the 5,454.55 expected (10,000 × 12 ÷ 22) = 91.7 %
    expect(r(1500)).toBe('on-track'); // 5,500 ≥ 5,454.55
    expect(kpi('quotaAttainment', { deals: sales.slice(0, 1), quotas, owners: [owner('alice', 'A')] }, { asOf, scope: alice })).toMatchObject({
      target: { status: 'off-track' }, // 1,000 ÷ 5,454.55 expected = 18.3 %
    });
  });
});
