import { describe, expect, it } from 'vitest';
import { kpi, okOf } from '../test-fixtures';
import { customers } from './fixtures/customer-base';

describe('retentionRate', () => {
  it('is (customers at end − new ones) ÷ customers at start', () => {
    const r = okOf(kpi('retentionRate', { customers }));
    expect(r.value).toBeCloseTo(((4 - 2) / 6) * 100, 12); // C5 came and went, so it is below 100 − churn
    expect(r.counts).toEqual({ atStart: 6, atEnd: 4, acquired: 2, lost: 3 });
  });

  it('needs customers, and is not defined with none at the start', () => {
    expect(kpi('retentionRate', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    expect(kpi('retentionRate', { customers: [customers[3]!] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });
});
