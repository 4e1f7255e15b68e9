/** mrr: recurring revenue movements in the period, netted. Churn reuses sumMovements. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { excludedList, finiteParts, needsData, ok, percent } from '../shared/result';

export const definition = defineKpi({
  id: 'mrr',
  family: 'customers',
  // The headline is the net figure, so the name says so (the spec's "New and expansion MRR", id `mrr`); the explain panel lists its parts.
  name: { en: 'Net new MRR', ru: 'Чистый прирост MRR' },
  formula: {
    en: 'Net new MRR = new + expansion + reactivation − contraction − churned; expansion growth = (expansion MRR now − before) ÷ before × 100.',
    ru: 'Чистый прирост MRR = новый + расширение + возврат − сокращение − отток; рост расширения = (MRR расширения сейчас − в прошлом периоде) ÷ в прошлом периоде × 100.',
  },
  needs: ['mrrMovements'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
});

/**
 * Recurring revenue movements in the period: new (subscriptions that start), expansion, reactivation,
 * contraction and churned MRR; net new MRR = new + expansion + reactivation − contraction − churned (the
 * headline). Expansion growth compares this period's expansion MRR with the compare period's:
 * (expansion now − expansion before) ÷ expansion before × 100; the expansion rate is expansion ÷ MRR at
 * the start × 100.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w, before }: EvalInput): KpiBody {
    if (!ctx.has.mrrMovements) return needsData(['mrrMovements'], 'Connect subscription data (MRR movements) to see recurring revenue.');
    const sums = sumMovements(w.mrr);
    const prior = before ? sumMovements(before.mrr) : undefined;
    const net = sums.new + sums.expansion + sums.reactivation - sums.contraction - sums.churn;
    const newCustomers = new Set(w.mrr.filter((r) => r.movement.kind === 'new').map((r) => r.movement.customerId)).size;
    return ok({
      value: net,
      unit: ctx.reporting,
      counts: { movements: w.mrr.length, newCustomers },
      parts: finiteParts({
        new: sums.new,
        expansion: sums.expansion,
        reactivation: sums.reactivation,
        contraction: sums.contraction,
        churned: sums.churn,
        net,
        mrrStart: w.mrrStart,
        mrrEnd: w.mrrEnd,
        mrrPerNewCustomer: newCustomers ? Math.round(sums.new / newCustomers) : undefined,
        expansionRatePct: w.mrrStart > 0 ? percent(sums.expansion, w.mrrStart) : undefined,
        expansionGrowthPct: prior && prior.expansion > 0 ? percent(sums.expansion - prior.expansion, prior.expansion) : undefined,
      }),
      recordType: 'mrrMovement',
      recordIds: w.mrr.map((r) => r.movement.externalId),
      excluded: excludedList(slice.mrrIssues),
    });
  },
};

/** MRR movement amounts (unsigned) summed by kind. */
export function sumMovements(rows: readonly { movement: { kind: string }; minor: number }[]) {
  const sums = { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0 };
  for (const row of rows) sums[row.movement.kind as keyof typeof sums] += row.minor;
  return sums;
}
