/** salesGrowth: sales this period against the compare period. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, needsData, notDefined, noteUndatedSales, ok, percent, sumDeals } from '../shared/result';
import { sampleOf, weakest } from '../shared/sample';

export const definition = defineKpi({
  id: 'salesGrowth',
  family: 'revenue',
  name: { en: 'Sales growth rate', ru: 'Темп роста продаж' },
  formula: {
    en: '(Sales this period − sales previous period) ÷ sales previous period × 100.',
    ru: '(Продажи за период − продажи за предыдущий период) ÷ продажи за предыдущий период × 100.',
  },
  needs: ['wonDeals'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'money'],
  parts: { current: 'money', previous: 'money' },
});

/**
 * (Sales this period − sales in the compare period) ÷ sales in the compare period × 100. The compare
 * period is the previous one unless the query names another (e.g. the same month last year); while the
 * period is in progress both are their elapsed spans (like for like). It rests on the won deals of the
 * smaller side (its sample).
 */
export const evaluator: Evaluator = {
  comparable: false,
  run({ ctx, slice, w, before }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!before) return notDefined('no earlier period to compare with');
    const excluded = noteUndatedSales(slice, new Map());
    const current = sumDeals(w.won, excluded);
    const previous = sumDeals(before.won, excluded);
    const counts = { wonDeals: w.won.length, previousWonDeals: before.won.length };
    if (previous.total <= 0) {
      return notDefined('no sales in the compare period', { numerator: current.total, denominator: previous.total, counts });
    }
    return ok({
      value: percent(current.total - previous.total, previous.total),
      unit: '%',
      numerator: current.total - previous.total,
      denominator: previous.total,
      counts,
      parts: { current: current.total, previous: previous.total },
      recordType: 'deal',
      recordIds: current.ids,
      excluded: excludedList(excluded),
      sample: weakest(sampleOf(ctx, 'wonDeals', current.counted), sampleOf(ctx, 'wonDeals', previous.counted)),
    });
  },
};
