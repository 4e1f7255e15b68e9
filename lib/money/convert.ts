import type { Money } from '../model/money';
import { currencyDigits } from './minor';
import type { CurrencyOptions } from './types';

/** An amount in minor units of the reporting currency, or why there is none. */
export type Conversion = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * One amount in the reporting currency, so that sums never mix currencies.
 * Preference order, most trusted first:
 * 1. the CRM's own `convertedAmount` when it is in the reporting currency (the CRM's rate of the day);
 * 2. the `amount` itself when it is already in the reporting currency;
 * 3. the user's rate `options.rates[currency]` (reporting units per unit of the currency), applied to
 *    major units so differing minor digits come out right: JPY 1,000 (0 digits) at 0.0067 is USD 6.70 = 670;
 * 4. otherwise a reject (`no exchange rate for EUR`) that the KPI counts as excluded, never a silent 0.
 * Converted amounts round half away from zero to a whole minor unit.
 */
export function toReporting(amount: Money | undefined, convertedAmount: Money | undefined, options: CurrencyOptions): Conversion {
  const reporting = options.reporting;
  if (convertedAmount && convertedAmount.currency === reporting && Number.isSafeInteger(convertedAmount.minor)) {
    return { ok: true, minor: convertedAmount.minor };
  }
  if (!amount) return { ok: false, reason: 'no amount' };
  if (!Number.isSafeInteger(amount.minor)) return { ok: false, reason: 'amount is not a whole number of minor units' };
  if (amount.currency === reporting) return { ok: true, minor: amount.minor };
  const rate = options.rates[amount.currency];
  if (rate === undefined) return { ok: false, reason: `no exchange rate for ${amount.currency}` };
  if (!Number.isFinite(rate) || rate <= 0) return { ok: false, reason: `invalid exchange rate for ${amount.currency}` };
  const minor = convertMinor(amount.minor, currencyDigits(amount.currency), currencyDigits(reporting), rate);
  if (minor === undefined) return { ok: false, reason: `amount in ${amount.currency} is too large to convert exactly` };
  return { ok: true, minor };
}

/**
 * `minor` units of a currency with `fromDigits` decimals to minor units of one with `toDigits`, at
 * `rate` major-to-major. Float noise (1005 × 1.1 = 1105.5000000000002) is trimmed to 15 significant
 * digits before rounding so a true half rounds consistently.
 */
export function convertMinor(minor: number, fromDigits: number, toDigits: number, rate: number): number | undefined {
  const raw = minor * rate * 10 ** (toDigits - fromDigits);
  if (!Number.isFinite(raw)) return undefined;
  const magnitude = Number(Math.abs(raw).toPrecision(15));
  const rounded = Math.sign(raw) * Math.round(magnitude);
  if (!Number.isSafeInteger(rounded)) return undefined;
  return rounded === 0 ? 0 : rounded; // no -0
}

/** Tally of records left out of a sum, by reason, for a KPI's `excluded` list. */
export type ExclusionTally = Map<string, number>;

export function tally(into: ExclusionTally, reason: string, count = 1): void {
  into.set(reason, (into.get(reason) ?? 0) + count);
}
