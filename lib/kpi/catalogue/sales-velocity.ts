/** salesVelocity: open deals × win rate × average deal size ÷ average sales cycle. */
import type { ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, needsData, notDefined, ok } from '../shared/result';
import { sampleOf, weakest } from '../shared/sample';
import { cycleOf } from './avg-sales-cycle';
import { dealSizeOf } from './avg-purchase-value';
import { winRateOf } from './win-rate';

export const definition = defineKpi({
  id: 'salesVelocity',
  family: 'pipeline',
  name: { en: 'Sales velocity (per day)', ru: 'Скорость продаж (в день)' },
  formula: {
    en: 'Open deals × win rate × average deal size ÷ average sales cycle (days).',
    ru: 'Открытые сделки × доля выигранных × средняя сумма сделки ÷ средняя длительность цикла (в днях).',
  },
  needs: ['deals'],
  unit: 'money-per-day',
  higherIsBetter: true,
  additive: false,
  parts: { openDeals: 'count', winRatePct: 'percent', avgDealSize: 'money', avgCycleDays: 'days' },
});

/**
 * Money the pipeline makes per day: open deals × win rate × average deal size ÷ average sales cycle
 * (days). Open deals are those of the window's instant; win rate, deal size and cycle come from the
 * deals closed in the period (up to that instant), so the figure rests on the fewer of its closed and
 * won deals (its sample).
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const rate = winRateOf(w);
    const size = dealSizeOf(w, excluded);
    const cycle = cycleOf(ctx, w, excluded);
    const open = w.open.length;
    const counts = { openDeals: open, won: rate.won, lost: rate.lost };
    if (rate.pct === undefined) return notDefined('no deals closed in the period, so no win rate', { counts });
    if (size.average === undefined) return notDefined('no won deals with an amount in the period', { counts });
    if (cycle.average === undefined) return notDefined('no won deals with a known cycle length in the period', { counts });
    if (cycle.average <= 0) return notDefined('deals were won the moment they were created (cycle of 0 days)', { counts });
    const value = (open * (rate.pct / 100) * size.average) / cycle.average;
    return ok({
      value: Math.round(value),
      unit: `${ctx.reporting}/day`,
      counts,
      parts: { openDeals: open, winRatePct: rate.pct, avgDealSize: size.average, avgCycleDays: cycle.average },
      recordType: 'deal',
      recordIds: w.open.map((r) => r.deal.externalId),
      excluded: excludedList(excluded),
      sample: weakest(sampleOf(ctx, 'closedDeals', rate.won + rate.lost), sampleOf(ctx, 'wonDeals', size.counted)),
    });
  },
};
