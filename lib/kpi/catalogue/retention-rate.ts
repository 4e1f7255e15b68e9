/** retentionRate: (customers at the end − new ones) ÷ customers at the start. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_CHURN, NEEDS_CUSTOMERS } from '../shared/needs-messages';
import { needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'retentionRate',
  family: 'customers',
  name: { en: 'Customer retention rate', ru: 'Удержание клиентов' },
  formula: {
    en: '(Customers at period end − new customers in the period) ÷ customers at period start × 100.',
    ru: '(Клиенты на конец периода − новые клиенты за период) ÷ клиенты на начало периода × 100.',
  },
  needs: ['customers', 'churnDates'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
});

/**
 * (Customers at period end − new customers acquired in the period) ÷ customers at its start × 100, as
 * the source article defines it. Equals 100 − churn rate unless customers were both acquired and lost
 * within the period (those lower it). Without churn information it would be 100 % by construction: that
 * is needs-data.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
    if (!ctx.has.churnDates) return needsData(['churnDates'], NEEDS_CHURN);
    const t = w.customers;
    const kept = t.atEnd - t.acquiredIds.length;
    const counts = { atStart: t.atStart, atEnd: t.atEnd, acquired: t.acquiredIds.length, lost: t.lostIds.length };
    if (!t.atStart) return notDefined('no customers at period start', { numerator: kept, denominator: 0, counts });
    return ok({
      value: percent(kept, t.atStart),
      unit: '%',
      numerator: kept,
      denominator: t.atStart,
      counts,
      recordType: 'customer',
      recordIds: t.lostIds,
      sample: sampleOf(ctx, 'customers', t.atStart),
    });
  },
};
