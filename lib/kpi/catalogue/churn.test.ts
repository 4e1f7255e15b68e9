import { describe, expect, it } from 'vitest';
import { kpi, okOf } from '../test-fixtures';
import { customers, movements } from './fixtures/customer-base';

describe('churn', () => {
  it('is customers lost ÷ customers at the start, with passive and revenue churn', () => {
    const r = okOf(kpi('churn', { customers, mrrMovements: movements }));
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

  it('needs customers, and is not defined with none at the start', () => {
    expect(kpi('churn', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    expect(kpi('churn', { customers: [customers[3]!] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });
});
