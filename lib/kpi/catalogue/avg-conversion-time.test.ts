import { describe, expect, it } from 'vitest';
import { JUNE, at, kpi, lead, okOf } from '../test-fixtures';

describe('avgConversionTime', () => {
  const leads = [
    lead({ createdAt: at('2017-06-01'), status: 'converted', convertedAt: at('2017-06-20') }), // 19 days
    lead({ createdAt: at('2017-05-30'), status: 'converted', convertedAt: JUNE.start }), // converted exactly at the start: in; 2 days
    lead({ createdAt: at('2017-06-10'), status: 'converted', convertedAt: at('2017-06-05') }), // converted before created
    lead({ createdAt: at('2017-06-10'), status: 'converted', convertedAt: JUNE.end }), // converted exactly at the end: out
  ];

  it('averages creation-to-conversion days of leads converted in the period', () => {
    const r = okOf(kpi('avgConversionTime', { leads }));
    expect(r.value).toBe(10.5); // (19 + 2) ÷ 2
    expect(r.parts).toEqual({ mean: 10.5, median: 10.5 });
    expect(r.excluded).toEqual([{ count: 1, reason: 'converted before it was created' }]);
  });

  it('needs leads, and is not defined with no conversion in the period', () => {
    expect(kpi('avgConversionTime', {})).toMatchObject({ status: 'needs-data', missing: ['leads'] });
    expect(kpi('avgConversionTime', { leads: [lead()] })).toMatchObject({ status: 'not-defined', reason: 'no leads converted in the period' });
  });
});
