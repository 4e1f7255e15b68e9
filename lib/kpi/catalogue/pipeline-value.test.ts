import { describe, expect, it } from 'vitest';
import { kpi, okOf, wonDeal } from '../test-fixtures';
import { pipelineData } from './fixtures/open-pipeline';

describe('pipelineValue', () => {
  it('sums open deals, weighted and expected in the period', () => {
    const r = okOf(kpi('pipelineValue', pipelineData));
    expect(r.value).toBe(490_000); // 1000 + 2000 + 1100 + 500 + 300 = USD 4,900
    expect(r.parts).toEqual({
      total: 490_000,
      weighted: 228_000, // 1000×20 % + 2000×90 % + 500×20 % + 300×60 % = 200 + 1800 + 100 + 180 = 2,280 (c has no probability)
      expectedInPeriod: 240_000, // a 1000 + c 1100 + g 300
      expectedInPeriodWeighted: 38_000, // a 200 + g 180
    });
    expect(r.counts).toEqual({ openDeals: 6, withAmount: 5, expectedInPeriod: 3 }); // d's GBP has no rate
    expect(r.coverage).toEqual({ have: 5, of: 6, what: 'open deals with an amount' });
    expect(r.breakdown?.map((b) => [b.key, b.value, b.count])).toEqual([
      ['s1', 150_000, 3], // a 1000 + f 500 (+ d without a rate, 0)
      ['s2', 230_000, 2], // b 2000 + g 300
      ['(no stage)', 110_000, 1], // c
    ]);
    expect(r.excluded).toEqual([
      { count: 1, reason: 'no exchange rate for GBP' },
      { count: 1, reason: 'no win probability (left out of the weighted value)' },
    ]);
  });

  it('needs deals when there are none, and is 0 with no open deal', () => {
    expect(kpi('pipelineValue', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    const r = okOf(kpi('pipelineValue', { deals: [wonDeal(10, '2017-06-02')] }));
    expect([r.value, r.counts.openDeals]).toEqual([0, 0]);
  });
});
