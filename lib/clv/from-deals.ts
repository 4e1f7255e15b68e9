import type { Deal } from '../model';
import { toReporting } from '../money/convert';
import type { CurrencyOptions } from '../money/types';
import { dayOfInstant } from './days';
import { predictiveClv, type PredictiveClvOptions, type PredictiveClvResult } from './predictive';
import type { Excluded, Transaction } from './types';

export type DealPurchases = {
  /** One purchase per won deal with a customer, amount in minor units of the reporting currency. */
  transactions: Transaction[];
  /** The deal ids behind the transactions, in the same order. */
  dealIds: string[];
  wonDeals: number;
  /** Won deals left out, and why. */
  excluded: Excluded[];
};

export type DealClvOptions = PredictiveClvOptions & {
  /** Calibration ends on the calendar day of this instant; deals closed later are left out. */
  asOf: number;
  /** The calendar that decides which day a close instant falls on. */
  timeZone: string;
  currency: CurrencyOptions;
};

/**
 * Purchase histories from won deals: a won deal of a customer is a purchase on the
 * local day it closed, worth its amount in the reporting currency (the CRM's converted
 * amount first, then the user's rates; lib/money/convert). Won deals without a customer,
 * close date or convertible amount, closed after `asOf`, or with a negative amount are
 * counted in `excluded`, never dropped silently.
 */
export function purchasesFromDeals(deals: readonly Deal[], options: Pick<DealClvOptions, 'asOf' | 'timeZone' | 'currency'>): DealPurchases {
  const dayOf = dayOfInstant(options.timeZone);
  const reasons = new Map<string, number>();
  const skip = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const transactions: Transaction[] = [];
  const dealIds: string[] = [];
  let wonDeals = 0;
  for (const deal of deals) {
    if (deal.status !== 'won') continue;
    wonDeals++;
    if (deal.customerId === undefined) skip('won deals without a customer');
    else if (deal.closedAt === undefined) skip('won deals without a close date');
    else if (deal.closedAt > options.asOf) skip('won deals closed after the as-of date');
    else {
      const converted = toReporting(deal.amount, deal.convertedAmount, options.currency);
      if (!converted.ok) skip(converted.reason);
      else if (converted.minor < 0) skip('won deals with a negative amount');
      else {
        transactions.push({ customerId: deal.customerId, day: dayOf(deal.closedAt), amount: converted.minor });
        dealIds.push(deal.externalId);
      }
    }
  }
  return { transactions, dealIds, wonDeals, excluded: [...reasons].map(([reason, count]) => ({ count, reason })) };
}

/**
 * `clv` "when purchase histories exist": BG/NBD + Gamma-Gamma over the customers' won
 * deals up to `asOf`. Amounts and the average CLV are in minor units of
 * `options.currency.reporting` (not rounded: round for display). Pure, synchronous.
 */
export function predictiveClvFromDeals(
  deals: readonly Deal[],
  options: DealClvOptions,
): PredictiveClvResult & { currency: string; wonDeals: number; dealIds: readonly string[] } {
  const purchases = purchasesFromDeals(deals, options);
  const result = predictiveClv(purchases.transactions, dayOfInstant(options.timeZone)(options.asOf), options);
  return {
    ...result,
    excluded: [...purchases.excluded, ...result.excluded],
    currency: options.currency.reporting,
    wonDeals: purchases.wonDeals,
    dealIds: purchases.dealIds,
  };
}
