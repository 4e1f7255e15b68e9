/** Where sales come from: regions, contact channels, products. All additive: owners sum to the team. */
import { tally } from '../money/convert';
import { lineToReporting, lineTotal } from './deal-math';
import type { DealRow, EvalContext, Evaluator, EvalInput, KpiBody, Slice } from './engine-types';
import { excludedList, finiteParts, needsData, noteUndatedSales, ok, rankRows } from './result';
import type { BreakdownRow } from './types';

const NEEDS_DEALS = 'Connect a CRM or import deals.';
const UNKNOWN = '(unknown)';

type Group = { label: string; value: number; count: number; extra: Record<string, number> };

/**
 * salesByRegion — won amount and count in the period by the customer's region: the deal's region, else
 * its customer's region, else its customer's country. Deals with none are grouped as unknown.
 */
export const salesByRegion: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.regions) return needsData(['regions'], 'Neither deals nor customers carry a region or country.');
    return grouped(ctx, slice, w.won, (row) => {
      const customer = row.deal.customerId !== undefined ? ctx.customersById.get(row.deal.customerId) : undefined;
      const region = row.deal.region || customer?.region || customer?.country;
      return region ? [region, region] : [UNKNOWN, 'Unknown region'];
    });
  },
};

/**
 * salesByContactMethod — won amount and count in the period by the channel of first contact. Where
 * spend per channel is entered (whole-company view), each channel also shows its spend and the cost per
 * won deal.
 */
export const salesByContactMethod: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.channels) return needsData(['channels'], 'Deals carry no source or channel of first contact.');
    const companyView = slice.key === '*' && ctx.query.scope.ownerIds === 'all' && ctx.query.scope.teamId === undefined;
    const spend = companyView ? ctx.spend[w.slot].byChannel : new Map<string, number>();
    return grouped(
      ctx,
      slice,
      w.won,
      (row) => (row.deal.channel ? [row.deal.channel, row.deal.channel] : [UNKNOWN, 'Unknown channel']),
      (groups) => {
        for (const [channel, amount] of spend) {
          const g = groups.get(channel) ?? { label: channel, value: 0, count: 0, extra: {} };
          g.extra.spend = Math.round(amount);
          if (g.count > 0) g.extra.costPerSale = Math.round(amount / g.count);
          groups.set(channel, g);
        }
      },
    );
  },
};

/**
 * productRevenue — won revenue per product in the period from the deals' line items (quantity × unit
 * price, so discounts on the deal total are not spread over lines), with units sold and share, ranked.
 */
export const productRevenue: Evaluator = {
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

function grouped(
  ctx: EvalContext,
  slice: Slice,
  rows: readonly DealRow[],
  keyOf: (row: DealRow) => [string, string],
  finish?: (groups: Map<string, Group>) => void,
): KpiBody {
  const excluded = noteUndatedSales(slice, new Map());
  const groups = new Map<string, Group>();
  let total = 0;
  let counted = 0;
  const ids: string[] = [];
  for (const row of rows) {
    ids.push(row.deal.externalId);
    if (row.minor === undefined) {
      tally(excluded, row.issue ?? 'no amount');
      continue;
    }
    const [key, label] = keyOf(row);
    const g = groups.get(key) ?? { label, value: 0, count: 0, extra: {} };
    g.value += row.minor;
    g.count += 1;
    groups.set(key, g);
    total += row.minor;
    counted += 1;
  }
  finish?.(groups);
  const breakdown = rankRows(
    [...groups].map(([key, g]) => {
      const row: BreakdownRow = { key, label: g.label, value: g.value, count: g.count };
      return Object.keys(g.extra).length ? { ...row, extra: g.extra } : row;
    }),
    total,
  );
  return ok({
    value: total,
    unit: ctx.reporting,
    counts: { wonDeals: counted, groups: breakdown.length },
    recordType: 'deal',
    recordIds: ids,
    breakdown,
    excluded: excludedList(excluded),
  });
}
