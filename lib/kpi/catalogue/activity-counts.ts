/** activityCounts: calls, emails and meetings (what reps do to reach buyers). */
import type { TargetMetric } from '../../model';
import { ACTIVITY_TYPES, type ActivityType } from '../../model/activity-types';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_ACTIVITIES } from '../shared/needs-messages';
import { finiteParts, needsData, ok } from '../shared/result';
import { paceStatus, targetFor } from '../shared/targets';

export const definition = defineKpi({
  id: 'activityCounts',
  family: 'activity',
  name: { en: 'Calls, emails and meetings', ru: 'Звонки, письма и встречи' },
  formula: {
    en: 'Done activities in the period by type (call, email, meeting, SMS, task), outbound and inbound apart; average per working day so far.',
    ru: 'Число выполненных за период активностей по типам (звонки, письма, встречи, SMS, задачи), исходящие и входящие отдельно; среднее за прошедший рабочий день.',
  },
  needs: ['activities'],
  unit: 'count',
  higherIsBetter: true,
  additive: true,
});

const TYPE_INDEX = Object.fromEntries(ACTIVITY_TYPES.map((type, i) => [type, i])) as Record<ActivityType, number>;

/**
 * Done activities that occurred in the period, by type (call, email, meeting, sms, task, other),
 * outbound and inbound apart, and per working day (Mon–Fri days elapsed so far, today included, so a
 * month in progress is not diluted by days still to come). Planned (not done) ones are only counted
 * aside. The target, where set, is the sum of the call, email and meeting targets.
 */
export const evaluator: Evaluator = {
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
    const targets: [TargetMetric, string][] = [
      ['calls', 'call'],
      ['emails', 'email'],
      ['meetings', 'meeting'],
    ];
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
    const pace = anyTarget ? paceStatus(targetActual, targetValue, w.info.workingElapsed) : undefined;
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
