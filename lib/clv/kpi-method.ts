import type { ClvEstimate, ClvInput, ClvMethod } from '../kpi/clv-types';
import { dayOfInstant } from './days';
import { predictiveClv, type PredictiveClvOptions } from './predictive';
import type { Transaction } from './types';

export type BgNbdMethodOptions = PredictiveClvOptions & {
  /** The user's calendar: which day a close instant falls on (default UTC). */
  timeZone?: string;
};

/**
 * The `bg-nbd` CLV method for the KPI engine (lib/kpi/clv-types.ts): BG/NBD + Gamma-Gamma
 * fitted on the won deals the engine hands over, calibrated up to the earlier of `asOf`
 * and the end of the period. The value is the mean CLV per customer over the horizon in
 * minor units of the reporting currency, times the margin where the engine knows it.
 */
export function bgNbdClvMethod(options: BgNbdMethodOptions = {}): ClvMethod {
  return {
    id: 'bg-nbd',
    name: {
      en: 'BG/NBD + Gamma-Gamma (expected purchases × expected spend)',
      ru: 'BG/NBD + Gamma-Gamma (ожидаемые покупки × ожидаемый чек)',
    },
    estimate: (input) => estimate(input, options),
  };
}

function estimate(input: ClvInput, options: BgNbdMethodOptions): ClvEstimate {
  if (!input.transactions.length) return { ok: false, missing: ['wonDeals', 'customers'], reason: 'no won deals linked to customers' };
  let dayOf: (ms: number) => number;
  try {
    dayOf = dayOfInstant(options.timeZone ?? 'UTC');
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const calibrationEnd = Math.min(input.asOf, input.period.end - 1);
  const used = input.transactions.filter((t) => t.at <= calibrationEnd);
  const transactions: Transaction[] = used.map((t) => ({ customerId: t.customerId, day: dayOf(t.at), amount: t.minor }));
  const margin = input.marginPct === undefined ? (options.margin ?? 1) : input.marginPct / 100;
  const result = predictiveClv(transactions, dayOf(calibrationEnd), { ...options, margin });
  if (result.status !== 'ok') return { ok: false, reason: `BG/NBD cannot be fitted: ${result.reason}` };
  const { r, alpha, a, b } = result.bgnbd.params;
  const { p, q, gamma } = result.gammaGamma.params;
  return {
    ok: true,
    value: Math.round(result.averageClv),
    parts: { r, alpha, a, b, p, q, gamma, horizonWeeks: result.horizonWeeks, annualDiscountRatePct: result.annualDiscountRate * 100, marginPct: margin * 100 },
    counts: { customers: result.counts.customers, repeatCustomers: result.counts.repeatCustomers, purchases: used.length },
    recordIds: used.map((t) => t.dealId),
  };
}
