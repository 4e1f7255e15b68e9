import { DATE_FIELDS, NUMBER_FIELDS, type Layout } from './columns';
import type { DateReadOptions } from './dates';
import { decideDateColumn, decideNumberColumn, type ColumnFormat } from './formats/decide';
import { describeProblem } from './formats/describe';
import type { DecimalMark } from './formats/number-text';
import { FormatError, type ColumnProfile, type ImportOptions } from './types';

/**
 * The format of every mapped amount and date column, decided from all its
 * values and the file's other evidence (formats/decide.ts). Throws a
 * FormatError naming the choice to make when a column stays open or mixes
 * two formats: nothing is imported in a format nobody chose.
 */
export function decideFormats(layout: Layout, headers: readonly string[], profiles: readonly ColumnProfile[], options: ImportOptions): ColumnFormat[] {
  const formats = inspectFormats(layout, headers, profiles, options);
  const open = formats.filter((format) => format.problem !== undefined);
  if (open.length) throw new FormatError(open.map(describeProblem).join('; '), open);
  return formats;
}

/** The same decisions, problems included, for a preview that asks the rep instead of failing. */
export function inspectFormats(layout: Layout, headers: readonly string[], profiles: readonly ColumnProfile[], options: ImportOptions): ColumnFormat[] {
  const inputs = {
    headers,
    profiles,
    choices: options.formats,
    numberLocale: options.numberLocale,
    dateOrder: options.dateOrder,
    excelEpoch: options.excelEpoch,
    locale: layout.locale,
  };
  const formats: ColumnFormat[] = [];
  const seen = new Set<number>();
  for (const [field, column] of layout.columns.index) {
    if (seen.has(column)) continue;
    if (NUMBER_FIELDS.has(field)) formats.push(decideNumberColumn(column, inputs));
    else if (DATE_FIELDS.has(field)) formats.push(decideDateColumn(column, inputs));
    else continue;
    seen.add(column);
  }
  return formats.sort((a, b) => a.column - b.column);
}

/** Per column, how the row reader reads it: a date column's options (one object per column, so readDate caches per column). */
export function formatEnv(
  formats: readonly ColumnFormat[],
  timeZone: string,
): { dateReading: Map<number, DateReadOptions>; decimalMark: Map<number, DecimalMark> } {
  const dateReading = new Map<number, DateReadOptions>();
  const decimalMark = new Map<number, DecimalMark>();
  for (const format of formats) {
    const { reading } = format;
    if (format.kind === 'number') {
      if (reading === '.' || reading === ',') decimalMark.set(format.column, reading);
      continue;
    }
    if (reading === 'excel1900' || reading === 'excel1904') dateReading.set(format.column, { timeZone, serial: reading === 'excel1904' ? 1904 : 1900 });
    else if (reading === 'dmy' || reading === 'mdy' || reading === 'ymd') dateReading.set(format.column, { timeZone, dateOrder: reading });
  }
  return { dateReading, decimalMark };
}
