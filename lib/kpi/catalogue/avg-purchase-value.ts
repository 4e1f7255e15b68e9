/** avgPurchaseValue: average deal size. Sales velocity reuses dealSizeOf. */
import type { ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody, Window } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, finiteParts, median, needsData, notDefined, noteUndatedSales, ok, sumDeals } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'avgPurchaseValue',
  family: 'revenue',
  name: { en: 'Average deal size', ru: 'Средний чек' },
  formula: { en: 'Total won amount ÷ number of won deals.', ru: 'Сумма выигранных сделок ÷ их число.' },
  needs: ['wonDeals'],
  unit: 'money',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'count'],
  parts: { median: 'money' },
});

/** Average won amount, over won deals whose amount could be put in the reporting currency. */
export function dealSizeOf(w: Window, excluded: ExclusionTally) {
  const sum = sumDeals(w.won, excluded);
  const amounts = w.won.flatMap((row) => (row.minor === undefined ? [] : [row.minor]));
  return { ...sum, average: sum.counted > 0 ? sum.total / sum.counted : undefined, median: median(amounts) };
}

/** Average deal size: total won amount ÷ number of won deals (with an amount). */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const size = dealSizeOf(w, excluded);
    if (size.average === undefined) {
      const why = excludedList(excluded)
        ?.map((e) => `${e.count} ${e.reason}`)
        .join(', ');
      return notDefined(w.won.length ? `no won deal in the period has a usable amount (${why})` : 'no deals won in the period', {
        counts: { won: w.won.length },
      });
    }
    return ok({
      value: Math.round(size.average),
      unit: ctx.reporting,
      numerator: size.total,
      denominator: size.counted,
      counts: { wonDeals: size.counted },
      parts: finiteParts({ median: size.median !== undefined ? Math.round(size.median) : undefined }),
      recordType: 'deal',
      recordIds: size.ids,
      excluded: excludedList(noteUndatedSales(slice, excluded)),
      sample: sampleOf(ctx, 'wonDeals', size.counted),
    });
  },
};
