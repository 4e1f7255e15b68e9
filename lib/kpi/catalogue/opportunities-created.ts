/** opportunitiesCreated: deals created in the period and their amount. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { dealStatusAt } from '../shared/as-of';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, finiteParts, needsData, ok, sumDeals } from '../shared/result';
import { paceStatus, targetFor } from '../shared/targets';

export const definition = defineKpi({
  id: 'opportunitiesCreated',
  family: 'pipeline',
  name: { en: 'Opportunities created', ru: 'Новые сделки' },
  formula: {
    en: 'Number (and total amount) of deals created in the period.',
    ru: 'Число (и общая сумма) сделок, созданных за период.',
  },
  needs: ['deals'],
  unit: 'count',
  higherIsBetter: true,
  additive: true,
  parts: { amount: 'money', target: 'count', pacePct: 'percent' },
});

/** Deals created in the period (whatever their status as of the window's instant), with their total amount. */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const sum = sumDeals(w.created, excluded);
    // Their status as of the window's instant: a deal won later was open then.
    const won = w.created.filter((r) => dealStatusAt(r.deal, w.info.at) === 'won').length;
    const lost = w.created.filter((r) => dealStatusAt(r.deal, w.info.at) === 'lost').length;
    if (slice.dealsWithoutCreatedAt) tally(excluded, 'no created date', slice.dealsWithoutCreatedAt);
    const target = targetFor(ctx, slice.members, w.info, 'dealsCreated');
    const pace = target ? paceStatus(w.created.length, target.value, w.info.workingElapsed) : undefined;
    return ok({
      value: w.created.length,
      unit: 'count',
      counts: { deals: w.created.length, withAmount: sum.counted, open: w.created.length - won - lost, won, lost },
      parts: finiteParts({ amount: sum.total, target: target?.value, pacePct: pace?.pacePct }),
      recordType: 'deal',
      recordIds: sum.ids,
      excluded: excludedList(excluded),
      target: pace && target ? { value: target.value, status: pace.status } : undefined,
    });
  },
};
