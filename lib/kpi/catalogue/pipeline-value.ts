/** pipelineValue: open deals now, in total, weighted by win probability, and expected in the period. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Deal } from '../../model';
import type { EvalContext, Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, needsData, ok } from '../shared/result';
import { openDealsByStage } from '../shared/stage-breakdown';

export const definition = defineKpi({
  id: 'pipelineValue',
  family: 'pipeline',
  name: { en: 'Pipeline value', ru: 'Стоимость воронки' },
  formula: {
    en: 'Sum of open deal amounts; also weighted by win probability, and the part expected to close in the period.',
    ru: 'Сумма открытых сделок; также взвешенная по вероятности выигрыша и часть, которую ожидают закрыть в периоде.',
  },
  needs: ['openDeals', 'stages'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
});

/** Win probability (0–100) of a deal: its own, else its stage's; undefined when neither is known. */
function probabilityOf(ctx: EvalContext, deal: Deal): number | undefined {
  if (deal.probability !== undefined) return deal.probability;
  return deal.stageId !== undefined ? ctx.stages.get(deal.stageId)?.probability : undefined;
}

/**
 * Open deals now: their total amount, the amount weighted by win probability (the deal's own, else its
 * stage's), and the part expected to close within the period.
 */
export const evaluator: Evaluator = {
  comparable: false,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const { start, end } = w.info.period;
    let total = 0;
    let weighted = 0;
    let expected = 0;
    let expectedWeighted = 0;
    let expectedDeals = 0;
    let unweighted = 0;
    const ids: string[] = [];
    for (const row of slice.open) {
      ids.push(row.deal.externalId);
      if (row.minor === undefined) {
        tally(excluded, row.issue ?? 'no amount');
        continue;
      }
      const probability = probabilityOf(ctx, row.deal);
      const inPeriod = row.deal.expectedCloseAt !== undefined && row.deal.expectedCloseAt >= start && row.deal.expectedCloseAt < end;
      total += row.minor;
      if (inPeriod) {
        expected += row.minor;
        expectedDeals += 1;
      }
      if (probability === undefined) {
        unweighted += 1;
        continue;
      }
      weighted += (row.minor * probability) / 100;
      if (inPeriod) expectedWeighted += (row.minor * probability) / 100;
    }
    if (unweighted) tally(excluded, 'no win probability (left out of the weighted value)', unweighted);
    return ok({
      value: total,
      unit: ctx.reporting,
      counts: { openDeals: slice.open.length, expectedInPeriod: expectedDeals },
      parts: {
        total,
        weighted: Math.round(weighted),
        expectedInPeriod: expected,
        expectedInPeriodWeighted: Math.round(expectedWeighted),
      },
      recordType: 'deal',
      recordIds: ids,
      breakdown: openDealsByStage(ctx, slice.open, (row) => row.minor ?? 0),
      excluded: excludedList(excluded),
    });
  },
};
