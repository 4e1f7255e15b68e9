import type { CustomerPrediction } from '../../clv/clv';
import type { LapseRisk } from '../../clv/lapse';
import type { PredictiveClvResult } from '../../clv/predictive';
import type { TransactionLog } from '../../clv/transaction-log';

type Fitted = Extract<PredictiveClvResult, { status: 'ok' }>;

const number = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) => number(value, 0);
const withError = (value: number, error: number | undefined) => (error === undefined ? number(value, 4) : `${number(value, 4)} ± ${number(error, 4)}`);

/** The readable report of `kpi-lens clv`: where the data came from, the fits, the top customers. */
export function formatReport(log: TransactionLog, fit: Fitted, top: readonly CustomerPrediction[], lapsing: readonly LapseRisk[]): string {
  const { bgnbd, gammaGamma } = fit;
  const bgErrors = bgnbd.standardErrors;
  const ggErrors = gammaGamma.standardErrors;
  const lines = [
    `Read ${count(log.rows)} rows (${log.format}): ${count(log.transactions.length)} purchases, ${count(log.rows - log.transactions.length)} rejected.`,
    `Calibration up to ${fit.calibrationEnd}: ${count(fit.counts.customers)} customers, ${count(fit.counts.repeatCustomers)} with repeat purchases (time in weeks).`,
    '',
    `BG/NBD (log-likelihood ${number(bgnbd.logLikelihood, 2)}):`,
    `  r = ${withError(bgnbd.params.r, bgErrors?.r)}   alpha = ${withError(bgnbd.params.alpha, bgErrors?.alpha)}` +
      `   a = ${withError(bgnbd.params.a, bgErrors?.a)}   b = ${withError(bgnbd.params.b, bgErrors?.b)}`,
    `Gamma-Gamma (${count(gammaGamma.customers)} repeat customers, log-likelihood ${number(gammaGamma.logLikelihood, 2)}):`,
    `  p = ${withError(gammaGamma.params.p, ggErrors?.p)}   q = ${withError(gammaGamma.params.q, ggErrors?.q)}` +
      `   gamma = ${withError(gammaGamma.params.gamma, ggErrors?.gamma)}   mean spend ${number(gammaGamma.meanSpend, 2)}`,
    '',
    `CLV over ${number(fit.horizonWeeks, 0)} weeks, discounted at ${number(fit.annualDiscountRate * 100, 1)} % a year` +
      `${fit.margin === 1 ? '' : `, margin ${number(fit.margin * 100, 1)} %`}: average ${number(fit.averageClv, 2)}, total ${number(fit.totalClv, 2)}`,
    '',
    `Top ${top.length} customers by CLV:`,
    table(
      ['customer', 'x', 't_x', 'T', 'P(alive)', 'E[purchases]', 'E[spend]', 'CLV'],
      top.map((c) => [
        c.customerId,
        count(c.x),
        number(c.tx, 2),
        number(c.T, 2),
        number(c.pAlive, 3),
        number(c.expectedPurchases, 2),
        number(c.expectedSpend, 2),
        number(c.clv, 2),
      ]),
    ),
  ];
  if (lapsing.length) {
    lines.push('', 'Likely to lapse (value put in doubt by the silence since the last purchase):');
    lines.push(
      table(
        ['customer', 'weeks quiet', 'P(alive) after last purchase', 'now', 'in 4 more weeks', 'value if active', 'at risk'],
        lapsing.map((l) => [
          l.customerId,
          number(l.silence, 1),
          number(l.pAliveAtLastPurchase, 3),
          number(l.pAlive, 3),
          number(l.pAliveAfterWindow, 3),
          number(l.valueIfActive, 2),
          number(l.valueAtRisk, 2),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Rows not read from the file, one line per reason, for stderr. */
export function formatRejected(log: TransactionLog): string {
  return log.rejected
    .map(
      (r) =>
        `rejected ${count(r.count)} row${r.count === 1 ? '' : 's'}: ${r.reason} (line${r.lines.length === 1 ? '' : 's'} ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})\n`,
    )
    .join('');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`;
  return [line(header), ...rows.map(line)].join('\n');
}
