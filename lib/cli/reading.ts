// Light modules only: `--help` answers before the importer loads.
import { DATE_ORDERS } from '../import/formats/date-text';
import { isLocale } from '../import/formats/locale';
import { describeImport } from '../import/summary-line';
import { PRESET_IDS, type DateOrder, type ImportOptions, type PresetId } from '../import/types';
import type { LoadedData } from './load-data';
import { UsageError } from './types';

/** How `kpis`, `summary` and `import` read a CSV export: the same flags, the same reader. */
export const READING_FLAGS = {
  preset: { type: 'string' },
  'number-locale': { type: 'string' },
  'date-order': { type: 'string' },
  'excel-1904': { type: 'boolean' },
  strict: { type: 'boolean' },
} as const;

export const READING_USAGE = `CSV reading (every amount and date column is read one way, decided from all its values):
  --preset CRM         pipedrive | hubspot | salesforce | amocrm | bitrix24 | none (default: detected)
  --number-locale TAG  how amounts the file leaves open read: en (1,234.56) | de (1.234,56) | any
                       language tag; asked for when a column such as "1.000" could be one or a thousand
  --date-order ORDER   dmy | mdy | ymd: how dates such as 05/06/2017 read when no value tells
  --excel-1904         Excel serial dates count from 1904 (old Mac workbooks), not 1900
  --currency CODE      currency of amounts that name none (else the preset's account currency, else
                       reported as unknown, never assumed)
  --strict             exit 1 when any row is rejected
Exit codes: 0 something imported, 1 --strict and rows rejected (or failed), 2 nothing imported,
bad usage or unreadable input. One summary line on stderr: rows read, imported, rejected by reason,
each column's format and why.
`;

export type ReadingFlags = { preset?: string; 'number-locale'?: string; 'date-order'?: string; 'excel-1904'?: boolean; strict?: boolean };

/** The reading flags as import options; a typo is a usage error before the file is read. */
export function readingOptions(flags: ReadingFlags): Pick<ImportOptions, 'preset' | 'numberLocale' | 'dateOrder' | 'excelEpoch'> {
  const { preset } = flags;
  if (preset !== undefined && preset !== 'none' && !(PRESET_IDS as readonly string[]).includes(preset))
    throw new UsageError(`bad --preset ${JSON.stringify(preset)}: use ${PRESET_IDS.join(', ')} or none`);
  const locale = flags['number-locale'];
  if (locale !== undefined && !isLocale(locale)) throw new UsageError(`bad --number-locale ${JSON.stringify(locale)}: use a language tag such as en, de or ru`);
  const order = flags['date-order'];
  if (order !== undefined && !(DATE_ORDERS as readonly string[]).includes(order))
    throw new UsageError(`bad --date-order ${JSON.stringify(order)}: use dmy, mdy or ymd`);
  return {
    ...(preset === undefined ? {} : { preset: preset as PresetId | 'none' }),
    ...(locale === undefined ? {} : { numberLocale: locale }),
    ...(order === undefined ? {} : { dateOrder: order as DateOrder }),
    ...(flags['excel-1904'] ? { excelEpoch: 1904 as const } : {}),
  };
}

/** The reading flags apply to a CSV only. */
export function checkCsvOnly(flags: ReadingFlags & { csv?: string }): void {
  const given = (['preset', 'number-locale', 'date-order', 'excel-1904'] as const).filter((name) => flags[name] !== undefined);
  if (flags.csv === undefined && given.length)
    throw new UsageError(`${given.map((name) => `--${name}`).join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to --csv only`);
}

/**
 * The one-line account of a CSV read (undefined for records read from JSON,
 * which have their own), and the exit code it calls for: 2 when nothing
 * could be imported, 1 with --strict when any row was rejected, else 0.
 */
export function readOutcome(loaded: LoadedData, strict: boolean | undefined): { code: number; line?: string } {
  const csv = loaded.csv;
  if (!csv) return { code: 0 };
  const line = describeImport(csv);
  if (csv.imported === 0) return { code: 2, line };
  return { code: strict && csv.rejectCount > 0 ? 1 : 0, line };
}
