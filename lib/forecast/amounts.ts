/**
 * Amounts in the reporting currency. A won deal counts with its own amount only (sales are what was
 * sold); an open deal's amount is its own, else its products at their prices (a line without a price
 * takes its product's list price), else its owner's average won deal, else the team's, and the
 * forecast says which. An open deal's amount of 0 is taken as not filled in.
 */
import type { Deal, Product } from '../model';
import { toReporting, type CurrencyOptions } from '../money';
import type { DealTable } from './deal-table';
import type { AmountSource } from './types';

export type Amount = { minor: number; source: AmountSource } | { minor: null; source: 'none'; issue: string };

/** The deal's own amount in reporting minor units, or why there is none. */
export function ownAmount(deal: Deal, currency: CurrencyOptions): { minor: number } | { issue: string } {
  const c = toReporting(deal.amount, deal.convertedAmount, currency);
  return c.ok ? { minor: c.minor } : { issue: c.reason };
}

/** Its lines at their prices (a line priced 0 or without a price takes its product's list price). */
export function productsAmount(deal: Deal, products: ReadonlyMap<string, Product>, currency: CurrencyOptions): number | undefined {
  if (!deal.lineItems.length) return undefined;
  let total = 0;
  for (const line of deal.lineItems) {
    const listed = line.productId !== undefined ? products.get(line.productId)?.unitPrice : undefined;
    const price = line.unitPrice.minor > 0 ? line.unitPrice : listed;
    if (!price) return undefined;
    const c = toReporting({ minor: Math.round(line.quantity * price.minor), currency: price.currency }, undefined, currency);
    if (!c.ok) return undefined;
    total += c.minor;
  }
  return total > 0 ? total : undefined;
}

export type Averages = { byOwner: ReadonlyMap<string, { mean: number; n: number }>; team: { mean: number; n: number } | undefined };

/** Average won deal per owner and for everyone, over won deals closed in [from, to] with an amount. */
export function wonAverages(table: Pick<DealTable, 'ids' | 'won' | 'closed' | 'owner' | 'ownerIds' | 'amount'>, from: number, to: number): Averages {
  const sums = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  let n = 0;
  for (let i = 0; i < table.ids.length; i += 1) {
    const closed = table.closed[i] as number;
    const own = table.amount[i] as number;
    // Won with a close date in the window (NaN: none) and an amount that converts (NaN: none).
    if (!table.won[i] || !(closed >= from && closed <= to) || own !== own) continue;
    const ownerId = table.ownerIds[table.owner[i] as number] as string;
    const s = sums.get(ownerId) ?? { sum: 0, n: 0 };
    s.sum += own;
    s.n += 1;
    sums.set(ownerId, s);
    sum += own;
    n += 1;
  }
  const byOwner = new Map([...sums].map(([id, s]) => [id, { mean: s.sum / s.n, n: s.n }]));
  return { byOwner, team: n ? { mean: sum / n, n } : undefined };
}

/** The amount an open deal is forecast with, and where it came from. */
export function openDealAmount(deal: Deal, products: ReadonlyMap<string, Product>, averages: Averages, currency: CurrencyOptions): Amount {
  const own = ownAmount(deal, currency);
  if ('minor' in own && own.minor > 0) return { minor: own.minor, source: 'deal' };
  const lines = productsAmount(deal, products, currency);
  if (lines !== undefined) return { minor: lines, source: 'products' };
  const owner = averages.byOwner.get(deal.ownerId);
  if (owner) return { minor: Math.round(owner.mean), source: 'owner-average' };
  if (averages.team) return { minor: Math.round(averages.team.mean), source: 'team-average' };
  return { minor: null, source: 'none', issue: 'minor' in own ? 'no amount' : own.issue };
}
