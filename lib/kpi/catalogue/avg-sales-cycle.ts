/** avgSalesCycle: mean days from first contact to close of won deals. Sales velocity reuses cycleOf. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { EvalContext, Evaluator, EvalInput, KpiBody, Window } from '../engine/types';
import { firstContactBy } from '../shared/as-of';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, finiteParts, mean, median, needsData, notDefined, noteUndatedSales, ok } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'avgSalesCycle',
  family: 'pipeline',
  name: { en: 'Average sales cycle', ru: 'Средняя длительность цикла сделки' },
  formula: {
    en: 'Sum over deals won in the period of (closed − first contact or created) ÷ their number, in calendar days; also the median.',
    ru: 'Сумма (дата закрытия − дата первого контакта или создания) по сделкам, выигранным за период ÷ их число, в календарных днях; а также медиана.',
  },
  needs: ['wonDeals'],
  unit: 'days',
  higherIsBetter: false,
  additive: false,
  basis: ['days', 'count'],
  parts: { mean: 'days', median: 'days' },
});

/**
 * Sales cycle of the deals won in the period, in calendar days of the reporting time zone (created on
 * 20 March and won on 30 March is 10 days, whatever the hour or a daylight-saving change between): from
 * first contact where the CRM knows it (and it had happened by then), else from creation, to the close.
 */
export function cycleOf(ctx: EvalContext, w: Window, excluded: ExclusionTally) {
  const days: number[] = [];
  const ids: string[] = [];
  for (const row of w.won) {
    const deal = row.deal;
    const start = firstContactBy(deal, w.info.at) ?? deal.createdAt;
    if (start === undefined || deal.closedAt === undefined) {
      tally(excluded, 'no created date');
      continue;
    }
    if (deal.closedAt < start) {
      tally(excluded, 'closed before it was created');
      continue;
    }
    days.push(ctx.dayNumber(deal.closedAt) - ctx.dayNumber(start));
    ids.push(deal.externalId);
  }
  return { days, ids, average: mean(days), median: median(days) };
}

/**
 * Mean days from first contact (else creation) to close over the deals won in the period; the median
 * beside it, since a few very long deals pull the mean up.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded = noteUndatedSales(slice, new Map());
    const cycle = cycleOf(ctx, w, excluded);
    if (cycle.average === undefined) {
      return notDefined(w.won.length ? 'no won deal in the period has a created date' : 'no deals won in the period', {
        counts: { won: w.won.length },
      });
    }
    return ok({
      value: cycle.average,
      unit: 'days',
      numerator: cycle.days.reduce((a, b) => a + b, 0),
      denominator: cycle.days.length,
      counts: { deals: cycle.days.length },
      parts: finiteParts({ mean: cycle.average, median: cycle.median }),
      recordType: 'deal',
      recordIds: cycle.ids,
      excluded: excludedList(excluded),
      sample: sampleOf(ctx, 'wonDeals', cycle.days.length),
    });
  },
};
