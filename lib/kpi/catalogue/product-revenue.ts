/** productRevenue: won revenue, units and share per product, from the deals' line items. */
import { tally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { lineToReporting, lineTotal } from '../shared/line-items';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, finiteParts, needsData, noteUndatedSales, ok, rankRows } from '../shared/result';
import type { Group } from '../shared/won-deals-by-group';
import type { BreakdownRow } from '../types';

export const definition = defineKpi({
  id: 'productRevenue',
  family: 'revenue',
  name: { en: 'Revenue by product', ru: 'Выручка по продуктам' },
  formula: {
    en: 'Won revenue, units and share of revenue per product, ranked.',
    ru: 'Выручка, количество и доля в выручке по каждому продукту в выигранных сделках, по убыванию.',
  },
  needs: ['wonDeals', 'lineItems'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
});

/**
 * Won revenue per product in the period from the deals' line items (quantity × unit price, so discounts
 * on the deal total are not spread over lines), with units sold and share, ranked.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.lineItems) return needsData(['lineItems'], 'Deals carry no products (line items).');
    const excluded = noteUndatedSales(slice, new Map());
    const groups = new Map<string, Group & { deals: Set<string> }>();
    const ids: string[] = [];
    let total = 0;
    for (const row of w.won) {
      const deal = row.deal;
      if (!deal.lineItems.length) {
        tally(excluded, 'won deal with no line items');
        continue;
      }
      ids.push(deal.externalId);
      for (const line of deal.lineItems) {
        const amount = lineToReporting(ctx, deal, lineTotal(line.quantity, line.unitPrice));
        if (!amount.ok) {
          tally(excluded, `line item: ${amount.reason}`);
          continue;
        }
        const key = line.productId ?? `name:${line.name}`;
        const label = (line.productId !== undefined ? ctx.products.get(line.productId)?.name : undefined) ?? line.name;
        const g = groups.get(key) ?? { label, value: 0, count: 0, extra: { units: 0 }, deals: new Set<string>() };
        // A product missing from the catalogue is named by its lines; the first name alphabetically, so
        // the label does not depend on which deal came first.
        if (label < g.label) g.label = label;
        g.value += amount.minor;
        g.extra.units = (g.extra.units ?? 0) + line.quantity;
        g.deals.add(deal.externalId);
        g.count = g.deals.size;
        groups.set(key, g);
        total += amount.minor;
      }
    }
    const rows = rankRows(
      [...groups].map(([key, g]) => ({ key, label: g.label, value: g.value, count: g.count, extra: { ...g.extra } }) as BreakdownRow),
      total,
    );
    rows.forEach((row, i) => (row.extra = { ...row.extra, rank: i + 1 }));
    return ok({
      value: total,
      unit: ctx.reporting,
      counts: { wonDeals: ids.length, products: rows.length },
      parts: finiteParts({ topProductShare: rows[0]?.share }),
      recordType: 'deal',
      recordIds: ids,
      breakdown: rows,
      excluded: excludedList(excluded),
    });
  },
};
