/**
 * Predictive customer lifetime value: BG/NBD (Fader, Hardie & Lee 2005) for repeat
 * purchases and dropout, Gamma-Gamma for spend per purchase, discounted over a horizon.
 * Pure and synchronous; safe for the extension. The CLI command lives in
 * lib/cli/commands/clv.ts (it needs node:util): lib/cli uses lib/clv, never the reverse.
 */
export { fitBgNbd, type FitThresholds } from './bgnbd-fit';
export { expectedPurchases, expectedPurchasesNewCustomer, pAlive } from './bgnbd-predict';
export { summariseCalibration, summariseDays, type CalibrationOptions, type CalibrationSummary } from './calibration';
export { customerClv, predictCustomers, WEEKS_PER_YEAR, type ClvOptions, type CustomerPrediction } from './clv';
export { dayOfInstant, dayToIsoDate, parseDay } from './days';
export { CLV_FIT_ERROR_CODES, ClvFitError, type ClvFitErrorCode } from './errors';
export { predictiveClvFromDeals, purchasesFromDeals, type DealClvOptions, type DealPurchases } from './from-deals';
export { expectedSpend, fitGammaGamma } from './gamma-gamma';
export { hyp2f1, logHyp2f1 } from './hyp2f1';
export { bgNbdClvMethod, type BgNbdMethodOptions } from './kpi-method';
export { rankLapseRisk, type LapseOptions, type LapseRisk } from './lapse';
export { predictiveClv, type PredictiveClvCounts, type PredictiveClvOptions, type PredictiveClvResult } from './predictive';
export { digamma, lnGamma } from './special';
export { readTransactionLog, TransactionLogError, type RejectedRows, type TransactionLog, type TransactionLogOptions } from './transaction-log';
export type { BgNbdFit, BgNbdParams, CustomerSummary, Excluded, GammaGammaFit, GammaGammaParams, PurchaseHistory, SpendHistory, Transaction } from './types';
export { createRandom } from './random';
export { simulateCustomers } from './simulate';
