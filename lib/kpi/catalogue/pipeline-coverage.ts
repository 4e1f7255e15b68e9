/** pipelineCoverage: open pipeline expected in the rest of the period ÷ quota still to reach. */
import type { ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { quotaFor } from '../shared/quota';
import { excludedList, needsData, notDefined, ok, sumDeals } from '../shared/result';

export const definition = defineKpi({
  id: 'pipelineCoverage',
  family: 'pipeline',
  name: { en: 'Pipeline coverage', ru: 'Покрытие плана воронкой' },
  formula: {
    en: 'Open pipeline expected to close in the rest of the period ÷ quota still to reach.',
    ru: 'Открытые сделки, которые ожидают закрыть до конца периода ÷ оставшаяся часть плана.',
  },
  needs: ['openDeals', 'quotas'],
  unit: 'ratio',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'money'],
  parts: { pipeline: 'money', remaining: 'money', quota: 'money', sales: 'money' },
});

/**
 * Open pipeline (at the window's instant) expected to close between that day and the end of the period,
 * divided by the part of the quota still to reach. 3× is a common comfort level.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.quotas) return needsData(['quotas'], 'Enter a quota to see how well the pipeline covers it.');
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const { start, end, label } = w.info.period;
    if (w.info.at >= end - 1) return notDefined('the period is over');
    const quota = quotaFor(ctx, slice, w.slot);
    if (!quota) return needsData(['quotas'], `No quota covers ${label}.`);
    const excluded: ExclusionTally = new Map(quota.issues);
    const sales = sumDeals(w.won, excluded);
    const remaining = quota.minor - sales.total;
    if (remaining <= 0) return notDefined('the quota is already reached', { numerator: sales.total, denominator: quota.minor });
    const from = Math.max(start, w.info.todayStart);
    const expected = w.open.filter((r) => r.deal.expectedCloseAt !== undefined && r.deal.expectedCloseAt >= from && r.deal.expectedCloseAt < end);
    const pipeline = sumDeals(expected, excluded);
    return ok({
      value: pipeline.total / remaining,
      unit: 'ratio',
      numerator: pipeline.total,
      denominator: remaining,
      counts: { expectedDeals: expected.length, openDeals: w.open.length },
      parts: { pipeline: pipeline.total, remaining, quota: quota.minor, sales: sales.total },
      recordType: 'deal',
      recordIds: pipeline.ids,
      excluded: excludedList(excluded),
    });
  },
};
