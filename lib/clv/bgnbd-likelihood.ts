import type { ObjectiveWithGradient } from './bfgs';
import { ClvFitError } from './errors';
import { digamma, lnGamma } from './special';
import { TripleMap } from './triple-map';
import type { BgNbdParams, PurchaseHistory } from './types';

/**
 * Customers ready for the BG/NBD likelihood: identical (x, t_x, T) rows merged
 * with a weight (day-granular data repeat a lot: every one-time buyer of the
 * same day is the same row), times divided by their mean so that all four
 * log-parameters start near 0 whatever the unit.
 */
export type BgNbdData = {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index of each row's x in `distinctX`: the Gamma-function terms depend on x only. */
  xIndex: Int32Array;
  distinctX: readonly number[];
  weightByX: Float64Array;
  customers: number;
  repeatCustomers: number;
  timeScale: number;
};

export function prepareBgNbdData(customers: readonly PurchaseHistory[]): BgNbdData {
  const rows = new TripleMap<{ x: number; tx: number; T: number; weight: number }>();
  const list: { x: number; tx: number; T: number; weight: number }[] = [];
  let repeatCustomers = 0;
  let totalT = 0;
  customers.forEach((customer, index) => {
    checkHistory(customer, index);
    if (customer.x > 0) repeatCustomers++;
    totalT += customer.T;
    const row = rows.get(customer.x, customer.tx, customer.T);
    if (row) row.weight++;
    else {
      const added = { x: customer.x, tx: customer.tx, T: customer.T, weight: 1 };
      rows.set(customer.x, customer.tx, customer.T, added);
      list.push(added);
    }
  });
  const timeScale = totalT / Math.max(customers.length, 1);
  if (!(timeScale > 0)) throw new ClvFitError('invalid-input', 'every customer has age T = 0: nobody has been observed yet');
  const distinctX = [...new Set(list.map((row) => row.x))].sort((u, v) => u - v);
  const position = new Map(distinctX.map((x, i) => [x, i]));
  const weightByX = new Float64Array(distinctX.length);
  const data: BgNbdData = {
    x: Float64Array.from(list, (row) => row.x),
    tx: Float64Array.from(list, (row) => row.tx / timeScale),
    T: Float64Array.from(list, (row) => row.T / timeScale),
    weight: Float64Array.from(list, (row) => row.weight),
    xIndex: Int32Array.from(list, (row) => position.get(row.x) ?? 0),
    distinctX,
    weightByX,
    customers: customers.length,
    repeatCustomers,
    timeScale,
  };
  list.forEach((row, i) => {
    const j = data.xIndex[i] ?? 0;
    weightByX[j] = (weightByX[j] ?? 0) + row.weight;
  });
  return data;
}

function checkHistory(customer: PurchaseHistory, index: number): void {
  const { x, tx, T } = customer;
  const where = `customer #${index + 1}`;
  if (![x, tx, T].every(Number.isFinite)) throw new ClvFitError('invalid-input', `${where}: x, t_x and T must be finite numbers`);
  if (!Number.isInteger(x) || x < 0) throw new ClvFitError('invalid-input', `${where}: x must be a whole number ≥ 0, got ${x}`);
  if (T < 0 || tx < 0) throw new ClvFitError('invalid-input', `${where}: t_x and T cannot be negative`);
  if (tx > T) throw new ClvFitError('invalid-input', `${where}: recency t_x = ${tx} is after the age T = ${T}`);
  if (x > 0 && tx === 0) throw new ClvFitError('invalid-input', `${where}: ${x} repeat purchases but recency 0`);
}

/** Beyond e^±25 a parameter has run off to 0 or ∞; the objective refuses to go there. */
export const LOG_PARAM_BOUND = 25;

/**
 * Mean negative log-likelihood per customer and its gradient, in θ = (ln r, ln α', ln a, ln b)
 * with α' = α / timeScale. Per customer (Fader, Hardie & Lee 2005, eq. 6):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln[ (α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ],
 * the last bracket by log-sum-exp; its two parts are "still active" and "dropped out after
 * the last purchase", and w₄ below is the posterior share of the second.
 */
export function bgNbdObjective(data: BgNbdData): ObjectiveWithGradient {
  const k = data.distinctX.length;
  const logDropTerm = new Float64Array(k);
  const inverseBx1 = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < data.weight.length; i++) total += data.weight[i] ?? 0;
  return (theta, gradient) => {
    if (theta.some((v) => !(Math.abs(v) <= LOG_PARAM_BOUND))) return Number.NaN;
    const [lnR = 0, lnAlpha = 0, lnA = 0, lnB = 0] = theta;
    const r = Math.exp(lnR);
    const alpha = Math.exp(lnAlpha);
    const a = Math.exp(lnA);
    const b = Math.exp(lnB);
    const [lgR, psiR, lgB, psiB, lgAB, psiAB] = [lnGamma(r), digamma(r), lnGamma(b), digamma(b), lnGamma(a + b), digamma(a + b)];
    let ll = total * r * lnAlpha;
    let gR = total * lnAlpha;
    let gAlpha = (total * r) / alpha;
    let gA = 0;
    let gB = 0;
    for (let j = 0; j < k; j++) {
      const x = data.distinctX[j] ?? 0;
      const w = data.weightByX[j] ?? 0;
      if (x === 0) continue;
      const psiABx = digamma(a + b + x);
      ll += w * (lnGamma(r + x) - lgR + lnGamma(b + x) - lgB + lgAB - lnGamma(a + b + x));
      gR += w * (digamma(r + x) - psiR);
      gA += w * (psiAB - psiABx);
      gB += w * (psiAB + digamma(b + x) - psiB - psiABx);
      logDropTerm[j] = lnA - Math.log(b + x - 1);
      inverseBx1[j] = 1 / (b + x - 1);
    }
    for (let i = 0; i < data.weight.length; i++) {
      const x = data.x[i] ?? 0;
      const w = data.weight[i] ?? 0;
      const rx = r + x;
      const ageTerm = alpha + (data.T[i] ?? 0);
      const lnAge = Math.log(ageTerm);
      if (x === 0) {
        ll -= w * rx * lnAge;
        gR -= w * lnAge;
        gAlpha -= (w * rx) / ageTerm;
        continue;
      }
      const j = data.xIndex[i] ?? 0;
      const recencyTerm = alpha + (data.tx[i] ?? 0);
      const lnRecency = Math.log(recencyTerm);
      const active = -rx * lnAge;
      const dropped = (logDropTerm[j] ?? 0) - rx * lnRecency;
      // log-sum-exp with one exponential: e = e^(smaller − larger) ≤ 1.
      const activeLarger = active >= dropped;
      const top = activeLarger ? active : dropped;
      const e = Math.exp(activeLarger ? dropped - active : active - dropped);
      const w4 = activeLarger ? e / (1 + e) : 1 / (1 + e);
      const w3 = 1 - w4;
      ll += w * (top + Math.log1p(e));
      gR -= w * (w3 * lnAge + w4 * lnRecency);
      gAlpha -= w * rx * (w3 / ageTerm + w4 / recencyTerm);
      gA += (w * w4) / a;
      gB -= w * w4 * (inverseBx1[j] ?? 0);
    }
    gradient[0] = (-r * gR) / total;
    gradient[1] = (-alpha * gAlpha) / total;
    gradient[2] = (-a * gA) / total;
    gradient[3] = (-b * gB) / total;
    return -ll / total;
  };
}

/** Total BG/NBD log-likelihood of customers at given parameters, in their own time unit. */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly PurchaseHistory[]): number {
  let ll = 0;
  const { r, alpha, a, b } = params;
  for (const { x, tx, T } of customers) {
    const common = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
    const active = -(r + x) * Math.log(alpha + T);
    if (x === 0) {
      ll += common + active;
      continue;
    }
    const dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    const top = Math.max(active, dropped);
    ll += common + top + Math.log(Math.exp(active - top) + Math.exp(dropped - top));
  }
  return ll;
}
