import { describe, expect, it } from 'vitest';
import type { ClvMethod } from '../clv-types';
import { ANY_SAMPLE, at, customer, kpi, mrrMove, okOf, wonDeal } from '../test-fixtures';
import { customers, deals } from './fixtures/clv-customers';

const settingsWith = (extra: object) => ({ demoKeywords: [], staleDays: 14, minSample: ANY_SAMPLE, ...extra });

describe('clv', () => {
  it('is predictive when margin and churn are known, with the historical figure beside it', () => {
    const r = okOf(kpi('clv', { customers, deals }));
    // Monthly revenue per customer: (4 × 1,000 + 700) ÷ 8 customers at the end ÷ 1 month = 587.50
    // Predictive: 587.50 × 60 % ÷ 20 % = 1,762.50. Historical: (4 × 1,000 + 3,000) ÷ 4 customers = 1,750.
    expect(r.method).toBe('predictive');
    expect(r.value).toBe(176_250);
    expect(r.parts).toMatchObject({
      historical: 175_000,
      predictive: 176_250,
      monthlyRevenuePerCustomer: 58_750,
      marginPct: 60,
      monthlyChurnPct: 20,
      lifetimeMonths: 5,
    });
  });

  it('uses MRR per paying customer when MRR exists', () => {
    const mrrMovements = [mrrMove('new', 300, '2016-02-01', { customerId: 'C1' }), mrrMove('new', 200, '2016-02-01', { customerId: 'C2' })];
    const r = okOf(kpi('clv', { customers, deals, mrrMovements }));
    expect(r.value).toBe(75_000); // (300 + 200) ÷ 2 paying × 60 % ÷ 20 %
  });

  it('gives the historical figure when asked, or when nobody churned', () => {
    expect(okOf(kpi('clv', { customers, deals }, { settings: settingsWith({ clvMethod: 'historical' }) })).value).toBe(175_000);
    // Churn is tracked (C0 left in April), but nobody left in June.
    const loyal = [
      ...customers.map((c) => ({ ...c, churnedAt: undefined })),
      customer({ externalId: 'C0', acquiredAt: at('2016-01-01'), churnedAt: at('2017-04-10') }),
    ];
    const r = okOf(kpi('clv', { customers: loyal, deals }));
    expect([r.method, r.value]).toEqual(['historical', 175_000]);
    expect(kpi('clv', { customers: loyal, deals }, { settings: settingsWith({ clvMethod: 'predictive' }) })).toMatchObject({
      status: 'not-defined',
      reason: 'no customer churned in the period, so the expected lifetime is unbounded', // churn 0: division by zero
    });
    // Without any churn information the predictive formula needs it, rather than taking churn as 0.
    const untracked = customers.map((c) => ({ ...c, churnedAt: undefined }));
    expect(kpi('clv', { customers: untracked, deals }, { settings: settingsWith({ clvMethod: 'predictive' }) })).toMatchObject({
      status: 'needs-data',
      missing: ['churnDates'],
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
    expect(seen).toEqual([
      [
        ['C1', 300_000],
        ['C1', 100_000],
        ['C2', 100_000],
        ['C3', 100_000],
        ['C4', 100_000],
      ],
      [['C1', 300_000]],
    ]);
  });

  it('reports a failing or unknown method instead of throwing', () => {
    const broken: ClvMethod = {
      id: 'broken',
      name: { en: 'x', ru: 'x' },
      estimate: () => {
        throw new Error('cannot fit');
      },
    };
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
