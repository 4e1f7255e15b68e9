import { describe, expect, it } from 'vitest';
import { JUNE, at, kpi, lead, okOf } from '../test-fixtures';

describe('leadConversionRate', () => {
  const asOf = at('2017-07-15');
  const leads = [
    lead({ externalId: 'L1', createdAt: JUNE.start, status: 'converted', convertedAt: at('2017-06-20') }), // at the start: in
    lead({ externalId: 'L2', createdAt: at('2017-06-10'), status: 'converted', convertedAt: at('2017-07-10') }), // converted later, before asOf
    lead({ externalId: 'L3', createdAt: at('2017-06-12'), status: 'converted', convertedAt: at('2017-07-20') }), // after asOf: not yet
    lead({ externalId: 'L4', createdAt: at('2017-06-15'), status: 'converted' }), // status only
    lead({ externalId: 'L5', createdAt: at('2017-06-18'), status: 'disqualified' }),
    lead({ externalId: 'L6', createdAt: at('2017-06-20') }),
    lead({ externalId: 'L7', createdAt: JUNE.end }), // at the end: out
    lead({ externalId: 'L8', createdAt: at('2017-05-31'), status: 'converted', convertedAt: at('2017-06-02') }), // May cohort
  ];

  it('is the share of the June cohort converted as of the computation date', () => {
    const r = okOf(kpi('leadConversionRate', { leads }, { asOf }));
    expect(r.value).toBe(50); // L1 L2 L4 of L1–L6: 3 ÷ 6
    expect(r.counts).toEqual({ leads: 6, converted: 3, disqualified: 1, open: 2 });
    expect(r.asOf).toBe(asOf);
  });

  it('needs leads, and is not defined for an empty cohort', () => {
    expect(kpi('leadConversionRate', {})).toMatchObject({ status: 'needs-data', missing: ['leads'] });
    expect(kpi('leadConversionRate', { leads: [leads[7]!] })).toMatchObject({ status: 'not-defined', reason: 'no leads created in the period' });
  });
});
