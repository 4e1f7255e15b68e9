import { parseFlags } from '../args';
import { checkCsvOnly, READING_FLAGS, READING_USAGE, readingOptions } from '../reading';
import { UsageError, type CliCommand } from '../types';

const USAGE = `Usage: kpi-lens summary (--csv FILE | --data FILE.json) [options]

Prints the weekly summary of one rep, a team or everyone: activities against targets, deals
created / won / lost, quota attainment and pace, how the pipeline moved (new, advanced, slipped,
won, lost), top open deals, deals at risk, and the change from the week before.

Data (one of):
  --csv FILE           a CRM export (deals, activities or leads), as for kpi-lens kpis
  --data FILE.json     canonical records: { "deals": [...], "owners": [...], "activities": [...], ... }

Options:
  --week SPEC          the ISO week, e.g. 2017-W23 (Monday to Sunday). Default: the last full week
                       before --as-of
  --owner NAME         one rep's summary
  --team NAME          a team's summary: the team's total, then one section per rep
                       (default without --owner or --team: everyone, one section per active rep)
  --format FORMAT      md (Markdown, the default) | csv | json
  --lang LANG          en (default) | ru: the language of the Markdown and CSV labels
  --out FILE           write the summary to FILE instead of standard output
  --as-of DATE         "now" (YYYY-MM-DD = the end of that day): nothing after it counts. Open deals and
                       deals at risk are those at the end of the week (or now, for the week in
                       progress, which is compared with last week up to the same point). Default: the
                       latest close date in the data, so an old export reads as of its own time
  --tz ZONE            IANA time zone for weeks and dates (default: $TZ, else UTC)
  --currency CODE      reporting currency (default: the most common deal currency, else USD)
  --rate CUR=RATE      units of the reporting currency per unit of CUR, e.g. --rate EUR=1.08 (repeatable)
  --map field=column   --won VALUE,...   --lost VALUE,...   CSV reading options, as for kpi-lens kpis
  -h, --help           this text

${READING_USAGE}`;

export const SUMMARY_FLAGS = {
  csv: { type: 'string' },
  data: { type: 'string' },
  week: { type: 'string' },
  owner: { type: 'string' },
  team: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  'as-of': { type: 'string' },
  tz: { type: 'string' },
  currency: { type: 'string' },
  rate: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  won: { type: 'string', multiple: true },
  lost: { type: 'string', multiple: true },
  ...READING_FLAGS,
  help: { type: 'boolean', short: 'h' },
} as const;

export const SUMMARY_FORMATS = ['md', 'csv', 'json'] as const;

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'the weekly summary of a rep, a team or everyone (Markdown, CSV or JSON)',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, SUMMARY_FLAGS);
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    if ((flags.csv === undefined) === (flags.data === undefined)) throw new UsageError('give one of --csv FILE or --data FILE.json');
    if (flags.data !== undefined && (flags.map || flags.won || flags.lost)) throw new UsageError('--map, --won and --lost apply to --csv only');
    checkCsvOnly(flags);
    readingOptions(flags);
    if (flags.owner !== undefined && flags.team !== undefined) throw new UsageError('give --owner or --team, not both');
    const format = flags.format ?? 'md';
    if (!(SUMMARY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`bad --format ${JSON.stringify(format)}: use md, csv or json`);
    const lang = flags.lang ?? 'en';
    if (lang !== 'en' && lang !== 'ru') throw new UsageError(`bad --lang ${JSON.stringify(lang)}: use en or ru`);
    // The engine and the importer load only when a command runs, so `--help` answers at once.
    const { runSummary } = await import('../summary/run');
    return runSummary({ ...flags, format: format as (typeof SUMMARY_FORMATS)[number], lang }, io);
  },
};
