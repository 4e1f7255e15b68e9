import { describe, expect, it } from 'vitest';
import { JUNE, activity, at, kpi, okOf, owner, target } from '../test-fixtures';

describe('demosBooked', () => {
  const demos = [
    activity({ type: 'meeting', subtype: 'demo', createdAt: at('2017-06-05'), occurredAt: at('2017-07-03'), done: false }), // booked in June
    activity({ type: 'meeting', title: 'Product Демо for ACME', occurredAt: at('2017-06-12') }), // keyword, no booking date
    activity({ type: 'meeting', subtype: 'trial', createdAt: at('2017-05-30'), occurredAt: at('2017-06-02') }), // booked in May
    activity({ type: 'call', title: 'demo follow-up', occurredAt: at('2017-06-12') }), // a call, not a meeting
    activity({ type: 'meeting', title: 'Quarterly review', occurredAt: at('2017-06-12') }), // no keyword
  ];

  it('counts demo and trial meetings by booking date', () => {
    const r = okOf(kpi('demosBooked', { activities: demos }));
    expect(r.value).toBe(2); // the subtype demo booked 5 June + the "Демо" meeting of 12 June
    expect(r.counts).toEqual({ demos: 2, held: 1, upcoming: 1, datedByMeeting: 1 });
  });

  it('needs activities when there are none', () => {
    expect(kpi('demosBooked', {})).toMatchObject({ status: 'needs-data', missing: ['activities'] });
  });

  it('expects nothing before the period starts (zero elapsed), so a target is on track', () => {
    // A call in May: activities exist as of 20 May (the June demo does not yet).
    const before = activity({ type: 'call', occurredAt: at('2017-05-10') });
    const r = okOf(
      kpi('demosBooked', { activities: [demos[4]!, before], owners: [owner('alice', 'A')], targets: [target('demos', 'week', 2)] }, { asOf: at('2017-05-20') }),
    );
    expect(r.value).toBe(0);
    expect(r.target).toEqual({ value: (2 * 22) / 5, status: 'on-track' }); // 2 per week × 22 working days ÷ 5
    expect(r.parts.pacePct).toBeUndefined();
  });

  it('takes a booking exactly at the start and not one exactly at the end', () => {
    const meeting = (created: number) => activity({ type: 'meeting', subtype: 'demo', createdAt: created, occurredAt: created + 3_600_000 });
    const r = okOf(kpi('demosBooked', { activities: [meeting(JUNE.start), meeting(JUNE.end)] }));
    expect(r.value).toBe(1);
  });
});
