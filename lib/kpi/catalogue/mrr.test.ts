import { describe, expect, it } from 'vitest';
import { kpi, mrrMove, okOf } from '../test-fixtures';
import { customers, movements } from './fixtures/customer-base';

describe('mrr', () => {
  it('splits the period MRR movements and nets them', () => {
    const r = okOf(kpi('mrr', { customers, mrrMovements: movements }));
    expect(r.value).toBe(-6_000); // 180 + 40 + 30 − 0 − 310 = −60
    expect(r.parts).toEqual({
      new: 18_000, // C4 120 + C5 60
      expansion: 4_000,
      reactivation: 3_000,
      contraction: 0,
      churned: 31_000, // C2 200 + C3 50 + C5 60
      net: -6_000,
      mrrStart: 53_000,
      mrrEnd: 47_000, // 530 − 60
      mrrPerNewCustomer: 9_000, // 180 ÷ 2
      expansionRatePct: (40 / 530) * 100,
      expansionGrowthPct: 100, // (40 − 20) ÷ 20
    });
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('needs MRR movements, and leaves growth out when the previous expansion is 0', () => {
    expect(kpi('mrr', {})).toMatchObject({ status: 'needs-data', missing: ['mrrMovements'] });
    const r = okOf(kpi('mrr', { mrrMovements: [mrrMove('expansion', 10, '2017-06-03')] }));
    expect(r.parts.expansionGrowthPct).toBeUndefined(); // May had none: growth from 0 is not defined
    expect(r.parts.expansionRatePct).toBeUndefined(); // MRR at start 0
  });
});
