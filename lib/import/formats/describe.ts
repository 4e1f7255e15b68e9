import type { ColumnFormat, ColumnReading } from './decide';
import { dateParts, type DateOrder } from './date-text';
import { numberReadings, type DecimalMark } from './number-text';

/** Readings in words, with the shape they read. */
export const READING_NAMES: Readonly<Record<ColumnReading, string>> = {
  '.': '1,234.56',
  ',': '1.234,56',
  dmy: 'day first (31/12/2017)',
  mdy: 'month first (12/31/2017)',
  ymd: 'year first (17/12/31)',
  excel1900: 'Excel serial days (1900 count)',
  excel1904: 'Excel serial days (1904 count, old Mac workbooks)',
};

/** The CLI option that picks a reading for every open column. */
export function flagFor(reading: ColumnReading): string {
  if (reading === '.') return '--number-locale en';
  if (reading === ',') return '--number-locale de';
  if (reading === 'excel1904') return '--excel-1904';
  if (reading === 'excel1900') return 'the default Excel count';
  return `--date-order ${reading}`;
}

/** What `text` reads as under each reading, e.g. `"1.000" is 1 (1,234.56) or 1000 (1.234,56)`. */
export function readingsOf(text: string, readings: readonly ColumnReading[]): string {
  const shown = readings.map((reading) => `${valueUnder(text, reading)} (${READING_NAMES[reading]})`);
  return `${JSON.stringify(text)} is ${shown.join(' or ')}`;
}

function valueUnder(text: string, reading: ColumnReading): string {
  if (reading === '.' || reading === ',') return numberReadings(text)?.[reading as DecimalMark] ?? '?';
  const parts = dateParts(text, reading as DateOrder);
  return parts ? `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}` : '?';
}

/** Why a column cannot be read as it is, and the choice that settles it. */
export function describeProblem(format: ColumnFormat): string {
  const column = `column ${JSON.stringify(format.header)}`;
  const flags = format.candidates.length
    ? format.candidates.map(flagFor).join(' or ')
    : format.kind === 'number'
      ? '--number-locale en or de'
      : '--date-order dmy, mdy or ymd';
  if (format.problem === 'mixed') {
    return `${column} mixes two ${format.kind === 'number' ? 'number' : 'date'} formats (${format.examples.map((text) => JSON.stringify(text)).join(' and ')}): choose one (${flags}); rows in the other format are then rejected`;
  }
  const example = format.examples[0];
  const what =
    example === undefined
      ? `its values fit ${format.candidates.map((reading) => READING_NAMES[reading]).join(' and ')}`
      : readingsOf(example, format.candidates);
  const tell = format.kind === 'number' ? 'no value in the file tells which decimal mark it uses' : 'no date in the file tells which order it uses';
  return `${column}: ${what}, and ${tell}; choose with ${flags}`;
}

/** A column's reading in a few words for the import's summary: `"Amount" 1.234,56 (its values)`. */
export function describeFormat(format: ColumnFormat): string {
  const column = JSON.stringify(format.header);
  if (format.problem) return `${column} undecided`;
  if (format.reading === undefined) return `${column} ${format.kind === 'number' ? 'plain numbers' : 'ISO dates'}`;
  const basis = {
    values: 'its values',
    choice: 'chosen',
    option: format.from === undefined ? 'option' : format.kind === 'number' ? `--number-locale ${format.from}` : flagFor(format.reading),
    file: `as ${format.from ?? 'the file'}`,
    locale: format.from ?? 'locale',
    unneeded: 'any order reads the same',
  }[format.basis ?? 'values'];
  return `${column} ${READING_NAMES[format.reading]} (${basis})`;
}
