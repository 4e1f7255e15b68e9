import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, okOf, quota, usd, wonDeal } from '../test-fixtures';

describe('pipelineCoverage', () => {
  const june = quota(10_000, '2017-06-01', '2017-07-01');
  const deals = [
    wonDeal(4000, '2017-06-05'),
    deal({ amount: usd(3000), expectedCloseAt: at('2017-06-20') }), // in the rest of June
    deal({ amount: usd(1500), expectedCloseAt: at('2017-06-16') }), // today: in
    deal({ amount: usd(5000), expectedCloseAt: at('2017-06-10') }), // already past: out
    deal({ amount: usd(1000), expectedCloseAt: JUNE.end }), // exactly at the end: out
  ];
  const asOf = at('2017-06-16T09:00');

  it('divides the pipeline expected by the end of the period by the quota left', () => {
    const r = okOf(kpi('pipelineCoverage', { deals, quotas: [june] }, { asOf }));
    expect(r.value).toBe(0.75); // (3000 + 1500) ÷ (10,000 − 4,000)
    expect(r.parts).toEqual({ pipeline: 450_000, remaining: 600_000, quota: 1_000_000, sales: 400_000 });
  });

  it('needs a quota', () => {
    expect(kpi('pipelineCoverage', { deals }, { asOf })).toMatchObject({ status: 'needs-data', missing: ['quotas'] });
    expect(kpi('pipelineCoverage', { deals, quotas: [quota(1, '2017-01-01', '2017-02-01')] }, { asOf })).toMatchObject({
      status: 'needs-data',
      message: 'No quota covers 2017-06.',
    });
  });

  it('is not defined once the quota is reached (nothing left to cover) or the period is over', () => {
    const big = [...deals, wonDeal(6000, '2017-06-06')];
    expect(kpi('pipelineCoverage', { deals: big, quotas: [june] }, { asOf })).toMatchObject({ status: 'not-defined', reason: 'the quota is already reached' });
    expect(kpi('pipelineCoverage', { deals, quotas: [june] }, { asOf: JUNE.end })).toMatchObject({ status: 'not-defined', reason: 'the period is over' }); // named in words by the reader, not as "2017-06"
  });
});
