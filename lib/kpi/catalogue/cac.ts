/** cac: customer acquisition cost, spend ÷ new customers. */
import type { EvalContext, Evaluator, EvalInput, KpiBody, Slice } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_CUSTOMERS } from '../shared/needs-messages';
import { excludedList, needsData, notDefined, ok } from '../shared/result';

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
});

/** Spend is entered for the whole company, so spend-based figures exist only in the whole-company view. */
export function isCompanyView(ctx: EvalContext, slice: Slice): boolean {
  return slice.key === '*' && ctx.query.scope.ownerIds === 'all' && ctx.query.scope.teamId === undefined;
}

/**
 * Customer acquisition cost: sales + marketing spend in the period (months covered partly count pro
 * rata by days) ÷ customers acquired in the period.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.spend) return needsData(['spend'], 'Enter monthly sales and marketing spend (options → spend) to compute CAC.');
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
    if (!isCompanyView(ctx, slice)) return notDefined('spend is entered for the whole company, so CAC exists only in the whole-company view');
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
    });
  },
};
