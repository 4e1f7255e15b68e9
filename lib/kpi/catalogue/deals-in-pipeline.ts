/** dealsInPipeline: the number of open deals at an instant, per stage. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { needsData, ok } from '../shared/result';
import { currentStageNote, openDealsByStage } from '../shared/stage-breakdown';

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

/**
 * The number of deals open at the window's instant (now, or the end of a period that is over), per
 * stage at that instant (per owner through the breakdown).
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const at = w.info.openAt;
    return ok({
      value: w.open.length,
      unit: 'count',
      counts: { openDeals: w.open.length },
      recordType: 'deal',
      recordIds: w.open.map((r) => r.deal.externalId),
      breakdown: openDealsByStage(ctx, w.open, at, () => 1),
      notes: currentStageNote(w.open, at),
    });
  },
};
