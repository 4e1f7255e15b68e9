import { computeKpis, hasValue } from '../../kpi';
import { backtest, forecast, type Forecast } from '../../forecast';
import { majorToMinor } from '../../money';
import type { CalendarOptions } from '../../period';
import { resolveTimeZone } from '../commands/shared';
import { buildQuery, checkQueryFlags } from '../kpis/query';
import { loadFromFlags, type LoadedData } from '../load-data';
import { readOutcome, type ReadingFlags } from '../reading';
import { UsageError, type CliIO } from '../types';
import { forecastJson, renderForecast } from './report';

export type ForecastFlags = ReadingFlags & {
  csv?: string;
  data?: string;
  map?: string[];
  won?: string[];
  lost?: string[];
  period?: string;
  'as-of'?: string;
  owner?: string;
  tz?: string;
  currency?: string;
  quota?: string;
  backtest?: boolean;
  periods?: string;
  seed?: string;
  draws?: string;
  json?: boolean;
};

/** Loads the data as `kpis` does, forecasts (and back-tests), and prints the text or the JSON report. */
export async function runForecast(flags: ForecastFlags, io: CliIO): Promise<number> {
  const timeZone = resolveTimeZone(flags.tz, io);
  const calendar: CalendarOptions = { timeZone, weekStartsOn: 1, fiscalYearStartMonth: 1 };
  const queryFlags = { period: flags.period, asOf: flags['as-of'], owner: flags.owner, currency: flags.currency };
  checkQueryFlags(queryFlags, calendar);
  const seed = wholeNumber(flags.seed, '--seed', 1, 0);
  const draws = wholeNumber(flags.draws, '--draws', 2000, 2000);
  const periods = wholeNumber(flags.periods, '--periods', 6, 1, 60);
  if (flags.periods !== undefined && !flags.backtest) throw new UsageError('--periods goes with --backtest');
  // A typo in --quota fails before a big file is read (the currency, and so the digits, come later).
  if (flags.quota !== undefined && !(Number(majorToMinor(flags.quota, 'USD')) > 0)) throw badQuota(flags.quota);
  const loaded: LoadedData = await loadFromFlags(flags, timeZone, io);
  // The same outcome as `kpis`: nothing imported is exit 2 (said on stderr), --strict with rejected rows 1.
  const { code, line } = readOutcome(loaded, flags.strict);
  if (code === 2) {
    io.stderr(`${line ?? 'nothing imported'}\n`);
    return code;
  }
  const built = buildQuery(loaded.data, queryFlags, calendar, io.now());
  const { query } = built;
  const quota = quotaFor(flags.quota, loaded, query);
  const common = {
    data: loaded.data,
    period: query.period,
    asOf: query.asOf,
    scope: query.scope,
    calendar,
    currency: query.currency,
    settings: { seed, draws },
  };
  const result: Forecast = forecast({ ...common, ...(quota.minor !== undefined ? { quota: quota.minor } : {}) });
  const past = flags.backtest ? backtest({ ...common, periods }) : null;
  if (flags.json) {
    io.stdout(
      `${JSON.stringify(forecastJson(result, past, { calendar, currency: query.currency.reporting, owner: built.ownerName, quotaFrom: quota.from, asOfFrom: built.asOfSource }), null, 2)}\n`,
    );
  } else {
    io.stdout(
      renderForecast(result, past, { calendar, currency: query.currency.reporting, owner: built.ownerName, quotaFrom: quota.from, asOfFrom: built.asOfSource }),
    );
  }
  if (line !== undefined) io.stderr(`${line}\n`);
  for (const note of loaded.notes) io.stderr(`Note: ${note}\n`);
  if (loaded.rejectCount) io.stderr(`${loaded.rejectCount.toLocaleString('en-US')} rows or records rejected (see kpi-lens kpis for the reasons).\n`);
  return code;
}

function badQuota(text: string): UsageError {
  return new UsageError(`bad --quota ${JSON.stringify(text)}: expected an amount above 0 such as 186000`);
}

function wholeNumber(text: string | undefined, flag: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `bad ${flag} ${JSON.stringify(text)}: expected a whole number${min > 0 ? ` of at least ${min}` : ''}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ''}`,
    );
  }
  return value;
}

/** `--quota` in major units, else the quota the data holds for the scope and period (via the KPI engine). */
function quotaFor(
  flag: string | undefined,
  loaded: LoadedData,
  query: ReturnType<typeof buildQuery>['query'],
): { minor?: number; from: 'flag' | 'data' | 'none' } {
  if (flag !== undefined) {
    const minor = majorToMinor(flag, query.currency.reporting);
    if (minor === undefined || minor <= 0) throw badQuota(flag);
    return { minor, from: 'flag' };
  }
  if (!loaded.data.quotas.length) return { from: 'none' };
  const attainment = computeKpis(loaded.data, { ...query, kpis: ['quotaAttainment'] }).quotaAttainment;
  // A quota early in the period rests on few won deals (low-sample) but is the quota all the same.
  if (hasValue(attainment) && attainment.denominator !== undefined && attainment.denominator > 0) return { minor: attainment.denominator, from: 'data' };
  return { from: 'none' };
}
