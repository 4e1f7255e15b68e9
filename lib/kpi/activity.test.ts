import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../period/parse';
import { CAL, JUNE, activity, at, kpi, okOf, owner, target } from './test-fixtures';

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

  it('divides by the working days elapsed so far, today included', () => {
    // As of Wed 14 June 18:00: 1–14 June hold 10 working days (Thu 1, Fri 2, 5–9, 12–14).
    const r = okOf(kpi('activityCounts', { activities: records }, { asOf: at('2017-06-14T18:00') }));
    expect(r.parts.workingDaysElapsed).toBe(10);
    expect(r.parts.perWorkingDay).toBeCloseTo(6 / 10, 12);
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
    // Target 1 call per working day → 22 for June. As of 16 June 00:00, 15 of 30 days passed: 22 × 0.5 = 11 expected.
    [11, 'on-track', 100], // 11 ÷ 11
    [10, 'at-risk', (10 / 11) * 100], // 90.9 % ≥ 80 %
    [8, 'off-track', (8 / 11) * 100], // 72.7 % < 80 %
  ])('%i calls by mid-June against 1/day is %s', (calls, status, pacePct) => {
    const activities = Array.from({ length: calls }, (_, i) => call(`2017-06-${String(i + 1).padStart(2, '0')}T09:00`));
    const r = okOf(
      kpi('activityCounts', { activities, owners: [owner('alice', 'Alice')], targets: [target('calls', 'day', 1, { ownerId: 'alice' })] }, { asOf: at('2017-06-16') }),
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
    const r = okOf(kpi('demosBooked', { activities: [demos[4]!], owners: [owner('alice', 'A')], targets: [target('demos', 'week', 2)] }, { asOf: at('2017-05-20') }));
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

describe('emailBenchmarks', () => {
  const email = (opened: boolean, replied = false, converted = false, over = {}) =>
    activity({ type: 'email', direction: 'outbound', occurredAt: at('2017-06-10'), email: { opened, replied, converted }, ...over });
  // 10 sent: 4 opened, 2 of those replied, 1 of those converted.
  const ten = [email(true, true, true), email(true, true), email(true), email(true), ...Array.from({ length: 6 }, () => email(false))];

  it('checks the 30/30/50 funnel', () => {
    const r = okOf(kpi('emailBenchmarks', { activities: ten }));
    expect(r.value).toBe(3); // all three met
    expect(r.parts).toMatchObject({
      openRatePct: 40, // 4 ÷ 10
      replyRatePct: 50, // 2 ÷ 4
      conversionPct: 50, // 1 ÷ 2
    });
    expect(r.breakdown?.map((b) => b.extra?.met)).toEqual([1, 1, 1]);
    expect(r.method).toBe('all-tracked-outbound');
  });

  it('uses only cold emails when some are marked cold, and counts a reply as an open', () => {
    const cold = [email(false, true, false, { email: { cold: true, opened: false, replied: true } }), email(false, false, false, { email: { cold: true, opened: false } }), email(false, false, false, { email: { cold: true, opened: false } })];
    const r = okOf(kpi('emailBenchmarks', { activities: [...ten, ...cold] }));
    expect(r.method).toBe('cold-emails');
    expect(r.counts).toEqual({ sent: 3, opened: 1, replied: 1, converted: 0 });
    // open 1 ÷ 3 = 33.3 % ✓, reply 1 ÷ 1 = 100 % ✓, conversion 0 ÷ 1 = 0 % ✗ → 2 of 3
    expect(r.value).toBe(2);
  });

  it('needs email tracking when no email carries opens or replies', () => {
    const r = kpi('emailBenchmarks', { activities: [activity({ type: 'email' })] });
    expect(r).toMatchObject({ status: 'needs-data', missing: ['emailTracking'] });
  });

  it('is not defined with no tracked email in the period (zero denominator)', () => {
    expect(kpi('emailBenchmarks', { activities: [email(true, false, false, { occurredAt: at('2017-05-10') })] })).toMatchObject({
      status: 'not-defined',
      reason: 'no tracked emails sent in the period',
    });
  });

  it('checks only the open rate when nothing was opened', () => {
    const r = okOf(kpi('emailBenchmarks', { activities: [email(false), email(false)] }));
    expect([r.value, r.denominator, r.parts.openRatePct]).toEqual([0, 1, 0]); // 0 of 1 benchmark checked
  });

  it('takes an email exactly at the start and not one exactly at the end', () => {
    const r = okOf(kpi('emailBenchmarks', { activities: [email(true, false, false, { occurredAt: JUNE.start }), email(true, false, false, { occurredAt: JUNE.end })] }));
    expect(r.counts.sent).toBe(1);
  });
});
