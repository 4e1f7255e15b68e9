import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../../period/parse';
import { CAL, activity, at, kpi, okOf, owner, target } from '../test-fixtures';

const call = (when: string, over = {}) => activity({ type: 'call', direction: 'outbound', occurredAt: at(when), ...over });

describe('activityCounts', () => {
  const records = [
    call('2017-06-01'), // exactly at the start: in
    call('2017-06-14T15:00'),
    call('2017-06-30T23:59'),
    activity({ type: 'email', direction: 'outbound', occurredAt: at('2017-06-05') }),
    activity({ type: 'email', direction: 'inbound', occurredAt: at('2017-06-06') }),
    activity({ type: 'meeting', occurredAt: at('2017-06-07') }),
    activity({ type: 'call', occurredAt: at('2017-06-08'), done: false }), // planned, not counted
    call('2017-07-01'), // exactly at the end: out
    call('2017-05-31T23:59'), // before: out
  ];

  it('counts done activities by type and direction, per working day', () => {
    const r = okOf(kpi('activityCounts', { activities: records }));
    expect(r.value).toBe(6); // 3 calls + 2 emails + 1 meeting
    expect(r.counts).toEqual({ activities: 6, planned: 1 });
    expect(r.parts).toMatchObject({
      call: 3,
      email: 2,
      meeting: 1,
      sms: 0,
      outbound: 4, // 3 calls + 1 email
      inbound: 1,
      callOutbound: 3,
      emailOutbound: 1,
      emailInbound: 1,
      workingDays: 22, // June 2017: 30 days − 8 weekend days
      workingDaysElapsed: 22, // as of the end of June
      perWorkingDay: 6 / 22,
      callsPerWorkingDay: 3 / 22,
    });
    expect(r.recordIds).toHaveLength(6);
    expect(r.target).toBeUndefined();
  });

  it('divides by the working days elapsed so far, today included, and counts nothing after the instant', () => {
    // As of Wed 14 June 18:00: 1–14 June hold 10 working days (Thu 1, Fri 2, 5–9, 12–14), and the call of
    // 30 June has not happened yet: 5 done (calls of 1 and 14 June, 2 emails, 1 meeting).
    const r = okOf(kpi('activityCounts', { activities: records }, { asOf: at('2017-06-14T18:00') }));
    expect(r.value).toBe(5);
    expect(r.parts.workingDaysElapsed).toBe(10);
    expect(r.parts.perWorkingDay).toBeCloseTo(5 / 10, 12);
  });

  it('needs activities when there are none at all', () => {
    expect(kpi('activityCounts', {})).toMatchObject({ status: 'needs-data', missing: ['activities'] });
  });

  it('leaves the per-day average out when no working day has passed (zero denominator)', () => {
    const saturday = parsePeriodSpec('2017-06-03', CAL);
    const r = okOf(kpi('activityCounts', { activities: [call('2017-06-03T10:00')] }, { period: saturday, asOf: saturday.end }));
    expect(r.value).toBe(1);
    expect(r.parts.workingDays).toBe(0); // a Saturday
    expect(r.parts.perWorkingDay).toBeUndefined();
  });

  it('is 0 with counts, not missing, for a period without activities', () => {
    const r = okOf(kpi('activityCounts', { activities: [call('2017-05-10')] }));
    expect(r.value).toBe(0);
    expect(r.counts.activities).toBe(0);
  });

  it.each([
    // Target 1 call per working day → 22 for June. By the end of Friday 16 June, 12 working days are done
    // (1–2, 5–9, 12–16 June): 22 × 12 ÷ 22 = 12 expected (not 11, the calendar half: weekends are not behind).
    [12, 'on-track', 100], // 12 ÷ 12
    [11, 'at-risk', (11 / 12) * 100], // 91.7 % ≥ 80 %
    [9, 'off-track', (9 / 12) * 100], // 75 % < 80 %
  ])('%i calls by mid-June against 1/day is %s', (calls, status, pacePct) => {
    const activities = Array.from({ length: calls }, (_, i) => call(`2017-06-${String(i + 1).padStart(2, '0')}T09:00`));
    const r = okOf(
      kpi(
        'activityCounts',
        { activities, owners: [owner('alice', 'Alice')], targets: [target('calls', 'day', 1, { ownerId: 'alice' })] },
        { asOf: at('2017-06-16') },
      ),
    );
    expect(r.target).toEqual({ value: 22, status });
    expect(r.parts.callsTarget).toBe(22);
    expect(r.parts.pacePct).toBeCloseTo(pacePct, 10);
  });

  it('sums own and everyone targets over the reps, per week and per month', () => {
    const owners = [owner('alice', 'Alice'), owner('bob', 'Bob'), owner('carol', 'Carol', { active: false })];
    const targets = [
      target('emails', 'week', 10), // everyone: 10 × 22 / 5 = 44 per active rep → 88 (carol is inactive)
      target('emails', 'week', 20, { ownerId: 'bob' }), // bob's own wins: 20 × 22 / 5 = 88 → alice 44 + bob 88 = 132
      target('meetings', 'month', 6), // 6 × 1 month × 2 reps = 12
    ];
    const r = okOf(kpi('activityCounts', { activities: [call('2017-06-02')], owners, targets }));
    expect(r.parts.emailsTarget).toBeCloseTo(132, 10);
    expect(r.parts.meetingsTarget).toBeCloseTo(12, 10);
    expect(r.target?.value).toBeCloseTo(144, 10); // 132 + 12
  });
});
