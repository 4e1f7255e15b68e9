import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../period/parse';
import { CAL, JUNE, at, deal, kpi, lostDeal, money, okOf, owner, product, quota, usd, wonDeal } from './test-fixtures';

describe('salesGrowth', () => {
  const deals = [
    wonDeal(1000, '2017-06-01'), // at the start of June: in
    wonDeal(0, '2017-06-02', { amount: money(500, 'EUR') }), // EUR 500 × 1.1 = USD 550
    wonDeal(0, '2017-06-03', { amount: money(500, 'GBP') }), // no rate: left out
    wonDeal(9999, '2017-07-01'), // at the end: out
    wonDeal(1000, '2017-05-10'),
    wonDeal(200, '2017-05-31T23:59'),
  ];

  it('compares sales with the previous period', () => {
    const r = okOf(kpi('salesGrowth', { deals }));
    expect(r.value).toBeCloseTo(((1550 - 1200) / 1200) * 100, 12); // June 1,550 vs May 1,200 → +29.17 %
    expect([r.numerator, r.denominator]).toEqual([35_000, 120_000]);
    expect(r.parts).toEqual({ current: 155_000, previous: 120_000 });
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('compares with the compare period when one is given', () => {
    const lastJune = parsePeriodSpec('2016-06', CAL);
    const r = okOf(kpi('salesGrowth', { deals: [...deals, wonDeal(3100, '2016-06-15')] }, { comparePeriod: lastJune }));
    expect(r.value).toBe(-50); // (1,550 − 3,100) ÷ 3,100
  });

  it('needs deals, and is not defined without previous sales (zero denominator)', () => {
    expect(kpi('salesGrowth', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesGrowth', { deals: deals.slice(0, 2) })).toMatchObject({ status: 'not-defined', reason: 'no sales in the compare period 2017-05' });
  });
});

describe('quotaAttainment', () => {
  const asOf = at('2017-06-16'); // 15 of June's 30 days passed
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
      expectedPct: 50, // half the month passed
      pacePct: 80, // 40 % ÷ 50 %
      projected: 800_000, // 4,000 ÷ 0.5
      projectedPct: 80,
    });
    expect(r.target).toEqual({ value: 1_000_000, status: 'at-risk' }); // 80 % of pace: at risk, not off track
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
    const r = (extra: number) => okOf(kpi('quotaAttainment', { deals: [...sales, wonDeal(extra, '2017-06-13')], quotas }, { asOf, scope: alice })).target?.status;
    expect(r(1000)).toBe('on-track'); // 5,000 = the 50 % expected
    expect(kpi('quotaAttainment', { deals: sales.slice(0, 1), quotas, owners: [owner('alice', 'A')] }, { asOf, scope: alice })).toMatchObject({
      target: { status: 'off-track' }, // 1,000 ÷ 5,000 expected = 20 %
    });
  });
});

describe('avgPurchaseValue', () => {
  const deals = [wonDeal(100, '2017-06-01'), wonDeal(300, '2017-06-10'), wonDeal(0, '2017-06-11', { amount: money(100, 'EUR') }), wonDeal(0, '2017-06-12', { amount: money(1, 'GBP') }), wonDeal(999, '2017-07-01'), lostDeal('2017-06-03')];

  it('divides the won amount by the won deals', () => {
    const r = okOf(kpi('avgPurchaseValue', { deals }));
    expect(r.value).toBe(17_000); // (100 + 300 + 110) ÷ 3 = USD 170
    expect(r.parts.median).toBe(11_000); // 100, 110, 300
    expect([r.numerator, r.denominator]).toEqual([51_000, 3]);
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('says how many won deals no period can claim for lack of a close date', () => {
    const undated = deal({ status: 'won', amount: usd(400), createdAt: at('2017-06-02') });
    const r = okOf(kpi('avgPurchaseValue', { deals: [...deals, undated] }));
    expect(r.value).toBe(17_000); // unchanged: the undated sale is in no period
    expect(r.excluded).toEqual([
      { count: 1, reason: 'no exchange rate for GBP' },
      { count: 1, reason: 'won with no close date' },
    ]);
  });

  it('needs deals, and is not defined with no usable won deal', () => {
    expect(kpi('avgPurchaseValue', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('avgPurchaseValue', { deals: [lostDeal('2017-06-03')] })).toMatchObject({ status: 'not-defined', reason: 'no deals won in the period' });
    expect(kpi('avgPurchaseValue', { deals: [deals[3]!] })).toMatchObject({
      status: 'not-defined',
      reason: 'no won deal in the period has a usable amount (1 no exchange rate for GBP)',
    });
  });
});

describe('avgProfitMargin', () => {
  const products = [product('P1', 'Widget', { unitCost: usd(30) })];
  const line = (qty: number, price: number, over = {}) => ({ name: 'X', quantity: qty, unitPrice: usd(price), ...over });
  const deals = [
    wonDeal(100, '2017-06-01', { directCost: usd(40) }), // margin 60 %
    wonDeal(200, '2017-06-05', { lineItems: [line(2, 100, { productId: 'P1' })] }), // cost 2 × 30 = 60: margin 70 %
    wonDeal(300, '2017-06-06', { lineItems: [line(1, 300)] }), // no cost known
    wonDeal(100, '2017-07-01', { directCost: usd(99) }), // at the end: out
  ];

  it('is (revenue − costs) ÷ revenue over won deals with costs', () => {
    const r = okOf(kpi('avgProfitMargin', { deals, products }));
    expect(r.value).toBeCloseTo((200 / 300) * 100, 12); // (300 − 100) ÷ 300
    expect(r.parts).toEqual({ revenue: 30_000, costs: 10_000, profit: 20_000, meanOfDealsPct: 65 }); // (60 + 70) ÷ 2
    expect(r.excluded).toEqual([{ count: 1, reason: 'no costs' }]);
  });

  it('assumes the default margin for deals without costs when one is set', () => {
    const settings = { demoKeywords: [], staleDays: 14, defaultMarginPct: 50 };
    const r = okOf(kpi('avgProfitMargin', { deals, products }, { settings }));
    expect(r.value).toBeCloseTo((350 / 600) * 100, 12); // revenue 600, costs 40 + 60 + 150
    expect([r.counts.assumedMargin, r.method]).toEqual([1, 'costs-and-default-margin']);
  });

  it('needs costs, and is not defined when no won deal has them', () => {
    expect(kpi('avgProfitMargin', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('avgProfitMargin', { deals: [deals[2]!] })).toMatchObject({ status: 'needs-data', missing: ['costs'] });
    expect(kpi('avgProfitMargin', { deals: [deals[2]!], products })).toMatchObject({
      status: 'not-defined',
      reason: 'no revenue from won deals with costs in the period',
    });
  });

  it('leaves a deal out when only some lines have costs, rather than overstate the margin', () => {
    const partial = wonDeal(400, '2017-06-07', { lineItems: [line(1, 200, { unitCost: usd(50) }), line(1, 200)] });
    const r = okOf(kpi('avgProfitMargin', { deals: [deals[0]!, partial] }));
    expect(r.value).toBe(60); // only the first deal: (100 − 40) ÷ 100
  });
});

describe('sales are deals won by status, never by stage name', () => {
  it('ignores a deal in a stage called "Won" that is still open', () => {
    const fake = deal({ title: 'Closed Won?', stageId: 'Won', amount: usd(500), closedAt: at('2017-06-05') });
    const r = okOf(kpi('avgPurchaseValue', { deals: [fake, wonDeal(100, '2017-06-02')] }));
    expect(r.value).toBe(10_000);
    expect(JUNE.label).toBe('2017-06');
  });
});
