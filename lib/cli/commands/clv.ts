import { parseFlags } from '../args';
import { UsageError, type CliCommand } from '../types';
import { formatRejected, formatReport } from '../clv/report';
import { dayToIsoDate, parseDay } from '../../clv/days';
import { rankLapseRisk } from '../../clv/lapse';
import { predictiveClv } from '../../clv/predictive';
import { readTransactionLog, TransactionLogError, type TransactionLog } from '../../clv/transaction-log';

const USAGE = `Usage: kpi-lens clv --transactions FILE [options]

Fits BG/NBD (repeat purchases and dropout) and Gamma-Gamma (spend per purchase)
to a purchase log and prints each customer's expected purchases, P(alive) and
discounted CLV. The log is a CSV with customer, date and amount columns, or the
CDNOW layout (" 00004 0001 19970101  2   29.33"), recognised by itself.

Options:
  --transactions FILE     the purchase log
  --calibration-end DATE  fit on purchases up to this day, YYYY-MM-DD (default: the last purchase day)
  --horizon-weeks N       how far ahead CLV counts (default 52)
  --discount-rate R       annual discount rate, e.g. 0.1 for 10 % (default 0.1)
  --margin M              share of spend kept as profit, 0–1 (default 1: revenue CLV)
  --top N                 customers to list in the text report (default 10)
  --json                  everything as JSON, every customer included
  --format F              auto | cdnow | csv (default auto)
  --customer-column NAME  --date-column NAME  --amount-column NAME   CSV headers to read
  --currency CODE         decimal places of amounts (default USD: 2)
  -h, --help              this text
`;

export const clvCommand: CliCommand = {
  name: 'clv',
  summary: 'predictive customer lifetime value (BG/NBD + Gamma-Gamma) from a purchase log',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, {
      transactions: { type: 'string' },
      'calibration-end': { type: 'string' },
      'horizon-weeks': { type: 'string' },
      'discount-rate': { type: 'string' },
      margin: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      'customer-column': { type: 'string' },
      'date-column': { type: 'string' },
      'amount-column': { type: 'string' },
      currency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (flags.transactions === undefined) throw new UsageError('give --transactions FILE');
    const horizonWeeks = numberFlag('--horizon-weeks', flags['horizon-weeks'], 52, (v) => v > 0 && v <= 520);
    const annualDiscountRate = numberFlag('--discount-rate', flags['discount-rate'], 0.1, (v) => v >= 0 && v < 10);
    const margin = numberFlag('--margin', flags.margin, 1, (v) => v > 0 && v <= 1);
    const top = numberFlag('--top', flags.top, 10, (v) => Number.isInteger(v) && v >= 0);
    const format = flags.format ?? 'auto';
    if (format !== 'auto' && format !== 'cdnow' && format !== 'csv') throw new UsageError(`bad --format ${JSON.stringify(format)}: use auto, cdnow or csv`);

    const text = await io.readFile(flags.transactions).catch((error: unknown) => {
      throw new UsageError(`cannot read ${flags.transactions}: ${error instanceof Error ? error.message : String(error)}`);
    });
    let log: TransactionLog;
    try {
      log = readTransactionLog(text, {
        format,
        customerColumn: flags['customer-column'],
        dateColumn: flags['date-column'],
        amountColumn: flags['amount-column'],
        currency: flags.currency,
      });
    } catch (error) {
      if (error instanceof TransactionLogError) throw new UsageError(`${flags.transactions}: ${error.message}`);
      throw error;
    }
    if (log.rejected.length) io.stderr(formatRejected(log));
    if (!log.transactions.length) throw new UsageError(`${flags.transactions}: no readable purchases`);

    const lastDay = log.transactions.reduce((max, t) => Math.max(max, t.day), -Infinity);
    const calibrationEndDay = flags['calibration-end'] === undefined ? lastDay : parseDay(flags['calibration-end']);
    if (calibrationEndDay === undefined) throw new UsageError(`bad --calibration-end ${JSON.stringify(flags['calibration-end'])}: use YYYY-MM-DD`);
    const fit = predictiveClv(log.transactions, calibrationEndDay, { horizonWeeks, annualDiscountRate, margin });
    if (fit.status !== 'ok') {
      const message = `cannot fit the models to ${flags.transactions} (${fit.code}): ${fit.reason}`;
      if (fit.code === 'did-not-converge' || fit.code === 'numerical-failure') throw new Error(message);
      throw new UsageError(message);
    }
    const byValue = [...fit.customers].sort((u, v) => v.clv - u.clv);
    const lapsing = rankLapseRisk(fit.bgnbd.params, fit.customers, { window: 4, limit: 5 });
    if (flags.json) {
      const firstDay = log.transactions.reduce((min, t) => Math.min(min, t.day), Infinity);
      const report = {
        source: { file: flags.transactions, format: log.format, rows: log.rows, purchases: log.transactions.length, rejected: log.rejected },
        firstPurchase: dayToIsoDate(firstDay),
        calibrationEnd: fit.calibrationEnd,
        timeUnit: 'week',
        horizonWeeks: fit.horizonWeeks,
        annualDiscountRate: fit.annualDiscountRate,
        margin: fit.margin,
        counts: fit.counts,
        excluded: fit.excluded,
        bgnbd: fit.bgnbd,
        gammaGamma: fit.gammaGamma,
        averageClv: fit.averageClv,
        totalClv: fit.totalClv,
        lapseRisk: lapsing,
        customers: byValue,
      };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout(formatReport(log, fit, byValue.slice(0, top), lapsing));
    }
    return 0;
  },
};

function numberFlag(name: string, value: string | undefined, fallback: number, valid: (v: number) => boolean): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || !valid(parsed)) throw new UsageError(`bad ${name} ${JSON.stringify(value)}`);
  return parsed;
}
