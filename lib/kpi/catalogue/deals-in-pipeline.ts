/** dealsInPipeline: the number of open deals now, per stage. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { needsData, ok } from '../shared/result';
import { openDealsByStage } from '../shared/stage-breakdown';

export const definition = defineKpi({
  id: 'dealsInPipeline',
  family: 'pipeline',
  name: { en: 'Deals in the pipeline', ru: 'Сделки в воронке' },
  formula: { en: 'Number of open deals, per rep and per stage.', ru: 'Число открытых сделок по менеджерам и этапам.' },
  needs: ['openDeals'],
  unit: 'count',
  higherIsBetter: true,
  additive: true,
});

/** The number of open deals now, per stage (per owner through the breakdown). */
export const evaluator: Evaluator = {
  comparable: false,
  run({ ctx, slice }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    return ok({
      value: slice.open.length,
      unit: 'count',
      counts: { openDeals: slice.open.length },
      recordType: 'deal',
      recordIds: slice.open.map((r) => r.deal.externalId),
      breakdown: openDealsByStage(ctx, slice.open, () => 1),
    });
  },
};
