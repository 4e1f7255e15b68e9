import { DAY_MS } from '../period/units';
import type { CurrencyOptions } from '../money/types';
import { toReporting } from '../money/convert';
import type { Money } from '../model/money';

/** A rate entered longer ago than this is pointed out next to the numbers it converts. */
export const RATE_STALE_AFTER_MS = 30 * DAY_MS;

/** How the figures of a list turn amounts into the reporting currency: the rates, when each was entered, and "now". */
export type MoneyContext = { currency: CurrencyOptions; ratesSetAt: Readonly<Record<string, number>>; asOf: number };

/**
 * An amount in another currency than the reporting one, as a total counts it: in the reporting
 * currency and how (the CRM's own conversion, or the rep's rate), or why it is left out.
 */
export type RowConversion = { ok: true; minor: number; by: 'crm' | 'rate' } | { ok: false; reason: string };

/** What a list's records in one foreign currency were converted with. */
export type RateUsed =
  | { currency: string; by: 'rate'; rate: number; setAt?: number; stale: boolean; records: number }
  | { currency: string; by: 'crm'; records: number }
  | { currency: string; by: 'none'; reason: string; records: number };

/** The conversion of one amount (undefined: already in the reporting currency, or none). */
export function conversionOf(amount: Money | undefined, converted: Money | undefined, money: MoneyContext): RowConversion | undefined {
  if (!amount || amount.currency === money.currency.reporting) return undefined;
  const result = toReporting(amount, converted, money.currency);
  if (!result.ok) return { ok: false, reason: result.reason };
  const byCrm = converted !== undefined && converted.currency === money.currency.reporting && converted.minor === result.minor;
  return { ok: true, minor: result.minor, by: byCrm ? 'crm' : 'rate' };
}

/**
 * The rates behind a list, one line per foreign currency and way of converting (records counted):
 * each rep's rate with the date it was entered, flagged `stale` when older than 30 days at `asOf`
 * or of unknown date; the CRM's own conversions; the currencies left out for want of a rate.
 */
export function ratesUsed(amounts: Iterable<{ amount?: Money; convertedAmount?: Money }>, money: MoneyContext): RateUsed[] {
  const lines = new Map<string, RateUsed>();
  for (const { amount, convertedAmount } of amounts) {
    const conversion = conversionOf(amount, convertedAmount, money);
    if (!conversion || !amount) continue;
    const currency = amount.currency;
    const by = conversion.ok ? conversion.by : 'none';
    const key = `${currency}|${by}`;
    const line = lines.get(key);
    if (line) line.records += 1;
    else if (by === 'rate') {
      const setAt = money.ratesSetAt[currency];
      const stale = setAt === undefined || money.asOf - setAt > RATE_STALE_AFTER_MS;
      lines.set(key, { currency, by, rate: money.currency.rates[currency]!, ...(setAt !== undefined ? { setAt } : {}), stale, records: 1 });
    } else if (by === 'crm') lines.set(key, { currency, by, records: 1 });
    else lines.set(key, { currency, by, reason: conversion.ok ? '' : conversion.reason, records: 1 });
  }
  return [...lines.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.by < b.by ? -1 : 1));
}
