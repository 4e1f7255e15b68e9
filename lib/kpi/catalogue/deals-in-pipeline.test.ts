import { describe, expect, it } from 'vitest';
import { kpi, lostDeal, okOf } from '../test-fixtures';
import { pipelineData } from './fixtures/open-pipeline';

// dealsInPipeline and pipelineValue are snapshots of the open deals now (the model keeps no status
// history), so no period boundary applies to which deals they count; pipelineValue's expected-in-period
// part has its boundary rows in fixtures/open-pipeline.ts (f at the end: out; g at the start: in).
describe('dealsInPipeline', () => {
  it('counts open deals per stage', () => {
    const r = okOf(kpi('dealsInPipeline', pipelineData));
    expect(r.value).toBe(6); // a b c d f g; the won deal is not open
    expect(r.breakdown?.map((b) => [b.label, b.count])).toEqual([
      ['s1', 3],
      ['s2', 2],
      ['No stage', 1],
    ]);
  });

  it('needs deals when there are none, and is 0 with no open deal', () => {
    expect(kpi('dealsInPipeline', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(okOf(kpi('dealsInPipeline', { deals: [lostDeal('2017-06-02')] })).value).toBe(0);
  });
});
