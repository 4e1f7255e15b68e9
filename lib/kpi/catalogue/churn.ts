/** churn: customers lost ÷ customers at the start; revenue churn and passive churn beside it. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_CHURN, NEEDS_CUSTOMERS } from '../shared/needs-messages';
import { excludedList, finiteParts, needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';
import { sumMovements } from './mrr';

export const definition = defineKpi({
  id: 'churn',
  family: 'customers',
  name: { en: 'Churn', ru: 'Отток клиентов' },
  formula: {
    en: 'Customers lost in the period ÷ customers at its start × 100; revenue churn = MRR lost ÷ MRR at start × 100; passive churn = customers lost for non-payment ÷ customers at start × 100.',
    ru: 'Клиенты, ушедшие за период ÷ клиенты на начало периода × 100; отток выручки = потерянный MRR ÷ MRR на начало × 100; пассивный отток = ушедшие из-за неоплаты ÷ клиенты на начало × 100.',
  },
  needs: ['customers', 'churnDates', 'mrrMovements', 'churnReasons'],
  unit: 'percent',
  higherIsBetter: false,
  additive: false,
  parts: {
    customerChurnPct: 'percent',
    passiveChurnPct: 'percent',
    revenueChurnPct: 'percent',
    churnedMrr: 'money',
    contractionMrr: 'money',
    mrrStart: 'money',
  },
});

/**
 * Customer churn: customers lost in the period ÷ customers at its start × 100 (customers both won and
 * lost within the period are counted aside, not in the rate). Customers are accounts with a won deal
 * (or an acquisition date from the CRM); without any churn information in the data (no churn date on
 * any customer, no churn MRR movement), no customer could ever show as lost: that is needs-data, not 0 %. Revenue churn: MRR lost (churned +
 * contraction) ÷ MRR at the start × 100. Passive churn: customers lost for non-payment ÷ customers at
 * the start × 100, where the CRM records churn reasons.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
    if (!ctx.has.churnDates) return needsData(['churnDates'], NEEDS_CHURN);
    const t = w.customers;
    const counts = { atStart: t.atStart, lost: t.lostIds.length, lostPassive: t.lostPassive, lostNew: t.lostNew };
    if (!t.atStart) return notDefined('no customers at period start', { numerator: t.lostIds.length, denominator: 0, counts });
    const sums = ctx.has.mrrMovements ? sumMovements(w.mrr) : undefined;
    const lostMrr = sums ? sums.churn + sums.contraction : undefined;
    return ok({
      value: percent(t.lostIds.length, t.atStart),
      unit: '%',
      numerator: t.lostIds.length,
      denominator: t.atStart,
      counts,
      parts: finiteParts({
        customerChurnPct: percent(t.lostIds.length, t.atStart),
        passiveChurnPct: ctx.has.churnReasons ? percent(t.lostPassive, t.atStart) : undefined,
        revenueChurnPct: lostMrr !== undefined && w.mrrStart > 0 ? percent(lostMrr, w.mrrStart) : undefined,
        churnedMrr: sums?.churn,
        contractionMrr: sums?.contraction,
        mrrStart: sums ? w.mrrStart : undefined,
      }),
      recordType: 'customer',
      recordIds: t.lostIds,
      excluded: sums ? excludedList(slice.mrrIssues) : undefined,
      sample: sampleOf(ctx, 'customers', t.atStart),
    });
  },
};
