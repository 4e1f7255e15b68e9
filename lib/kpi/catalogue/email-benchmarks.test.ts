import { describe, expect, it } from 'vitest';
import { JUNE, activity, at, kpi, okOf } from '../test-fixtures';

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
    const cold = [
      email(false, true, false, { email: { cold: true, opened: false, replied: true } }),
      email(false, false, false, { email: { cold: true, opened: false } }),
      email(false, false, false, { email: { cold: true, opened: false } }),
    ];
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
    const r = okOf(
      kpi('emailBenchmarks', { activities: [email(true, false, false, { occurredAt: JUNE.start }), email(true, false, false, { occurredAt: JUNE.end })] }),
    );
    expect(r.counts.sent).toBe(1);
  });
});
