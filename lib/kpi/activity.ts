/** Activity KPIs: what reps do to reach buyers (calls, emails, meetings, demos, cold-email quality). */
import { ACTIVITY_TYPES, type Activity, type ActivityType, type TargetMetric } from '../model';
import type { Evaluator, EvalInput, KpiBody } from './engine-types';
import { finiteParts, needsData, notDefined, ok, percent } from './result';
import { paceStatus, targetFor } from './targets';

const NEEDS_ACTIVITIES = 'Connect a CRM that records calls, emails and meetings, or import activities.';
const TYPE_INDEX = Object.fromEntries(ACTIVITY_TYPES.map((type, i) => [type, i])) as Record<ActivityType, number>;

/**
 * activityCounts — done activities that occurred in the period, by type (call, email, meeting, sms,
 * task, other), outbound and inbound apart, and per working day (Mon–Fri days elapsed so far, today
 * included, so a month in progress is not diluted by days still to come). Planned (not done) ones are
 * only counted aside. The target, where set, is the sum of the call, email and meeting targets.
 */
export const activityCounts: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.activities) return needsData(['activities'], NEEDS_ACTIVITIES);
    // Plain counters indexed by type: this loop runs over every activity of the period.
    const types = ACTIVITY_TYPES;
    const done = new Int32Array(types.length);
    const out = new Int32Array(types.length);
    const inb = new Int32Array(types.length);
    const ids: string[] = [];
    for (const a of w.activities) {
      ids.push(a.externalId);
      const t = TYPE_INDEX[a.type];
      done[t] = (done[t] as number) + 1;
      if (a.direction === 'outbound') out[t] = (out[t] as number) + 1;
      else if (a.direction === 'inbound') inb[t] = (inb[t] as number) + 1;
    }
    const byType: Record<string, number> = {};
    const byDirection: Record<string, number> = {};
    types.forEach((type, t) => {
      byType[type] = done[t] as number;
      if (out[t]) byDirection[`${type}Outbound`] = out[t] as number;
      if (inb[t]) byDirection[`${type}Inbound`] = inb[t] as number;
    });
    const outbound = out.reduce((a, b) => a + b, 0);
    const inbound = inb.reduce((a, b) => a + b, 0);
    const total = w.activities.length;
    const days = w.info.workingDaysElapsed;
    const perDay = (n: number | undefined) => (days > 0 && n !== undefined ? n / days : undefined);
    const targets: [TargetMetric, string][] = [['calls', 'call'], ['emails', 'email'], ['meetings', 'meeting']];
    let targetValue = 0;
    let targetActual = 0;
    let anyTarget = false;
    const targetParts: Record<string, number> = {};
    for (const [metric, type] of targets) {
      const target = targetFor(ctx, slice.members, w.info, metric);
      if (!target) continue;
      anyTarget = true;
      targetValue += target.value;
      targetActual += byType[type] ?? 0;
      targetParts[`${metric}Target`] = target.value;
    }
    const pace = anyTarget ? paceStatus(targetActual, targetValue, w.info.elapsed) : undefined;
    return ok({
      value: total,
      unit: 'count',
      counts: { activities: total, planned: w.planned },
      parts: finiteParts({
        ...byType,
        outbound,
        inbound,
        ...byDirection,
        workingDays: w.info.workingDays,
        workingDaysElapsed: days,
        perWorkingDay: perDay(total),
        callsPerWorkingDay: perDay(byType.call),
        emailsPerWorkingDay: perDay(byType.email),
        meetingsPerWorkingDay: perDay(byType.meeting),
        ...targetParts,
        pacePct: pace?.pacePct,
      }),
      recordType: 'activity',
      recordIds: ids,
      target: pace ? { value: targetValue, status: pace.status } : undefined,
    });
  },
};

/**
 * demosBooked — demo and trial meetings booked in the period (by booking date; by meeting date where
 * the CRM gives no booking date), done or still to come. A meeting is a demo when its subtype is
 * demo/trial or its subtype or title contains one of the user's keywords (case-insensitive).
 */
export const demosBooked: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.activities) return needsData(['activities'], NEEDS_ACTIVITIES);
    const held = w.demos.filter((a) => a.done).length;
    const byMeetingDate = w.demos.filter((a) => a.createdAt === undefined).length;
    const target = targetFor(ctx, slice.members, w.info, 'demos');
    const pace = target ? paceStatus(w.demos.length, target.value, w.info.elapsed) : undefined;
    return ok({
      value: w.demos.length,
      unit: 'count',
      counts: { demos: w.demos.length, held, upcoming: w.demos.length - held, datedByMeeting: byMeetingDate },
      parts: finiteParts({ held, upcoming: w.demos.length - held, target: target?.value, pacePct: pace?.pacePct }),
      recordType: 'activity',
      recordIds: w.demos.map((a) => a.externalId),
      target: pace && target ? { value: target.value, status: pace.status } : undefined,
    });
  },
};

/** The cold-email benchmark of the source article: open ≥ 30 %, reply ≥ 30 %, conversion ≥ 50 %. */
export const EMAIL_BENCHMARKS = { openRatePct: 30, replyRatePct: 30, conversionPct: 50 } as const;

/**
 * emailBenchmarks — the 30/30/50 rule as a funnel: opens of sent emails, replies of opened ones,
 * conversions (a next step booked) of replies. Only emails whose opens the CRM tracks count; if any
 * are marked cold, only cold ones (else all outbound tracked emails). A reply implies an open, since
 * tracking pixels are often blocked. The value is how many of the three benchmarks are met.
 */
export const emailBenchmarks: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.emailTracking) {
      return needsData(['emailTracking'], 'Email opens and replies are not tracked by this CRM, so the 30/30/50 rule cannot be checked.');
    }
    const tracked: Activity[] = [];
    const cold: Activity[] = [];
    for (const a of w.activities) {
      if (a.type !== 'email' || a.direction === 'inbound' || !a.email) continue;
      if (a.email.opened === undefined && a.email.replied === undefined) continue;
      tracked.push(a);
      if (a.email.cold === true) cold.push(a);
    }
    const sent = cold.length ? cold : tracked;
    if (!sent.length) return notDefined('no tracked emails sent in the period', { counts: { sent: 0 } });
    let opened = 0;
    let replied = 0;
    let converted = 0;
    for (const a of sent) {
      if (a.email?.replied === true) replied += 1;
      if (a.email?.opened === true || a.email?.replied === true) opened += 1;
      if (a.email?.converted === true) converted += 1;
    }
    const rows = [
      { key: 'openRate', label: 'Open rate', n: opened, d: sent.length, threshold: EMAIL_BENCHMARKS.openRatePct },
      { key: 'replyRate', label: 'Reply rate (of opened)', n: replied, d: opened, threshold: EMAIL_BENCHMARKS.replyRatePct },
      { key: 'conversion', label: 'Conversion (of replies)', n: converted, d: replied, threshold: EMAIL_BENCHMARKS.conversionPct },
    ].filter((r) => r.d > 0);
    const met = rows.filter((r) => percent(r.n, r.d) >= r.threshold).length;
    return ok({
      value: met,
      unit: 'count',
      numerator: met,
      denominator: rows.length,
      counts: { sent: sent.length, opened, replied, converted },
      parts: finiteParts({
        openRatePct: percent(opened, sent.length),
        replyRatePct: opened ? percent(replied, opened) : undefined,
        conversionPct: replied ? percent(converted, replied) : undefined,
        benchmarksMet: met,
        benchmarksChecked: rows.length,
      }),
      recordType: 'activity',
      recordIds: sent.map((a) => a.externalId),
      breakdown: rows.map((r) => ({
        key: r.key,
        label: r.label,
        value: percent(r.n, r.d),
        count: r.n,
        extra: { threshold: r.threshold, of: r.d, met: percent(r.n, r.d) >= r.threshold ? 1 : 0 },
      })),
      method: cold.length ? 'cold-emails' : 'all-tracked-outbound',
    });
  },
};
