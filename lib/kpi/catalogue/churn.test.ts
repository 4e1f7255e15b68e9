import { describe, expect, it } from 'vitest';
import { at, customer, kpi, okOf } from '../test-fixtures';
import { customers, deals, movements, prospectDeals, prospects } from './fixtures/customer-base';

describe('churn', () => {
  it('is customers lost ÷ customers at the start, with passive and revenue churn', () => {
    const r = okOf(kpi('churn', { customers, deals, mrrMovements: movements }));
    expect(r.value).toBe(50); // 3 ÷ 6
    expect(r.counts).toEqual({ atStart: 6, lost: 3, lostPassive: 1, lostNew: 1 });
    expect(r.parts).toMatchObject({
      customerChurnPct: 50,
      passiveChurnPct: (1 / 6) * 100, // C3
      churnedMrr: 31_000, // 200 + 50 + 60 (see the MRR table in fixtures/customer-base.ts)
      contractionMrr: 0,
      revenueChurnPct: (310 / 530) * 100,
    });
    expect([...r.recordIds].sort()).toEqual(['C2', 'C3', 'C8']);
  });

  it('counts as customers only accounts with a won deal or an acquisition date', () => {
    // P1 (only a lost deal) and P2 (no deal) are prospects: the base is still the 6 of the table.
    const r = okOf(kpi('churn', { customers: [...customers, ...prospects], deals: [...deals, ...prospectDeals], mrrMovements: movements }));
    expect([r.value, r.counts.atStart]).toEqual([50, 6]); // 3 ÷ 6
  });

  it('needs customers and churn information, and is not defined with none at the start', () => {
    expect(kpi('churn', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    // Customers, but no churn date anywhere and no MRR churn: nobody could ever show as lost.
    const loyal = customers.map((c) => ({ ...c, churnedAt: undefined, churnReason: undefined }));
    expect(kpi('churn', { customers: loyal, deals })).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
    // An MRR churn movement is churn information too.
    expect(okOf(kpi('churn', { customers: loyal, deals, mrrMovements: movements })).value).toBe(0); // 0 of 6 lost (by churn date)
    const gone = customer({ externalId: 'G', acquiredAt: at('2016-01-01'), churnedAt: at('2017-04-01') }); // lost in April
    expect(kpi('churn', { customers: [customers[3]!, gone] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });

  it('is low-sample below the minimum of customers at the start, with the value kept', () => {
    const r = kpi('churn', { customers, deals }, { settings: { demoKeywords: [], staleDays: 14, minSample: { customers: 7 } } });
    expect(r).toMatchObject({ status: 'low-sample', value: 50, sample: { n: 6, min: 7, unit: 'customers' } }); // 6 at the start < 7
  });
});
