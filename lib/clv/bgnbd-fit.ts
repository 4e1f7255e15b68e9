import { bgNbdLogLikelihood, bgNbdObjective, prepareBgNbdData } from './bgnbd-likelihood';
import { ClvFitError } from './errors';
import { fitLogParams } from './fit-runner';
import { standardErrors } from './hessian';
import type { BgNbdFit, PurchaseHistory } from './types';

export type FitThresholds = {
  /** Fewer customers than this and the fit is refused (default 30 for BG/NBD, 20 for Gamma-Gamma). */
  minCustomers?: number;
  /** Fewer customers with a repeat purchase than this and the fit is refused (default 10). */
  minRepeatCustomers?: number;
};

/**
 * Fits BG/NBD (Fader, Hardie & Lee 2005) by maximum likelihood to customers'
 * (x, t_x, T). Throws ClvFitError when the data cannot support the four
 * parameters; never returns NaN.
 */
export function fitBgNbd(customers: readonly PurchaseHistory[], thresholds: FitThresholds = {}): BgNbdFit {
  const { minCustomers = 30, minRepeatCustomers = 10 } = thresholds;
  if (customers.length < minCustomers) {
    throw new ClvFitError('too-few-customers', `BG/NBD needs at least ${minCustomers} customers, got ${customers.length}`);
  }
  const data = prepareBgNbdData(customers);
  if (data.repeatCustomers === 0) {
    throw new ClvFitError('no-repeat-purchases', `none of the ${customers.length} customers has bought again after the first purchase`);
  }
  if (data.repeatCustomers < minRepeatCustomers) {
    throw new ClvFitError(
      'too-few-repeat-customers',
      `BG/NBD needs at least ${minRepeatCustomers} customers with a repeat purchase, got ${data.repeatCustomers}`,
    );
  }
  let purchases = 0;
  for (let i = 0; i < data.x.length; i++) purchases += (data.x[i] ?? 0) * (data.weight[i] ?? 0);
  // Mean repeat-purchase rate per (scaled) time unit; each start puts r/α at it.
  const rate = purchases / data.customers;
  const start = (r: number, a: number, b: number) => [Math.log(r), Math.log(r / rate), Math.log(a), Math.log(b)];
  const objective = bgNbdObjective(data);
  const fit = fitLogParams('BG/NBD', objective, [start(1, 1, 1), start(0.25, 0.8, 2.5), start(3, 3, 0.5)], ['r', 'α', 'a', 'b']);
  const [lnR = 0, lnAlpha = 0, lnA = 0, lnB = 0] = fit.theta;
  const params = { r: Math.exp(lnR), alpha: Math.exp(lnAlpha) * data.timeScale, a: Math.exp(lnA), b: Math.exp(lnB) };
  const errors = standardErrors(
    fit.hessian.map((row) => row.map((v) => v * data.customers)),
    fit.theta,
  );
  return {
    params,
    ...(errors && {
      standardErrors: { r: errors[0] ?? 0, alpha: (errors[1] ?? 0) * data.timeScale, a: errors[2] ?? 0, b: errors[3] ?? 0 },
    }),
    logLikelihood: bgNbdLogLikelihood(params, customers),
    gradientNorm: fit.gradientNorm,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    optimizer: fit.optimizer,
    customers: data.customers,
    repeatCustomers: data.repeatCustomers,
  };
}
