import { pAlive } from './bgnbd-predict';
import type { CustomerPrediction } from './clv';
import type { BgNbdParams } from './types';

/**
 * "Likely to lapse": valuable customers whose P(alive) has been falling since they
 * last bought, while they can still be won back. For each customer,
 * - valueIfActive = CLV / P(alive): the customer's worth if still active
 *   (BG/NBD's expectations are P(alive) × the expectation given active);
 * - fall = P(alive) just after the last purchase − P(alive) now: how much doubt the
 *   silence since then has cast (each repeat purchase carries a dropout risk, so P(alive)
 *   starts below 1, at (b+x−1)/(a+b+x−1), and sinks while no purchase follows);
 * - valueAtRisk = valueIfActive × fall: the expected value the silence has put in doubt.
 * Customers already most likely gone (P(alive) below `minPAlive`) are lapsed, not lapsing,
 * and left out; so are one-time buyers (x = 0), whom BG/NBD never lets drop out.
 * `pAliveAfterWindow` says where P(alive) goes if the next `window` also passes in silence.
 */
export type LapseRisk = {
  customerId: string;
  pAliveAtLastPurchase: number;
  pAlive: number;
  pAliveAfterWindow: number;
  fall: number;
  valueIfActive: number;
  valueAtRisk: number;
  clv: number;
  /** Time since the last purchase day (T − t_x), in the model's time unit. */
  silence: number;
};

export type LapseOptions = {
  /** The look-ahead for `pAliveAfterWindow`, in the model's time unit (default 4, four weeks). */
  window?: number;
  /** How many to return (default 10). */
  limit?: number;
  /** Below this P(alive) a customer counts as lapsed already, not lapsing (default 0.1). */
  minPAlive?: number;
};

export function rankLapseRisk(params: BgNbdParams, predictions: readonly CustomerPrediction[], options: LapseOptions = {}): LapseRisk[] {
  const { window = 4, limit = 10, minPAlive = 0.1 } = options;
  if (!(window > 0) || !Number.isFinite(window)) throw new RangeError(`lapse window must be positive, got ${window}`);
  const ranked: LapseRisk[] = [];
  for (const customer of predictions) {
    if (customer.x === 0 || !(customer.pAlive >= minPAlive) || !(customer.clv > 0)) continue;
    const { x, tx, T } = customer;
    const atLastPurchase = pAlive(params, { x, tx, T: tx });
    const fall = Math.max(0, atLastPurchase - customer.pAlive);
    const valueIfActive = customer.clv / customer.pAlive;
    const valueAtRisk = valueIfActive * fall;
    if (!(valueAtRisk > 0)) continue;
    ranked.push({
      customerId: customer.customerId,
      pAliveAtLastPurchase: atLastPurchase,
      pAlive: customer.pAlive,
      pAliveAfterWindow: pAlive(params, { x, tx, T: T + window }),
      fall,
      valueIfActive,
      valueAtRisk,
      clv: customer.clv,
      silence: T - tx,
    });
  }
  ranked.sort((u, v) => v.valueAtRisk - u.valueAtRisk || (u.customerId < v.customerId ? -1 : u.customerId > v.customerId ? 1 : 0));
  return ranked.slice(0, Math.max(0, limit));
}
