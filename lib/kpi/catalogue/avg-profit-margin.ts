/** avgProfitMargin: (revenue − direct costs) ÷ revenue over won deals with costs. CLV reuses marginOf. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { DealRow, EvalContext, Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { lineToReporting, lineTotal } from '../shared/line-items';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, finiteParts, mean, needsData, notDefined, noteUndatedSales, ok } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'avgProfitMargin',
  family: 'revenue',
  name: { en: 'Average profit margin', ru: 'Средняя маржинальность' },
  formula: {
    en: '(Revenue − direct costs) ÷ revenue × 100 over won deals that have costs.',
    ru: '(Выручка − прямые затраты) ÷ выручка × 100 по выигранным сделкам с известными затратами.',
  },
  needs: ['wonDeals', 'costs'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'money'],
  parts: { revenue: 'money', costs: 'money', profit: 'money', meanOfDealsPct: 'percent' },
});

/**
 * Direct cost of a won deal: the deal's own cost field, else the sum of its lines' unit cost × quantity
 * (a line without a unit cost takes its product's). Undefined when any line's cost is unknown, since a
 * partial cost would inflate the margin.
 */
function costOf(ctx: EvalContext, row: DealRow): { minor: number } | { reason: string } {
  const deal = row.deal;
  if (deal.directCost) {
    const c = lineToReporting(ctx, deal, deal.directCost);
    return c.ok ? { minor: c.minor } : { reason: `cost: ${c.reason}` };
  }
  if (!deal.lineItems.length) return { reason: 'no costs' };
  let minor = 0;
  for (const line of deal.lineItems) {
    const unitCost = line.unitCost ?? (line.productId !== undefined ? ctx.products.get(line.productId)?.unitCost : undefined);
    if (!unitCost) return { reason: 'no costs' };
    const c = lineToReporting(ctx, deal, lineTotal(line.quantity, unitCost));
    if (!c.ok) return { reason: `cost: ${c.reason}` };
    minor += c.minor;
  }
  return { minor };
}

/**
 * Gross margin of the won deals in a window: (revenue − direct costs) ÷ revenue, over deals with costs.
 * With a default margin set, deals without costs are assumed to have it (and counted as assumed).
 */
export function marginOf(ctx: EvalContext, rows: readonly DealRow[], excluded: ExclusionTally) {
  const fallback = ctx.query.settings.defaultMarginPct;
  let revenue = 0;
  let cost = 0;
  let deals = 0;
  let assumed = 0;
  const perDeal: number[] = [];
  const ids: string[] = [];
  for (const row of rows) {
    if (row.minor === undefined) {
      tally(excluded, row.issue ?? 'no amount');
      continue;
    }
    const known = costOf(ctx, row);
    let dealCost: number;
    if ('minor' in known) dealCost = known.minor;
    else if (fallback !== undefined && known.reason === 'no costs') {
      dealCost = row.minor * (1 - fallback / 100);
      assumed += 1;
    } else {
      tally(excluded, known.reason);
      continue;
    }
    revenue += row.minor;
    cost += dealCost;
    deals += 1;
    ids.push(row.deal.externalId);
    if (row.minor > 0) perDeal.push(((row.minor - dealCost) / row.minor) * 100);
  }
  const pct = revenue > 0 ? ((revenue - cost) / revenue) * 100 : undefined;
  return { revenue, cost, deals, assumed, ids, pct, meanOfDeals: mean(perDeal) };
}

/**
 * (Revenue − direct costs) ÷ revenue × 100 over the won deals of the period that have costs (the deal's
 * cost field, or unit cost × quantity on every line); revenue-weighted, with the plain mean of the
 * deals' own margins beside it.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.costs) {
      return needsData(['costs'], 'Enter unit costs on products or line items, a cost on deals, or a default margin.');
    }
    const excluded: ExclusionTally = new Map();
    const margin = marginOf(ctx, w.won, excluded);
    if (margin.pct === undefined) {
      return notDefined('no revenue from won deals with costs in the period', { counts: { wonDeals: w.won.length, withCosts: margin.deals } });
    }
    return ok({
      value: margin.pct,
      unit: '%',
      numerator: margin.revenue - margin.cost,
      denominator: margin.revenue,
      counts: { wonDeals: margin.deals, assumedMargin: margin.assumed },
      parts: finiteParts({
        revenue: margin.revenue,
        costs: Math.round(margin.cost),
        profit: Math.round(margin.revenue - margin.cost),
        meanOfDealsPct: margin.meanOfDeals,
      }),
      recordType: 'deal',
      recordIds: margin.ids,
      excluded: excludedList(noteUndatedSales(slice, excluded)),
      method: margin.assumed ? 'costs-and-default-margin' : 'costs',
      sample: sampleOf(ctx, 'wonDeals', margin.deals),
    });
  },
};
