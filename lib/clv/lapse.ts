import { pAlive } from './bgnbd-predict';
import type { CustomerPrediction } from './clv';
import type { BgNbdParams } from './types';

/**
 * "Likely to lapse": customers worth a call now. For each customer,
 * - valueIfActive = CLV / P(alive): what the customer is worth if still active
 *   (BG/NBD's expectations are P(alive) × the expectation given active);
 * - drop = P(alive) today − P(alive) after `window` more time units without a purchase;
 * - valueAtRisk = valueIfActive × drop: expected value that slips away if the next
 *   window passes in silence.
 * High value and a falling P(alive) both raise the score; customers almost surely
 * gone already (P(alive) below `minPAlive`) and safe ones (drop ≈ 0) sink. One-time
 * buyers (x = 0) never appear: BG/NBD lets customers drop out only after a repeat purchase.
 */
export type LapseRisk = {
  customerId: string;
  pAlive: number;
  pAliveAfterWindow: number;
  drop: number;
  valueIfActive: number;
  valueAtRisk: number;
  clv: number;
  /** Time since the last purchase day (T − t_x), in the model's time unit. */
  silence: number;
};

export type LapseOptions = {
  /** The look-ahead without a purchase, in the model's time unit (default 4, four weeks). */
  window?: number;
  /** How many to return (default 10). */
  limit?: number;
  /** Below this P(alive) a customer counts as lapsed already, not lapsing (default 0.05). */
  minPAlive?: number;
};

export function rankLapseRisk(params: BgNbdParams, predictions: readonly CustomerPrediction[], options: LapseOptions = {}): LapseRisk[] {
  const { window = 4, limit = 10, minPAlive = 0.05 } = options;
  if (!(window > 0) || !Number.isFinite(window)) throw new RangeError(`lapse window must be positive, got ${window}`);
  const ranked: LapseRisk[] = [];
  for (const customer of predictions) {
    if (customer.x === 0 || !(customer.pAlive >= minPAlive) || !(customer.clv > 0)) continue;
    const later = pAlive(params, { x: customer.x, tx: customer.tx, T: customer.T + window });
    const drop = Math.max(0, customer.pAlive - later);
    const valueIfActive = customer.clv / customer.pAlive;
    const valueAtRisk = valueIfActive * drop;
    if (!(valueAtRisk > 0)) continue;
    ranked.push({
      customerId: customer.customerId,
      pAlive: customer.pAlive,
      pAliveAfterWindow: later,
      drop,
      valueIfActive,
      valueAtRisk,
      clv: customer.clv,
      silence: customer.T - customer.tx,
    });
  }
  ranked.sort((u, v) => v.valueAtRisk - u.valueAtRisk || (u.customerId < v.customerId ? -1 : u.customerId > v.customerId ? 1 : 0));
  return ranked.slice(0, Math.max(0, limit));
}
