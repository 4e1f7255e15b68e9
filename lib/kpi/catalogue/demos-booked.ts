/** demosBooked: demo and trial meetings booked in the period. Which meeting is a demo: engine/place-records.ts. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { activityDoneAt } from '../shared/as-of';
import { defineKpi } from '../shared/define';
import { NEEDS_ACTIVITIES } from '../shared/needs-messages';
import { finiteParts, needsData, ok } from '../shared/result';
import { paceStatus, targetFor } from '../shared/targets';

export const definition = defineKpi({
  id: 'demosBooked',
  family: 'activity',
  name: { en: 'Demos and trials booked', ru: 'Назначенные демо и пробные запуски' },
  formula: {
    en: 'Meetings booked in the period that are demos or trials (by subtype, or a keyword such as "demo" in the title).',
    ru: 'Встречи, назначенные за период и отмеченные как демонстрация или пробный запуск (по подтипу или ключевому слову в названии, например «демо»).',
  },
  needs: ['activities'],
  unit: 'count',
  higherIsBetter: true,
  additive: true,
});

/**
 * Demo and trial meetings booked in the period (by booking date; by meeting date where the CRM gives
 * no booking date), done or still to come. A meeting is a demo when its subtype is demo/trial or its
 * subtype or title contains one of the user's keywords (case-insensitive).
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.activities) return needsData(['activities'], NEEDS_ACTIVITIES);
    // Held by the window's instant: a demo done later was still to come then.
    const held = w.demos.filter((a) => activityDoneAt(a, w.info.at)).length;
    const byMeetingDate = w.demos.filter((a) => a.createdAt === undefined).length;
    const target = targetFor(ctx, slice.members, w.info, 'demos');
    const pace = target ? paceStatus(w.demos.length, target.value, w.info.workingElapsed) : undefined;
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
