import { describe, expect, it } from 'vitest';
import type { ClvMethod } from './clv-types';
import { at, customer, kpi, mrrMove, okOf, spend, usd, wonDeal } from './test-fixtures';

// Ten customers since 2016; C9 and C10 leave in June: monthly churn 2 ÷ 10 = 20 %; 8 at the end of June.
const customers = Array.from({ length: 10 }, (_, i) =>
  customer({ externalId: `C${i + 1}`, acquiredAt: at('2016-01-01'), churnedAt: i >= 8 ? at('2017-06-15') : undefined }),
);
// June: four USD 1,000 sales at cost 400 (margin 60 %). Earlier: C1 bought for USD 3,000.
const deals = [
  ...[1, 2, 3, 4].map((n) => wonDeal(1000, `2017-06-0${n}`, { customerId: `C${n}`, directCost: usd(400) })),
  wonDeal(3000, '2016-12-01', { customerId: 'C1' }),
  wonDeal(5000, '2017-07-01', { customerId: 'C2' }), // closed exactly at the end: not in June's history
  wonDeal(700, '2017-06-05'), // no customer: not a purchase history
];
const settingsWith = (extra: object) => ({ demoKeywords: [], staleDays: 14, ...extra });

describe('clv', () => {
  it('is predictive when margin and churn are known, with the historical figure beside it', () => {
    const r = okOf(kpi('clv', { customers, deals }));
    // Monthly revenue per customer: (4 × 1,000 + 700) ÷ 8 customers at the end ÷ 1 month = 587.50
    // Predictive: 587.50 × 60 % ÷ 20 % = 1,762.50. Historical: (4 × 1,000 + 3,000) ÷ 4 customers = 1,750.
    expect(r.method).toBe('predictive');
    expect(r.value).toBe(176_250);
    expect(r.parts).toMatchObject({ historical: 175_000, predictive: 176_250, monthlyRevenuePerCustomer: 58_750, marginPct: 60, monthlyChurnPct: 20, lifetimeMonths: 5 });
  });

  it('uses MRR per paying customer when MRR exists', () => {
    const mrrMovements = [mrrMove('new', 300, '2016-02-01', { customerId: 'C1' }), mrrMove('new', 200, '2016-02-01', { customerId: 'C2' })];
    const r = okOf(kpi('clv', { customers, deals, mrrMovements }));
    expect(r.value).toBe(75_000); // (300 + 200) ÷ 2 paying × 60 % ÷ 20 %
  });

  it('gives the historical figure when asked, or when nobody churned', () => {
    expect(okOf(kpi('clv', { customers, deals }, { settings: settingsWith({ clvMethod: 'historical' }) })).value).toBe(175_000);
    const loyal = customers.map((c) => ({ ...c, churnedAt: undefined }));
    const r = okOf(kpi('clv', { customers: loyal, deals }));
    expect([r.method, r.value]).toEqual(['historical', 175_000]);
    expect(kpi('clv', { customers: loyal, deals }, { settings: settingsWith({ clvMethod: 'predictive' }) })).toMatchObject({
      status: 'not-defined',
      reason: 'no customer churned in the period, so the expected lifetime is unbounded', // churn 0: division by zero
    });
  });

  it('plugs in a model method and gives it the purchase histories', () => {
    const seen: unknown[] = [];
    const model: ClvMethod = {
      id: 'bg-nbd',
      name: { en: 'BG/NBD', ru: 'BG/NBD' },
      estimate(input) {
        seen.push(input.transactions.map((t) => [t.customerId, t.minor]));
        return { ok: true, value: input.transactions.length * 100 };
      },
    };
    const r = okOf(kpi('clv', { customers, deals }, { settings: settingsWith({ clvMethod: 'bg-nbd' }) }, { clvMethods: [model] }));
    expect([r.method, r.value]).toEqual(['bg-nbd', 500]); // 5 purchases × 100
    // June first (oldest purchase first), then May for the comparison, which has only the 2016 purchase.
    expect(seen).toEqual([[['C1', 300_000], ['C1', 100_000], ['C2', 100_000], ['C3', 100_000], ['C4', 100_000]], [['C1', 300_000]]]);
  });

  it('reports a failing or unknown method instead of throwing', () => {
    const broken: ClvMethod = { id: 'broken', name: { en: 'x', ru: 'x' }, estimate: () => { throw new Error('cannot fit'); } };
    expect(kpi('clv', { customers, deals }, { settings: settingsWith({ clvMethod: 'broken' }) }, { clvMethods: [broken] })).toMatchObject({
      status: 'not-defined',
      reason: 'the broken model failed: cannot fit',
    });
    expect(kpi('clv', { customers, deals }, { settings: settingsWith({ clvMethod: 'nope' }) })).toMatchObject({
      status: 'not-defined',
      reason: 'unknown CLV method "nope" (known: historical, predictive)',
    });
  });

  it('needs won deals linked to customers', () => {
    expect(kpi('clv', {})).toMatchObject({ status: 'needs-data', missing: ['wonDeals'] });
    expect(kpi('clv', { deals: [wonDeal(100, '2017-06-02')] })).toMatchObject({ status: 'needs-data', missing: ['wonDeals', 'customers'] });
  });
});

describe('ltvToCac', () => {
  // Two new customers in June (C11, C12): 10 at the end → (4,700 ÷ 10) × 60 % ÷ 20 % = 1,410 CLV.
  const withNew = [...customers, customer({ externalId: 'C11', acquiredAt: at('2017-06-10') }), customer({ externalId: 'C12', acquiredAt: at('2017-06-11') })];

  it.each([
    [940, 'on-track'], // CAC 940 ÷ 2 = 470: 1,410 ÷ 470 = 3
    [1410, 'at-risk'], // CAC 705: ratio 2
    [5000, 'off-track'], // CAC 2,500: ratio 0.564
  ])('with USD %d of spend is %s', (major, status) => {
    const r = okOf(kpi('ltvToCac', { customers: withNew, deals, spend: [spend('2017-06', 'marketing', major)] }));
    const clvValue = 141_000;
    const cacValue = (major * 100) / 2;
    expect(r.value).toBeCloseTo(clvValue / cacValue, 12);
    expect(r.parts).toEqual({ clv: clvValue, cac: cacValue, benchmark: 3 });
    expect(r.target?.status).toBe(status);
  });

  it('counts a customer acquired exactly at the start for CAC, not one acquired exactly at the end', () => {
    const edges = [...withNew, customer({ externalId: 'C13', acquiredAt: at('2017-06-01') }), customer({ externalId: 'C14', acquiredAt: at('2017-07-01') })];
    const r = okOf(kpi('ltvToCac', { customers: edges, deals, spend: [spend('2017-06', 'marketing', 1410)] }));
    expect(r.parts.cac).toBe(47_000); // 1,410 ÷ 3 new customers (C11, C12, C13)
    expect(r.counts.newCustomers).toBe(3);
  });

  it('names everything missing, and is not defined when CAC is', () => {
    expect(kpi('ltvToCac', {})).toMatchObject({ status: 'needs-data', missing: ['wonDeals', 'spend'] });
    expect(kpi('ltvToCac', { customers, deals, spend: [spend('2017-06', 'sales', 100)] })).toMatchObject({
      status: 'not-defined',
      reason: 'CAC is not defined: no new customers in the period',
    });
  });
});
