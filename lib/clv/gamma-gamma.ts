import type { ObjectiveWithGradient } from './bfgs';
import type { FitThresholds } from './bgnbd-fit';
import { ClvFitError } from './errors';
import { fitLogParams } from './fit-runner';
import { standardErrors } from './hessian';
import { digamma, lnGamma } from './special';
import type { Excluded, GammaGammaFit, GammaGammaParams, SpendHistory } from './types';

type SpendData = { x: Float64Array; m: Float64Array; lnM: Float64Array; lnX: Float64Array; distinctX: number[]; xIndex: Int32Array; scale: number };

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV";
 * Fader & Hardie's note "The Gamma-Gamma Model of Monetary Value") by maximum
 * likelihood to repeat customers' mean spend m_x over their x repeat purchases.
 * Customers with x = 0 or m_x ≤ 0 carry no spend information for the model; they
 * are left out and counted in `excluded`.
 */
export function fitGammaGamma(customers: readonly SpendHistory[], thresholds: FitThresholds = {}): GammaGammaFit {
  const { minCustomers = 20 } = thresholds;
  const used: SpendHistory[] = [];
  let oneTime = 0;
  let notPositive = 0;
  customers.forEach((customer, index) => {
    const { x, mx } = customer;
    if (!Number.isFinite(x) || !Number.isFinite(mx) || !Number.isInteger(x) || x < 0) {
      throw new ClvFitError('invalid-input', `customer #${index + 1}: x must be a whole number ≥ 0 and m_x a finite number`);
    }
    if (x === 0) oneTime++;
    else if (mx <= 0) notPositive++;
    else used.push(customer);
  });
  const excluded: Excluded[] = [];
  if (oneTime) excluded.push({ count: oneTime, reason: 'no repeat purchase (x = 0)' });
  if (notPositive) excluded.push({ count: notPositive, reason: 'mean repeat spend not above 0' });
  if (used.length < minCustomers) {
    throw new ClvFitError('too-few-repeat-customers', `Gamma-Gamma needs at least ${minCustomers} repeat customers with spend above 0, got ${used.length}`);
  }
  const data = prepare(used);
  const spread = Math.max(...data.m) / Math.min(...data.m) - 1;
  if (!(spread > 1e-9)) throw new ClvFitError('no-spend-variation', 'every repeat customer has the same mean spend');
  const fit = fitLogParams(
    'Gamma-Gamma',
    objective(data),
    [
      [0, 0, 0],
      [Math.log(5), Math.log(3), Math.log(10)],
      [Math.log(0.5), Math.log(2), Math.log(0.5)],
    ],
    ['p', 'q', 'γ'],
  );
  const [lnP = 0, lnQ = 0, lnGammaScale = 0] = fit.theta;
  const params = { p: Math.exp(lnP), q: Math.exp(lnQ), gamma: Math.exp(lnGammaScale) * data.scale };
  if (!(params.q > 1)) {
    throw new ClvFitError('infinite-mean-spend', `Gamma-Gamma: q = ${params.q.toFixed(3)} ≤ 1, so the fitted mean spend is infinite`);
  }
  const errors = standardErrors(
    fit.hessian.map((row) => row.map((v) => v * used.length)),
    fit.theta,
  );
  return {
    params,
    ...(errors && { standardErrors: { p: errors[0] ?? 0, q: errors[1] ?? 0, gamma: (errors[2] ?? 0) * data.scale } }),
    logLikelihood: gammaGammaLogLikelihood(params, used),
    gradientNorm: fit.gradientNorm,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    optimizer: fit.optimizer,
    customers: used.length,
    excluded,
    frequencySpendCorrelation: correlation(
      used.map((c) => c.x),
      used.map((c) => c.mx),
    ),
    meanSpend: (params.gamma * params.p) / (params.q - 1),
  };
}

/**
 * E[mean spend | x, m_x] = (γ + x m_x) p / (p x + q − 1): a weighted average of the
 * population mean γp/(q−1) and the customer's own m_x, leaning on m_x as x grows.
 * With x = 0 it is the population mean.
 */
export function expectedSpend(params: GammaGammaParams, customer: SpendHistory): number {
  const { p, q, gamma } = params;
  const x = customer.x > 0 && customer.mx > 0 ? customer.x : 0;
  return ((gamma + x * (x > 0 ? customer.mx : 0)) * p) / (p * x + q - 1);
}

/**
 * Per customer: ln f(m_x | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x
 *                                + px ln x − (px+q) ln(γ + x m_x).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendHistory[]): number {
  const { p, q, gamma } = params;
  let ll = 0;
  for (const { x, mx } of customers) {
    const px = p * x;
    ll += lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(mx) + px * Math.log(x) - (px + q) * Math.log(gamma + x * mx);
  }
  return ll;
}

function prepare(customers: readonly SpendHistory[]): SpendData {
  let total = 0;
  for (const c of customers) total += c.mx;
  const scale = total / customers.length;
  const distinctX = [...new Set(customers.map((c) => c.x))];
  const position = new Map(distinctX.map((x, i) => [x, i]));
  const m = Float64Array.from(customers, (c) => c.mx / scale);
  return {
    x: Float64Array.from(customers, (c) => c.x),
    m,
    lnM: m.map(Math.log),
    lnX: Float64Array.from(customers, (c) => Math.log(c.x)),
    distinctX,
    xIndex: Int32Array.from(customers, (c) => position.get(c.x) ?? 0),
    scale,
  };
}

/** Mean negative log-likelihood in θ = (ln p, ln q, ln γ') with γ' = γ / scale, and its gradient. */
function objective(data: SpendData): ObjectiveWithGradient {
  const n = data.x.length;
  const k = data.distinctX.length;
  const lgSum = new Float64Array(k);
  const psiSum = new Float64Array(k);
  const psiPx = new Float64Array(k);
  return (theta, gradient) => {
    if (theta.some((v) => !(Math.abs(v) <= 25))) return Number.NaN;
    const [lnP = 0, lnQ = 0, lnG = 0] = theta;
    const [p, q, g] = [Math.exp(lnP), Math.exp(lnQ), Math.exp(lnG)];
    for (let j = 0; j < k; j++) {
      const px = p * (data.distinctX[j] ?? 0);
      lgSum[j] = lnGamma(px + q) - lnGamma(px);
      psiSum[j] = digamma(px + q);
      psiPx[j] = digamma(px);
    }
    const lgQ = lnGamma(q);
    const psiQ = digamma(q);
    let ll = 0;
    let gP = 0;
    let gQ = 0;
    let gG = 0;
    for (let i = 0; i < n; i++) {
      const j = data.xIndex[i] ?? 0;
      const x = data.x[i] ?? 0;
      const px = p * x;
      const total = g + x * (data.m[i] ?? 0);
      const lnTotal = Math.log(total);
      const lnM = data.lnM[i] ?? 0;
      ll += (lgSum[j] ?? 0) - lgQ + q * lnG + (px - 1) * lnM + px * (data.lnX[i] ?? 0) - (px + q) * lnTotal;
      gP += x * ((psiSum[j] ?? 0) - (psiPx[j] ?? 0) + lnM + (data.lnX[i] ?? 0) - lnTotal);
      gQ += (psiSum[j] ?? 0) - psiQ + lnG - lnTotal;
      gG += q / g - (px + q) / total;
    }
    gradient[0] = (-p * gP) / n;
    gradient[1] = (-q * gQ) / n;
    gradient[2] = (-g * gG) / n;
    return -ll / n;
  };
}

function correlation(u: readonly number[], v: readonly number[]): number {
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n;
  const mv = v.reduce((s, x) => s + x, 0) / n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = (u[i] ?? 0) - mu;
    const dv = (v[i] ?? 0) - mv;
    suv += du * dv;
    suu += du * du;
    svv += dv * dv;
  }
  return suu > 0 && svv > 0 ? suv / Math.sqrt(suu * svv) : 0;
}
