import { predictiveClvFromDeals, rankLapseRisk } from '../clv';
import { slimDeals, wholeDealsById } from '../kpi/engine/slim-deals';
import type { Deal } from '../model';
import type { BreakdownRow, KpiData, KpiResult } from '../kpi/types';
import type { CurrencyOptions } from '../money/types';
import { knowsActivity } from './data-clock';
import { recordsById } from './records';

export type AtRiskDeal = {
  id: string;
  title: string;
  url?: string;
  /** The engine's reason in English (kept for the explain text); the UI words it from the figures. */
  reason: string;
  idleDays?: number;
  daysPastClose?: number;
  /** Amount in minor units of the reporting currency, when it converts. */
  amount?: number;
};

export type AtRiskList =
  | {
      status: 'ok';
      total: number;
      deals: AtRiskDeal[];
      staleDays: number;
      amount: number;
      /** The records cannot tell when a deal was last worked on (no activity at all): only deals past their close date are listed. */
      activityUnknown?: boolean;
    }
  | { status: 'unavailable'; reason: string };

/**
 * The rows of `staleDeals` (longest idle first), with each deal's title and CRM link. Where the
 * records know nothing of activity (a file of deals alone), "no activity for N days" would call
 * every open deal idle: only deals past their expected close date stay, and the list says why.
 */
export function atRiskDeals(data: KpiData, stale: KpiResult | undefined, limit = 8): AtRiskList {
  if (!stale) return { status: 'unavailable', reason: 'not computed' };
  if (stale.status === 'needs-data') return { status: 'unavailable', reason: stale.message };
  if (stale.status === 'not-defined') return { status: 'unavailable', reason: stale.reason };
  // Only the shown rows' deals (over the column store, a map of every deal made them all whole).
  const dealsOf = (rows: readonly BreakdownRow[]) => wholeDealsById(data.deals, new Set(rows.map((row) => row.key))) ?? recordsById(data, 'deal');
  const staleDays = stale.parts.staleDays ?? 0;
  if (!knowsActivity(data)) {
    const overdue = (stale.breakdown ?? [])
      .filter((row) => row.extra?.pastCloseDate)
      .map((row): BreakdownRow => ({ ...row, extra: { ...row.extra, noActivity: 0 } }));
    const amount = overdue.reduce((sum, row) => sum + (row.extra?.amount ?? 0), 0);
    return {
      status: 'ok',
      total: overdue.length,
      deals: shownRows(overdue.slice(0, limit), dealsOf),
      staleDays,
      amount,
      activityUnknown: true,
    };
  }
  const rows = shownRows((stale.breakdown ?? []).slice(0, limit), dealsOf);
  return { status: 'ok', total: stale.value, deals: rows, staleDays, amount: stale.parts.amount ?? 0 };
}

function shownRows(rows: readonly BreakdownRow[], dealsOf: (rows: readonly BreakdownRow[]) => ReadonlyMap<string, { url?: string }>): AtRiskDeal[] {
  const deals = dealsOf(rows);
  return rows.map((row) => atRiskRow(row, deals));
}

function atRiskRow(row: BreakdownRow, deals: ReadonlyMap<string, { url?: string }>): AtRiskDeal {
  const extra = row.extra ?? {};
  return {
    id: row.key,
    title: row.label,
    url: deals.get(row.key)?.url,
    reason: row.reason ?? '',
    idleDays: extra.noActivity ? Math.floor(extra.idleDays ?? 0) : undefined,
    daysPastClose: extra.pastCloseDate ? extra.daysPastClose : undefined,
    amount: extra.amount,
  };
}

export type LapseRow = {
  customerId: string;
  name: string;
  url?: string;
  /** Probability the customer is still active, 0–1. */
  pAlive: number;
  /** Expected value the silence has put in doubt, minor units. */
  valueAtRisk: number;
  clv: number;
  /** Weeks since the last purchase. */
  silenceWeeks: number;
};

/** Less value at risk than this (minor units) is not worth a rep's call. */
export const MIN_VALUE_AT_RISK = 100;

export type LapseList =
  | { status: 'ok'; method: 'bg-nbd'; currency: string; customers: number; rows: LapseRow[] }
  | { status: 'cannot-fit'; method: 'bg-nbd'; reason: string }
  | { status: 'needs-data'; reason: string };

/**
 * "Likely to lapse" for the customers in scope: BG/NBD + Gamma-Gamma is fitted on every purchase
 * history of the source (the population the model's parameters describe; a single rep's book is
 * often too small to pin them down), then the scope's customers are ranked by the value their
 * silence puts at risk (lib/clv rankLapseRisk). A customer is in scope when it is owned by, or
 * bought through a deal owned by, an owner in scope.
 */
/** What the lapse list reads of a deal (lib/clv purchasesFromDeals and the scope test below). */
const LAPSE_FIELDS: readonly (keyof Deal)[] = ['externalId', 'ownerId', 'status', 'customerId', 'closedAt', 'amount', 'convertedAmount'];

export function lapseList(
  data: KpiData,
  owners: ReadonlySet<string> | 'all',
  options: { asOf: number; timeZone: string; currency: CurrencyOptions },
  limit = 5,
): LapseList {
  // Over the column store, every deal read as a slim row of what is read here (not a whole record kept per deal).
  const deals = slimDeals(data.deals, LAPSE_FIELDS)?.deals ?? data.deals;
  if (!deals.some((deal) => deal.status === 'won' && deal.customerId !== undefined)) {
    return { status: 'needs-data', reason: 'no won deals linked to customers' };
  }
  const fit = predictiveClvFromDeals(deals, { asOf: options.asOf, timeZone: options.timeZone, currency: options.currency });
  if (fit.status !== 'ok') return { status: 'cannot-fit', method: 'bg-nbd', reason: fit.reason };
  const inScope = new Set<string>();
  for (const customer of data.customers)
    if (owners === 'all' || (customer.ownerId !== undefined && owners.has(customer.ownerId))) inScope.add(customer.externalId);
  for (const deal of deals) if (deal.customerId !== undefined && (owners === 'all' || owners.has(deal.ownerId))) inScope.add(deal.customerId);
  const mine = fit.customers.filter((customer) => inScope.has(customer.customerId));
  const customers = recordsById(data, 'customer');
  // Below one major unit (100 minor) at risk the ranking is noise, not a customer drifting away.
  const ranked = rankLapseRisk(fit.bgnbd.params, mine, { limit: limit * 4 }).filter((risk) => risk.valueAtRisk >= MIN_VALUE_AT_RISK);
  const rows = ranked.slice(0, limit).map((risk): LapseRow => {
    const customer = customers.get(risk.customerId);
    return {
      customerId: risk.customerId,
      name: customer?.name ?? risk.customerId,
      url: customer?.url,
      pAlive: risk.pAlive,
      valueAtRisk: Math.round(risk.valueAtRisk),
      clv: Math.round(risk.clv),
      silenceWeeks: risk.silence,
    };
  });
  return { status: 'ok', method: 'bg-nbd', currency: options.currency.reporting, customers: mine.length, rows };
}
