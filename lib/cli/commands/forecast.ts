import { parseFlags } from '../args';
import { checkCsvOnly, READING_USAGE, readingOptions } from '../reading';
import { UsageError, type CliCommand } from '../types';
import { KPIS_FLAGS } from './kpis';

const USAGE = `Usage: kpi-lens forecast (--csv FILE | --data FILE.json) [options]

Forecasts where a period will end: won so far, P10 / P50 / P90 of won revenue and deals at the
period's end, the chance of reaching the quota, the plan to reach it and the deals that matter,
from only what the data knew at --as-of.

Data (one of):
  --csv FILE           a CRM export (as for kpi-lens kpis)
  --data FILE.json     canonical records: { "deals": [...], "activities": [...], ... }

Reading options (--csv only): --map field=column, --won VALUE,..., --lost VALUE,... (see kpi-lens kpis --help),
and those below.

Options:
  --period SPEC        2017-06 | 2017-Q2 | 2017 | ... (as for kpis). Default: the month holding --as-of
  --as-of DATE         "now" (YYYY-MM-DD = the end of that day). Default: the latest close date in the data
  --quota AMOUNT       the period's quota in major units of the reporting currency (e.g. 186000);
                       default: the quotas in --data, if any
  --owner NAME         only this owner (default: everyone)
  --backtest           also forecast the past periods on the same day and say how often the real
                       result fell within P10–P90
  --periods N          past periods for --backtest (default 6)
  --seed N             seed of the simulation (default 1); the same seed gives the same numbers
  --draws N            simulated endings (default and minimum 2000)
  --tz ZONE            IANA time zone (default: $TZ, else UTC)
  --currency CODE      reporting currency (default: the most common deal currency, else USD)
  --json               print one JSON object: { period, asOf, wonSoFar, p10, p50, p90,
                       probabilityOfQuota, plan, topDeals, backtest, ... }, money in major units
  -h, --help           this text

${READING_USAGE}For a forecast: 0 forecast made, 1 --strict and rows rejected (the forecast is still printed) or
failed, 2 bad usage, unreadable input or nothing imported.
`;

export const FORECAST_FLAGS = {
  ...KPIS_FLAGS,
  quota: { type: 'string' },
  backtest: { type: 'boolean' },
  periods: { type: 'string' },
  seed: { type: 'string' },
  draws: { type: 'string' },
} as const;

export const forecastCommand: CliCommand = {
  name: 'forecast',
  summary: 'forecast where the period will end, the plan to quota and the deals that matter',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, FORECAST_FLAGS);
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    if ((flags.csv === undefined) === (flags.data === undefined)) throw new UsageError('give one of --csv FILE or --data FILE.json');
    if (flags.data !== undefined && (flags.map || flags.won || flags.lost)) throw new UsageError('--map, --won and --lost apply to --csv only');
    checkCsvOnly(flags);
    readingOptions(flags);
    const { runForecast } = await import('../forecast/run');
    return runForecast(flags, io);
  },
};
