/**
 * clv: customer lifetime value, with the method as a plug-in (see ../clv-types.ts): `historical` and the
 * simple `predictive` formula are built in; a fitted model (BG/NBD + Gamma-Gamma from lib/clv) is passed
 * to computeKpis and chosen with `settings.clvMethod`. ltvToCac reuses this evaluator.
 */
import type { ExclusionTally } from '../../money/convert';
import type { ClvEstimate, ClvInput, ClvMethod, ClvTransaction } from '../clv-types';
import type { Evaluator, EvalInput, KpiBody, Window } from '../engine/types';
import { defineKpi } from '../shared/define';
import { finiteParts, needsData, notDefined, ok, sumDeals } from '../shared/result';
import { sampleOf } from '../shared/sample';
import type { DataNeed } from '../types';
import { marginOf } from './avg-profit-margin';

export const definition = defineKpi({
  id: 'clv',
  family: 'customers',
  name: { en: 'Customer lifetime value (CLV)', ru: 'Пожизненная ценность клиента (CLV)' },
  formula: {
    en: 'Historical: average revenue per customer over its life so far. Predictive: average monthly revenue per customer × gross margin ÷ monthly customer churn.',
    ru: 'Историческая: средняя выручка с клиента за всё время. Прогнозная: средняя выручка с клиента в месяц × валовая маржа ÷ месячный отток клиентов.',
  },
  needs: ['wonDeals', 'customers', 'costs'],
  unit: 'money',
  higherIsBetter: true,
  additive: false,
  parts: { revenue: 'money', monthlyRevenuePerCustomer: 'money', marginPct: 'percent', monthlyChurnPct: 'percent', historical: 'money', predictive: 'money' },
});

/** historical — lifetime revenue per customer so far: all won revenue of customers ÷ number of customers. */
export const historicalClv: ClvMethod = {
  id: 'historical',
  name: { en: 'Historical (revenue per customer so far)', ru: 'Историческая (выручка на клиента на сегодня)' },
  estimate(input) {
    const customers = new Set(input.transactions.map((t) => t.customerId));
    if (!customers.size) {
      return { ok: false, missing: ['wonDeals', 'customers'], reason: 'no won deals linked to customers' };
    }
    const total = input.transactions.reduce((sum, t) => sum + t.minor, 0);
    return {
      ok: true,
      value: Math.round(total / customers.size),
      parts: { revenue: total },
      counts: { customers: customers.size, purchases: input.transactions.length },
      recordIds: input.transactions.map((t) => t.dealId),
    };
  },
};

/**
 * predictive — average monthly revenue per customer × gross margin ÷ monthly customer churn: the margin
 * a customer brings per month over an expected lifetime of 1 ÷ churn months.
 */
export const predictiveClv: ClvMethod = {
  id: 'predictive',
  name: { en: 'Predictive (monthly revenue × margin ÷ churn)', ru: 'Прогнозная (выручка в месяц × маржа ÷ отток)' },
  estimate(input) {
    const missing: DataNeed[] = [];
    if (input.monthlyRevenuePerCustomer === undefined) missing.push('wonDeals');
    if (input.marginPct === undefined) missing.push('costs');
    if (input.monthlyChurn === undefined) missing.push('churnDates');
    if (missing.length) return { ok: false, missing, reason: `needs ${missing.join(', ')}` };
    const revenue = input.monthlyRevenuePerCustomer as number;
    const margin = input.marginPct as number;
    const churn = input.monthlyChurn as number;
    if (churn <= 0) return { ok: false, reason: 'no customer churned in the period, so the expected lifetime is unbounded' };
    return {
      ok: true,
      value: Math.round((revenue * (margin / 100)) / churn),
      parts: { monthlyRevenuePerCustomer: Math.round(revenue), marginPct: margin, monthlyChurnPct: churn * 100, lifetimeMonths: 1 / churn },
    };
  },
};

const BUILT_IN: readonly ClvMethod[] = [historicalClv, predictiveClv];

/** Average customer lifetime value by the chosen method, with both built-in figures beside it. */
export const evaluator: Evaluator = {
  comparable: true,
  run(input: EvalInput): KpiBody {
    // ltvToCac asks for the same window's CLV again: compute it once.
    const cached = clvResults.get(input.w);
    if (cached) return cached;
    const body = computeClv(input);
    clvResults.set(input.w, body);
    return body;
  },
};

const clvResults = new WeakMap<Window, KpiBody>();

function computeClv(input: EvalInput): KpiBody {
  const { ctx } = input;
  if (!ctx.has.deals && !ctx.has.mrrMovements) return needsData(['wonDeals'], 'Connect a CRM with won deals or MRR data.');
  const clvInput = clvInputOf(input);
  const methods = [...BUILT_IN, ...ctx.clvMethods];
  const estimates = new Map<string, ClvEstimate>(BUILT_IN.map((m) => [m.id, m.estimate(clvInput)]));
  const wanted = ctx.query.settings.clvMethod;
  let chosen: ClvMethod | undefined;
  if (wanted !== undefined) {
    chosen = methods.find((m) => m.id === wanted);
    if (!chosen) return notDefined(`unknown CLV method "${wanted}" (known: ${methods.map((m) => m.id).join(', ')})`);
  } else {
    chosen = estimates.get('predictive')?.ok ? predictiveClv : historicalClv;
  }
  const estimate = estimates.get(chosen.id) ?? safeEstimate(chosen, clvInput);
  if (!estimate.ok) {
    if (estimate.missing?.length) return needsData(estimate.missing, `CLV (${chosen.id}) ${estimate.reason}.`);
    return notDefined(estimate.reason);
  }
  const hist = estimates.get('historical');
  const pred = estimates.get('predictive');
  return ok({
    value: estimate.value,
    unit: ctx.reporting,
    counts: { ...estimate.counts, customersAtStart: clvInput.customersAtStart, customersLost: clvInput.customersLost },
    parts: finiteParts({
      ...estimate.parts,
      historical: hist?.ok ? hist.value : undefined,
      predictive: pred?.ok ? pred.value : undefined,
    }),
    recordType: 'deal',
    recordIds: estimate.recordIds ?? clvInput.transactions.map((t) => t.dealId),
    method: chosen.id,
    // Historical CLV averages over the customers with purchases; the predictive formula rests on the churn of those at the start.
    sample: sampleOf(ctx, 'customers', chosen.id === 'predictive' ? clvInput.customersAtStart : (estimate.counts?.customers ?? clvInput.customersAtStart)),
  });
}

function safeEstimate(method: ClvMethod, input: ClvInput): ClvEstimate {
  try {
    const estimate = method.estimate(input);
    if (estimate.ok && !Number.isFinite(estimate.value)) return { ok: false, reason: `the ${method.id} model gave no finite value` };
    return estimate;
  } catch (error) {
    return { ok: false, reason: `the ${method.id} model failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Everything a CLV method may read, from the index: purchases, churn, margin, revenue per customer. */
export function clvInputOf({ ctx, slice, w }: EvalInput): ClvInput {
  // Purchases made by the end of what exists of the period (never after the window's instant).
  const last = Math.min(w.info.at, w.info.span.end - 1);
  const transactions: ClvTransaction[] = [];
  for (const row of slice.wonAll) {
    const { customerId, closedAt, externalId } = row.deal;
    if (customerId === undefined || closedAt === undefined || closedAt > last || row.minor === undefined) continue;
    transactions.push({ customerId, dealId: externalId, at: closedAt, minor: row.minor });
  }
  transactions.sort((a, b) => a.at - b.at || (a.dealId < b.dealId ? -1 : 1));
  const ignored: ExclusionTally = new Map();
  const t = w.customers;
  // Rates per month over what exists of the period (its elapsed days while it is in progress).
  const months = w.info.spanMonths;
  const marginPct = marginOf(ctx, w.won, ignored).pct ?? ctx.query.settings.defaultMarginPct;
  // Without churn information no customer can show as lost: a churn of 0 would make the lifetime endless.
  const monthlyChurn = ctx.has.churnDates && t.atStart > 0 && months > 0 ? t.lostIds.length / t.atStart / months : undefined;
  let monthlyRevenuePerCustomer: number | undefined;
  let revenueBasis: ClvInput['revenueBasis'];
  const paying = [...w.mrrByCustomerEnd.values()].filter((v) => v > 0).length;
  if (ctx.has.mrrMovements && paying > 0) {
    monthlyRevenuePerCustomer = w.mrrEnd / paying;
    revenueBasis = 'mrr';
  } else if (t.atEnd > 0 && months > 0 && w.won.length) {
    monthlyRevenuePerCustomer = sumDeals(w.won, ignored).total / t.atEnd / months;
    revenueBasis = 'won-deals';
  }
  return {
    period: w.info.period,
    asOf: w.info.at,
    reporting: ctx.reporting,
    transactions,
    marginPct,
    monthlyChurn,
    monthlyRevenuePerCustomer,
    revenueBasis,
    customersAtStart: t.atStart,
    customersLost: t.lostIds.length,
  };
}
