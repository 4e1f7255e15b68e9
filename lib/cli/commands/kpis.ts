import { parseFlags } from '../args';
import { checkCsvOnly, READING_FLAGS, READING_USAGE, readingOptions } from '../reading';
import { UsageError, type CliCommand } from '../types';

const USAGE = `Usage: kpi-lens kpis (--csv FILE | --data FILE.json) [options]

Computes the sales KPIs the data allows, for one period.

Data (one of):
  --csv FILE           a CRM export (deals, activities or leads; Pipedrive, HubSpot, Salesforce,
                       amoCRM/Kommo, Bitrix24 or any CSV with recognisable headers, English or Russian)
  --data FILE.json     canonical records: { "deals": [...], "owners": [...], "activities": [...], ... }

Options:
  --map field=column   read a field from this column (repeatable), e.g. --map closedAt="Close Date"
  --won VALUE,...      stage (or status) values that mean won, for exports without a status column
  --lost VALUE,...     the same for lost
  --period SPEC        2017-06 | 2017-Q2 | 2017 | 2017-W23 | FY2018 | FY2018-Q1 | 2017-06-05 |
                       START..END (end inclusive). Default: the month holding --as-of
  --as-of DATE         the instant the numbers are as of (YYYY-MM-DD = the end of that day): nothing
                       after it counts, deals closed later are open then, the pipeline is that of then,
                       and a period in progress is compared with the same days of the one before.
                       Default: the latest close date in the data, so an old export gives its own time
  --week-start DAY     first day of the week: monday (default) or sunday (or 0–6, 0 = Sunday)
  --fiscal-year-start MONTH  the month the fiscal year starts in, e.g. 4 or april (default: january)
  --rate CUR=RATE      units of the reporting currency per unit of CUR, e.g. --rate EUR=1.08
                       (repeatable); amounts in a currency without a rate are left out and counted
  --owner NAME         only this owner's records
  --tz ZONE            IANA time zone for dates and periods (default: $TZ, else UTC)
  --currency CODE      currency of amounts that name none, and the reporting currency
                       (default: the most common deal currency, else USD)
  --json               print one JSON object: { period, partial, comparison, kpis: { <id>: { status,
                       value, unit, breakdown, parts, previous, sample, coverage, ... } } } with money
                       in major units everywhere and the period end inclusive. status is ok,
                       low-sample (a rate on too few records), needs-data or not-defined
  -h, --help           this text

${READING_USAGE}`;

export const kpisCommand: CliCommand = {
  name: 'kpis',
  summary: 'compute sales KPIs from a CRM CSV export or a JSON file of records',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, KPIS_FLAGS);
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    if ((flags.csv === undefined) === (flags.data === undefined)) throw new UsageError('give one of --csv FILE or --data FILE.json');
    if (flags.data !== undefined && (flags.map || flags.won || flags.lost)) throw new UsageError('--map, --won and --lost apply to --csv only');
    checkCsvOnly(flags);
    readingOptions(flags);
    // The engine and the importer load only when a command runs, so `--help` answers at once.
    const { runKpis } = await import('../kpis/run');
    return runKpis(flags, io);
  },
};

export const KPIS_FLAGS = {
  csv: { type: 'string' },
  data: { type: 'string' },
  map: { type: 'string', multiple: true },
  won: { type: 'string', multiple: true },
  lost: { type: 'string', multiple: true },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  owner: { type: 'string' },
  tz: { type: 'string' },
  currency: { type: 'string' },
  rate: { type: 'string', multiple: true },
  'week-start': { type: 'string' },
  'fiscal-year-start': { type: 'string' },
  json: { type: 'boolean' },
  ...READING_FLAGS,
  help: { type: 'boolean', short: 'h' },
} as const;
