import { expectedPurchases, pAlive } from './bgnbd-predict';
import { expectedSpend } from './gamma-gamma';
import { TripleMap } from './triple-map';
import type { BgNbdParams, CustomerSummary, GammaGammaParams, PurchaseHistory, SpendHistory } from './types';

/** Weeks in a mean Gregorian year (365.25 days / 7). */
export const WEEKS_PER_YEAR = 365.25 / 7;

/**
 * How the future is valued. Times are in the model's time unit (weeks by default).
 *
 * Method: the horizon is cut into steps (a month, 1/12 year, by default; the last one
 * may be shorter). Expected purchases in step k are E[Y(t_k)] − E[Y(t_{k−1})] from BG/NBD,
 * each worth the Gamma-Gamma expected spend, discounted to today from the end of the step
 * with the annual rate: factor (1 + rate)^(−t_k / year). With monthly steps that is the
 * usual monthly rate (1 + rate)^(1/12) − 1 compounded month by month.
 */
export type ClvOptions = {
  /** How far ahead to count purchases, in time units (e.g. 52 weeks). */
  horizon: number;
  /** Annual discount rate, e.g. 0.1 for 10 %. */
  annualDiscountRate: number;
  /** Time units in a year; 52.18 for weeks. */
  unitsPerYear?: number;
  /** Length of one step; one twelfth of a year by default. */
  step?: number;
  /** Share of spend kept as profit (gross margin, 0–1); 1 gives revenue CLV. */
  margin?: number;
};

export type CustomerPrediction = CustomerSummary & {
  /** Probability that the customer is still active at the end of calibration. */
  pAlive: number;
  /** Expected repeat purchases within the horizon. */
  expectedPurchases: number;
  /** Expected spend per future purchase (Gamma-Gamma; the population mean when x = 0). */
  expectedSpend: number;
  /** Discounted expected value over the horizon, in the transactions' money unit. */
  clv: number;
};

/** Expected purchases within the horizon and their discounted value for one customer. */
export function customerClv(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customer: PurchaseHistory & SpendHistory,
  options: ClvOptions,
): { expectedPurchases: number; expectedSpend: number; clv: number } {
  const { margin = 1 } = checkOptions(options);
  const purchases = discountedPurchases(bgnbd, customer, options);
  const spend = expectedSpend(gammaGamma, customer);
  return { expectedPurchases: purchases.expected, expectedSpend: spend, clv: purchases.discounted * spend * margin };
}

/**
 * Predictions for every customer: P(alive), expected purchases, expected spend and CLV.
 * Customers with the same (x, t_x, T), such as the one-time buyers of one day, share
 * one purchase forecast; only their spend differs.
 */
export function predictCustomers(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customers: readonly CustomerSummary[],
  options: ClvOptions,
): CustomerPrediction[] {
  const { margin = 1 } = checkOptions(options);
  const forecasts = new TripleMap<{ pAlive: number; expected: number; discounted: number }>();
  return customers.map((customer) => {
    const { x, tx, T } = customer;
    let forecast = forecasts.get(x, tx, T);
    if (!forecast) {
      forecast = { pAlive: pAlive(bgnbd, customer), ...discountedPurchases(bgnbd, customer, options) };
      forecasts.set(x, tx, T, forecast);
    }
    const spend = expectedSpend(gammaGamma, customer);
    // Built field by field: object spread is slow in bulk once transpiled.
    const prediction: CustomerPrediction = {
      customerId: customer.customerId,
      x,
      tx,
      T,
      mx: customer.mx,
      firstDay: customer.firstDay,
      pAlive: forecast.pAlive,
      expectedPurchases: forecast.expected,
      expectedSpend: spend,
      clv: forecast.discounted * spend * margin,
    };
    if (customer.holdout) prediction.holdout = customer.holdout;
    return prediction;
  });
}

/** Σ over steps of (E[Y(t_k)] − E[Y(t_k−1)]) · (1 + rate)^(−t_k / year), and E[Y(horizon)]. */
function discountedPurchases(bgnbd: BgNbdParams, customer: PurchaseHistory, options: ClvOptions): { expected: number; discounted: number } {
  const { horizon, annualDiscountRate, unitsPerYear = WEEKS_PER_YEAR } = options;
  const step = options.step ?? unitsPerYear / 12;
  let previous = 0;
  let discounted = 0;
  for (let end = Math.min(step, horizon); ; end = Math.min(end + step, horizon)) {
    const cumulative = expectedPurchases(bgnbd, customer, end);
    discounted += (cumulative - previous) * (1 + annualDiscountRate) ** (-end / unitsPerYear);
    previous = cumulative;
    if (end >= horizon) break;
  }
  return { expected: previous, discounted };
}

const MAX_STEPS = 10_000;

/** Throws RangeError for options no CLV can be computed with (a horizon of 0, a rate of −100 %...). */
export function checkOptions(options: ClvOptions): ClvOptions {
  const { horizon, annualDiscountRate, unitsPerYear = WEEKS_PER_YEAR, step = unitsPerYear / 12, margin = 1 } = options;
  if (!(horizon > 0) || !Number.isFinite(horizon)) throw new RangeError(`CLV horizon must be a positive number, got ${horizon}`);
  if (!(annualDiscountRate > -1) || !Number.isFinite(annualDiscountRate)) {
    throw new RangeError(`annual discount rate must be a number above −1 (e.g. 0.1 for 10 %), got ${annualDiscountRate}`);
  }
  if (!(unitsPerYear > 0) || !Number.isFinite(unitsPerYear)) throw new RangeError(`unitsPerYear must be positive, got ${unitsPerYear}`);
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`CLV step must be positive, got ${step}`);
  if (horizon / step > MAX_STEPS) throw new RangeError(`CLV horizon ${horizon} in steps of ${step} is more than ${MAX_STEPS} steps`);
  if (!(margin >= 0) || !Number.isFinite(margin)) throw new RangeError(`margin must be a number ≥ 0, got ${margin}`);
  return options;
}
