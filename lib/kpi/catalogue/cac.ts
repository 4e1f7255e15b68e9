/** cac: customer acquisition cost, spend ÷ new customers. */
import type { EvalContext, Evaluator, EvalInput, KpiBody, Slice } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_CUSTOMERS } from '../shared/needs-messages';
import { excludedList, needsData, notDefined, ok } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'cac',
  family: 'customers',
  name: { en: 'Customer acquisition cost (CAC)', ru: 'Стоимость привлечения клиента (CAC)' },
  formula: {
    en: '(Sales + marketing spend in the period) ÷ new customers in the period.',
    ru: '(Расходы на продажи и маркетинг за период) ÷ число новых клиентов за период.',
  },
  needs: ['spend', 'customers'],
  unit: 'money',
  higherIsBetter: false,
  additive: false,
  basis: ['money', 'count'],
  parts: { salesSpend: 'money', marketingSpend: 'money' },
});

/**
 * Spend is what the person using KPI Lens enters for the people they see: a lead enters the team's,
 * a whole-company view the company's. So spend figures apply to a team or everyone, never to one rep
 * (nobody enters a rep's share of the marketing budget), nor to a rep's slice of a breakdown.
 */
export function spendApplies(ctx: EvalContext, slice: Slice): boolean {
  if (slice.key !== '*') return false;
  const { ownerIds, teamId } = ctx.query.scope;
  return teamId !== undefined || ownerIds === 'all' || ownerIds.length > 1;
}

export const NOT_FOR_ONE_REP = 'spend is entered for the team, not per rep: CAC is shown in the team view';

/**
 * Customer acquisition cost: sales + marketing spend in the period (months covered partly count pro
 * rata by days; while the period is in progress, its days so far) ÷ customers acquired in it, for a
 * team or everyone (see spendApplies).
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!spendApplies(ctx, slice)) return notDefined(NOT_FOR_ONE_REP, { code: 'not-for-one-rep' });
    if (!ctx.has.spend) return needsData(['spend'], 'Enter monthly sales and marketing spend (options → spend) to compute CAC.');
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
    const spend = ctx.spend[w.slot];
    if (!spend.records) return needsData(['spend'], `No spend is entered for ${w.info.period.label}.`);
    const acquired = w.customers.acquiredIds;
    const total = spend.sales + spend.marketing;
    if (!acquired.length) return notDefined('no new customers in the period', { numerator: Math.round(total), denominator: 0 });
    return ok({
      value: Math.round(total / acquired.length),
      unit: ctx.reporting,
      numerator: Math.round(total),
      denominator: acquired.length,
      counts: { newCustomers: acquired.length, spendRecords: spend.records },
      parts: { salesSpend: Math.round(spend.sales), marketingSpend: Math.round(spend.marketing) },
      recordType: 'customer',
      recordIds: acquired,
      excluded: excludedList(spend.issues),
      sample: sampleOf(ctx, 'customers', acquired.length),
    });
  },
};
