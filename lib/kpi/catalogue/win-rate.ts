/** winRate: deals won ÷ deals closed (won + lost) in the period. Sales velocity and the leaderboard reuse winRateOf. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody, Window } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, needsData, notDefined, ok } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'winRate',
  family: 'conversion',
  name: { en: 'Win rate', ru: 'Доля выигранных сделок' },
  formula: {
    en: 'Deals won in the period ÷ (won + lost in the period) × 100.',
    ru: 'Сделки, выигранные за период ÷ (выигранные + проигранные за период) × 100.',
  },
  needs: ['deals'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
});

/** Deals won ÷ deals closed (won + lost) with `closedAt` in the period. */
export function winRateOf(w: Window): { won: number; lost: number; pct: number | undefined } {
  const won = w.won.length;
  const lost = w.lost.length;
  return { won, lost, pct: won + lost > 0 ? (won / (won + lost)) * 100 : undefined };
}

/** Deals won ÷ deals closed (won + lost) with their close date in the period. */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const rate = winRateOf(w);
    const excluded: ExclusionTally = new Map();
    if (slice.closedWithoutCloseDate) tally(excluded, 'closed with no close date', slice.closedWithoutCloseDate);
    if (rate.pct === undefined) return notDefined('no deals closed in the period', { counts: { won: 0, lost: 0 } });
    return ok({
      value: rate.pct,
      unit: '%',
      numerator: rate.won,
      denominator: rate.won + rate.lost,
      counts: { won: rate.won, lost: rate.lost },
      recordType: 'deal',
      recordIds: [...w.won, ...w.lost].map((r) => r.deal.externalId),
      excluded: excludedList(excluded),
      sample: sampleOf(ctx, 'closedDeals', rate.won + rate.lost),
    });
  },
};
