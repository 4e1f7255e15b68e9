/** Figures several KPIs share: win rate, deal size, cycle length, win probability, costs of a deal. */
import type { Deal, Money } from '../model';
import { tally, toReporting, type Conversion, type ExclusionTally } from '../money/convert';
import type { DealRow, EvalContext, Window } from './engine-types';
import { mean, median, msToDays, sumDeals } from './result';

/** Deals won ÷ deals closed (won + lost) with `closedAt` in the period. */
export function winRateOf(w: Window): { won: number; lost: number; pct: number | undefined } {
  const won = w.won.length;
  const lost = w.lost.length;
  return { won, lost, pct: won + lost > 0 ? (won / (won + lost)) * 100 : undefined };
}

/** Average won amount, over won deals whose amount could be put in the reporting currency. */
export function dealSizeOf(w: Window, excluded: ExclusionTally) {
  const sum = sumDeals(w.won, excluded);
  const amounts = w.won.flatMap((row) => (row.minor === undefined ? [] : [row.minor]));
  return { ...sum, average: sum.counted > 0 ? sum.total / sum.counted : undefined, median: median(amounts) };
}

/**
 * Sales cycle of the deals won in the period, in days: from first contact where the CRM knows it, else
 * from creation, to the close.
 */
export function cycleOf(w: Window, excluded: ExclusionTally) {
  const days: number[] = [];
  const ids: string[] = [];
  for (const row of w.won) {
    const deal = row.deal;
    const start = deal.firstContactAt ?? deal.createdAt;
    if (start === undefined || deal.closedAt === undefined) {
      tally(excluded, 'no created date');
      continue;
    }
    if (deal.closedAt < start) {
      tally(excluded, 'closed before it was created');
      continue;
    }
    days.push(msToDays(deal.closedAt - start));
    ids.push(deal.externalId);
  }
  return { days, ids, average: mean(days), median: median(days) };
}

/** Win probability (0–100) of a deal: its own, else its stage's; undefined when neither is known. */
export function probabilityOf(ctx: EvalContext, deal: Deal): number | undefined {
  if (deal.probability !== undefined) return deal.probability;
  return deal.stageId !== undefined ? ctx.stages.get(deal.stageId)?.probability : undefined;
}

/**
 * A line-item amount in the reporting currency. Lines in the deal's own currency use the rate implied
 * by the CRM's converted amount (the CRM's rate of the day), like the deal itself; others use user rates.
 */
export function lineToReporting(ctx: EvalContext, deal: Deal, money: Money): Conversion {
  const { amount, convertedAmount } = deal;
  if (
    amount &&
    convertedAmount &&
    amount.minor !== 0 &&
    amount.currency === money.currency &&
    convertedAmount.currency === ctx.reporting &&
    money.currency !== ctx.reporting
  ) {
    return { ok: true, minor: Math.round((money.minor * convertedAmount.minor) / amount.minor) };
  }
  return toReporting(money, undefined, ctx.query.currency);
}

/** quantity × unit amount, rounded to a whole minor unit (quantities may be fractional). */
export function lineTotal(quantity: number, unit: Money): Money {
  return { minor: Math.round(quantity * unit.minor), currency: unit.currency };
}

/**
 * Direct cost of a won deal: the deal's own cost field, else the sum of its lines' unit cost × quantity
 * (a line without a unit cost takes its product's). Undefined when any line's cost is unknown, since a
 * partial cost would inflate the margin.
 */
export function costOf(ctx: EvalContext, row: DealRow): { minor: number } | { reason: string } {
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
