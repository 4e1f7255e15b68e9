import { logHyp2f1 } from './hyp2f1';
import { logAddExp, logistic } from './special';
import type { BgNbdParams, PurchaseHistory } from './types';

/**
 * P(alive | x, t_x, T) = 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
 * (Fader, Hardie & Lee 2005, eq. 11). The odds are taken in logs, so a long-silent
 * frequent buyer gives a tiny probability rather than 0/0. Under BG/NBD a customer
 * can only drop out right after a repeat purchase, so anyone with x = 0 is alive.
 */
export function pAlive(params: BgNbdParams, customer: PurchaseHistory): number {
  return logistic(logOddsDroppedOut(params, customer));
}

/** ln of the odds "dropped out after the last purchase" : "still active"; −∞ when x = 0. */
function logOddsDroppedOut(params: BgNbdParams, customer: PurchaseHistory): number {
  const { x, tx, T } = customer;
  if (x === 0) return -Infinity;
  const { r, alpha, a, b } = params;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/**
 * Expected repeat purchases in the next t time units of a customer with history
 * (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10):
 *   E[Y(t)] = P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))].
 * The formula has removable singularities at a = 1 and (for x = 0) at a + b = 1;
 * within 1e-5 of them it is averaged over a ± 2e-5, which is exact to O(4e-10) because
 * the expectation is smooth in a.
 */
export function expectedPurchases(params: BgNbdParams, customer: PurchaseHistory, t: number): number {
  if (!(t > 0)) return 0;
  const { a, b } = params;
  if (Math.abs(a - 1) < 1e-5 || Math.abs(a + b + customer.x - 1) < 1e-5) {
    const h = 2e-5;
    return 0.5 * (expectedIfRegular({ ...params, a: a - h }, customer, t) + expectedIfRegular({ ...params, a: a + h }, customer, t));
  }
  return expectedIfRegular(params, customer, t);
}

/** E[X(t)]: expected repeat purchases of a customer in the first t time units after the first purchase (eq. 9). */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  return expectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

/**
 * Every factor in logs: for a customer who bought often and then went silent, both
 * ((α+T)/(α+T+t))^(r+x) · 2F1 and the dropout odds can pass 1e308 while their ratio,
 * the expectation, is modest.
 */
function expectedIfRegular(params: BgNbdParams, customer: PurchaseHistory, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const hyp = logHyp2f1(r + x, b + x, c, z);
  // G = (1 − z)^(r+x) · 2F1(...), with 1 − z = (α+T)/(α+T+t); 1 − G in sign and log.
  const logG = (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)) + hyp.log;
  let sign: number;
  let logOneMinusG: number;
  if (hyp.sign <= 0) {
    [sign, logOneMinusG] = [1, hyp.sign === 0 ? 0 : logAddExp(0, logG)];
  } else if (logG < 0) {
    [sign, logOneMinusG] = [1, Math.log(-Math.expm1(logG))];
  } else {
    [sign, logOneMinusG] = [-1, logG + Math.log(-Math.expm1(-logG))];
  }
  const ratio = c / (a - 1);
  const logExpected = Math.log(Math.abs(ratio)) + logOneMinusG - logAddExp(0, logOddsDroppedOut(params, customer));
  const expected = Math.sign(ratio) * sign * Math.exp(logExpected);
  if (!Number.isFinite(expected)) {
    throw new RangeError(`BG/NBD expectation is not finite for x = ${x}, T = ${T}, t = ${t} at r=${r} α=${alpha} a=${a} b=${b}`);
  }
  // Rounding can leave a hair below zero for tiny t; the true value is never negative.
  return Math.max(0, expected);
}
