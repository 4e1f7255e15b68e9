import { fitBgNbd, type FitThresholds } from './bgnbd-fit';
import { summariseDays } from './calibration';
import { checkOptions, predictCustomers, type CustomerPrediction } from './clv';
import { dayToIsoDate } from './days';
import { ClvFitError, type ClvFitErrorCode } from './errors';
import { fitGammaGamma } from './gamma-gamma';
import type { BgNbdFit, Excluded, GammaGammaFit, Transaction } from './types';

export type PredictiveClvOptions = {
  /** How far ahead CLV counts purchases (default 52 weeks). */
  horizonWeeks?: number;
  /** Annual discount rate (default 0.1). */
  annualDiscountRate?: number;
  /** Gross margin share (0–1) applied to spend; default 1, a revenue CLV. */
  margin?: number;
  bgnbdThresholds?: FitThresholds;
  gammaGammaThresholds?: FitThresholds;
};

export type PredictiveClvCounts = { transactions: number; customers: number; repeatCustomers: number };

export type PredictiveClvResult =
  | {
      status: 'ok';
      /** Mean CLV over the customers, in the transactions' money unit. */
      averageClv: number;
      totalClv: number;
      bgnbd: BgNbdFit;
      gammaGamma: GammaGammaFit;
      customers: CustomerPrediction[];
      calibrationEnd: string;
      horizonWeeks: number;
      annualDiscountRate: number;
      margin: number;
      counts: PredictiveClvCounts;
      excluded: Excluded[];
    }
  | { status: 'cannot-fit'; code: ClvFitErrorCode; reason: string; counts: PredictiveClvCounts; excluded: Excluded[] };

/**
 * BG/NBD + Gamma-Gamma CLV of every customer from a purchase log, calibrated on all
 * purchases up to `calibrationEndDay` (inclusive) and projected `horizonWeeks` ahead.
 * Pure and synchronous. A data set the models cannot fit gives `cannot-fit` with the
 * typed reason, never NaN.
 */
export function predictiveClv(transactions: readonly Transaction[], calibrationEndDay: number, options: PredictiveClvOptions = {}): PredictiveClvResult {
  const { horizonWeeks = 52, annualDiscountRate = 0.1, margin = 1 } = options;
  const clvOptions = checkOptions({ horizon: horizonWeeks, annualDiscountRate, margin });
  const counts: PredictiveClvCounts = { transactions: transactions.length, customers: 0, repeatCustomers: 0 };
  let excluded: Excluded[] = [];
  try {
    const summary = summariseDays(transactions, { calibrationEndDay });
    excluded = summary.excluded;
    counts.customers = summary.customers.length;
    counts.repeatCustomers = summary.customers.filter((c) => c.x > 0).length;
    const bgnbd = fitBgNbd(summary.customers, options.bgnbdThresholds);
    const gammaGamma = fitGammaGamma(summary.customers, options.gammaGammaThresholds);
    const customers = predictOrExplain(() => predictCustomers(bgnbd.params, gammaGamma.params, summary.customers, clvOptions));
    const totalClv = customers.reduce((sum, c) => sum + c.clv, 0);
    return {
      status: 'ok',
      averageClv: totalClv / customers.length,
      totalClv,
      bgnbd,
      gammaGamma,
      customers,
      calibrationEnd: dayToIsoDate(calibrationEndDay),
      horizonWeeks,
      annualDiscountRate,
      margin,
      counts,
      excluded,
    };
  } catch (error) {
    if (error instanceof ClvFitError) return { status: 'cannot-fit', code: error.code, reason: error.message, counts, excluded };
    throw error;
  }
}

/** Options were checked up front, so a RangeError here is arithmetic giving up on extreme parameters. */
function predictOrExplain(predict: () => CustomerPrediction[]): CustomerPrediction[] {
  try {
    return predict();
  } catch (error) {
    if (error instanceof RangeError) throw new ClvFitError('numerical-failure', `predictions failed: ${error.message}`);
    throw error;
  }
}
