import { IMPORT_KINDS, type ImportKind } from '../../import/types';
import { listValues, mapPairs, parseFlags } from '../args';
import { READING_FLAGS, READING_USAGE, readingOptions, readOutcome } from '../reading';
import { UsageError, type CliCommand } from '../types';
import { resolveTimeZone } from './shared';

const USAGE = `Usage: kpi-lens import --csv FILE [--out FILE.json] [options]

Reads a CRM CSV export and writes its canonical records as JSON, in the shape
\`kpi-lens kpis --data\` reads: { "deals": [...], "owners": [...], ... }.
Rejected rows go to stderr with their line numbers.

Options:
  --csv FILE           the export
  --out FILE.json      where to write (default: stdout)
  --kind KIND          deals | activities | leads (default: detected from the headers)
  --map field=column   read a field from this column (repeatable)
  --won VALUE,...      stage values that mean won, for exports without a status column
  --lost VALUE,...     the same for lost
  --tz ZONE            time zone of dates without one (default: $TZ, else UTC)
  -h, --help           this text

${READING_USAGE}`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'turn a CRM CSV export into canonical records (JSON)',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, {
      csv: { type: 'string' },
      out: { type: 'string' },
      kind: { type: 'string' },
      ...READING_FLAGS,
      map: { type: 'string', multiple: true },
      won: { type: 'string', multiple: true },
      lost: { type: 'string', multiple: true },
      tz: { type: 'string' },
      currency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (flags.csv === undefined) throw new UsageError('give --csv FILE');
    if (flags.kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(flags.kind))
      throw new UsageError(`bad --kind ${JSON.stringify(flags.kind)}: use ${IMPORT_KINDS.join(', ')}`);
    const reading = readingOptions(flags);
    const { loadCsv } = await import('../load-data');
    const loaded = await loadCsv(
      flags.csv,
      {
        timeZone: resolveTimeZone(flags.tz, io),
        kind: flags.kind as ImportKind | undefined,
        ...reading,
        map: mapPairs(flags.map),
        won: listValues(flags.won),
        lost: listValues(flags.lost),
        currency: flags.currency,
        importedAt: io.now(),
      },
      io,
    );
    const { code, line } = readOutcome(loaded, flags.strict);
    const lines = line === undefined ? [] : [line];
    for (const reject of loaded.rejects.slice(0, 20)) lines.push(`  ${reject.where}: ${reject.reason}`);
    if (loaded.rejectCount > 20) lines.push(`  … and ${loaded.rejectCount - 20} more rejected`);
    for (const note of loaded.notes) lines.push(`Note: ${note}`);
    if (lines.length) io.stderr(`${lines.join('\n')}\n`);
    // Nothing imported: no file of empty lists that a script would take for a result.
    if (code === 2) return code;
    const { deals, owners, products, customers, activities, leads } = loaded.data;
    const json = `${JSON.stringify({ owners, products, customers, deals, activities, leads }, null, 2)}\n`;
    if (flags.out === undefined) io.stdout(json);
    else await io.writeFile(flags.out, json);
    return code;
  },
};
