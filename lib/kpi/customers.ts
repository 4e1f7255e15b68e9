/** Customer KPIs: what customers cost, what recurring revenue does, and who stays. */
import type { Evaluator, EvalInput, KpiBody, Slice } from './engine-types';
import type { EvalContext } from './engine-types';
import { excludedList, finiteParts, needsData, notDefined, ok, percent } from './result';

const NEEDS_CUSTOMERS = 'Connect a CRM that keeps customers (accounts with acquisition and churn dates).';

/** Spend is entered for the whole company, so spend-based figures exist only in the whole-company view. */
export function isCompanyView(ctx: EvalContext, slice: Slice): boolean {
  return slice.key === '*' && ctx.query.scope.ownerIds === 'all' && ctx.query.scope.teamId === undefined;
}

/**
 * cac — customer acquisition cost: sales + marketing spend in the period (months covered partly count
 * pro rata by days) ÷ customers acquired in the period.
 */
export const cac: Evaluator = {
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

/**
 * mrr — recurring revenue movements in the period: new (subscriptions that start), expansion,
 * reactivation, contraction and churned MRR; net new MRR = new + expansion + reactivation − contraction −
 * churned (the headline). Expansion growth compares this period's expansion MRR with the compare
 * period's: (expansion now − expansion before) ÷ expansion before × 100; the expansion rate is
 * expansion ÷ MRR at the start × 100.
 */
export const mrr: Evaluator = {
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

/**
 * churn — customer churn: customers lost in the period ÷ customers at its start × 100 (customers both
 * won and lost within the period are counted aside, not in the rate). Revenue churn: MRR lost (churned +
 * contraction) ÷ MRR at the start × 100. Passive churn: customers lost for non-payment ÷ customers at
 * the start × 100, where the CRM records churn reasons.
 */
export const churn: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
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
    });
  },
};

/**
 * retentionRate — (customers at period end − new customers acquired in the period) ÷ customers at its
 * start × 100, as the source article defines it. Equals 100 − churn rate unless customers were both
 * acquired and lost within the period (those lower it).
 */
export const retentionRate: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.customers) return needsData(['customers'], NEEDS_CUSTOMERS);
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
    });
  },
};

export function sumMovements(rows: readonly { movement: { kind: string }; minor: number }[]) {
  const sums = { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0 };
  for (const row of rows) sums[row.movement.kind as keyof typeof sums] += row.minor;
  return sums;
}
