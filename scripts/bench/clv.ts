/**
 * CLV model benchmark: how long the BG/NBD and Gamma-Gamma fits take on the CDNOW sample
 * (2,357 customers), on it replicated ×10 (23,570 customers; identical rows are merged by the
 * likelihood, so this mostly measures that merge) and on 23,570 simulated customers with
 * continuous times (no two alike: the full per-customer cost); plus CLV predictions and the
 * end-to-end path from won deals. Medians over RUNS runs after one warm-up.
 * Run: npx tsx -e "import('./scripts/bench/clv.ts').then(m=>m.benchClv()).then(r=>console.log(JSON.stringify(r,null,2)))"
 */
import { availableParallelism, loadavg } from 'node:os';
import { cdnowDeals } from '@/lib/clv/test-cdnow-deals';
import { readCdnow } from '@/lib/clv/test-cdnow-files';
import {
  fitBgNbd,
  summariseCalibration,
  predictCustomers,
  predictiveClvFromDeals,
  fitGammaGamma,
  createRandom,
  simulateCustomers,
  readTransactionLog,
  type CustomerSummary,
} from '@/lib/clv';

const RUNS = 5;
const CDNOW_PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

function median(values: number[]): number {
  const sorted = [...values].sort((u, v) => u - v);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median milliseconds of `work` over RUNS runs, after one untimed warm-up run. */
function time<T>(work: () => T): { ms: number; result: T } {
  let result = work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times) * 10) / 10, result };
}

function fits(label: string, customers: readonly CustomerSummary[]) {
  const bgnbd = time(() => fitBgNbd(customers));
  const gammaGamma = time(() => fitGammaGamma(customers));
  const predictions = time(() => predictCustomers(bgnbd.result.params, gammaGamma.result.params, customers, { horizon: 52, annualDiscountRate: 0.1 }));
  const round = (v: number) => Number(v.toPrecision(5));
  return {
    label,
    customers: customers.length,
    repeatCustomers: bgnbd.result.repeatCustomers,
    bgnbdFitMs: bgnbd.ms,
    bgnbdEvaluations: bgnbd.result.evaluations,
    gammaGammaFitMs: gammaGamma.ms,
    gammaGammaEvaluations: gammaGamma.result.evaluations,
    clv52WeeksMonthlyStepsMs: predictions.ms,
    bgnbd: Object.fromEntries(Object.entries(bgnbd.result.params).map(([k, v]) => [k, round(v)])),
    gammaGamma: Object.fromEntries(Object.entries(gammaGamma.result.params).map(([k, v]) => [k, round(v)])),
  };
}

export async function benchClv(): Promise<Record<string, unknown>> {
  const text = readCdnow('CDNOW_sample.txt');
  const read = time(() => readTransactionLog(text));
  const summary = time(() => summariseCalibration(read.result.transactions, { calibrationEnd: '1997-09-30' }));
  const cdnow = summary.result.customers;
  const replicated = Array.from({ length: 10 }, (_, copy) => cdnow.map((c) => ({ ...c, customerId: `${c.customerId}-${copy}` }))).flat();
  const simulated = simulateCustomers(createRandom(2357), 23_570, CDNOW_PARAMS, { minAge: 27, maxAge: 39, spend: CDNOW_SPEND }).map((c) => ({
    ...c,
    firstDay: 0,
  }));
  const deals = cdnowDeals();
  const endToEnd = time(() =>
    predictiveClvFromDeals(deals, { asOf: Date.UTC(1997, 8, 30, 23, 59), timeZone: 'Europe/Moscow', currency: { reporting: 'USD', rates: {} } }),
  );
  return {
    runs: RUNS,
    environment: { node: process.version, cpus: availableParallelism(), loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)) },
    cdnowReadLogMs: read.ms,
    cdnowSummariseMs: summary.ms,
    cdnow: fits('CDNOW sample, 39-week calibration', cdnow),
    replicatedX10: fits('CDNOW ×10 (identical rows merged)', replicated),
    simulated: fits('simulated from the CDNOW parameters, continuous times', simulated),
    fromDeals: {
      label: 'predictiveClvFromDeals: 6,919 CDNOW deals → fits → 52-week CLV',
      deals: deals.length,
      ms: endToEnd.ms,
      status: endToEnd.result.status,
    },
  };
}
