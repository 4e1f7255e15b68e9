import { describe, expect, it } from 'vitest';
import { at, customer, kpi, okOf } from '../test-fixtures';
import { customers, deals, prospectDeals, prospects } from './fixtures/customer-base';

describe('retentionRate', () => {
  it('is (customers at end − new ones) ÷ customers at start', () => {
    const r = okOf(kpi('retentionRate', { customers: [...customers, ...prospects], deals: [...deals, ...prospectDeals] }));
    expect(r.value).toBeCloseTo(((4 - 2) / 6) * 100, 12); // C5 came and went, so it is below 100 − churn
    expect(r.counts).toEqual({ atStart: 6, atEnd: 4, acquired: 2, lost: 3 });
  });

  it('needs customers and churn information (else it is 100 % by construction), and is not defined with none at the start', () => {
    expect(kpi('retentionRate', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    const loyal = customers.map((c) => ({ ...c, churnedAt: undefined }));
    expect(kpi('retentionRate', { customers: loyal, deals })).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
    const gone = customer({ externalId: 'G', acquiredAt: at('2016-01-01'), churnedAt: at('2017-04-01') });
    expect(kpi('retentionRate', { customers: [customers[3]!, gone] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });
});
