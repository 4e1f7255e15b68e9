import Papa from 'papaparse';

/**
 * The one CSV writer of KPI Lens (exports, the weekly summary, the rows an import left out, the
 * table picker's hand-over to the importer), on papaparse's `unparse`.
 *
 * A spreadsheet runs a cell as a formula when it starts with = + - @ (or a tab or a carriage
 * return before one), and CRM text is written by anyone: a deal titled `=HYPERLINK(...)` must stay
 * text. Which cells a spreadsheet sees depends on the separator it splits on, and that depends on
 * the reader's locale, not on the file: Excel in a German or Russian locale splits a comma file on
 * `;`, and only honours a quote that opens a field it split. So a cell `x;=1+1`, quoted for a `,`
 * reader, still hands a `;` reader the field `=1+1"`. The rule, for a file written with one
 * delimiter and read with any of `,` `;` or tab:
 * - every text cell that holds another separator is quoted (so the cell is whole for any reader
 *   where it opens a line);
 * - in `neutralise` mode (files meant for reading), a `'` is put before every place a reader may
 *   start a field or a line inside the cell: the cell's start, and right after a separator other
 *   than the file's own or a line break, when what follows (after spaces) is a formula trigger.
 *   `x;=1+1` is written `"x;'=1+1"`; `=1+1` is written `'=1+1`. Numbers and booleans are written
 *   as they are, so amounts stay numbers.
 * Files meant to be read back by KPI Lens's importer (the rows an import left out, the table
 * picker's rows) are written without neutralising, so every cell reads back exactly.
 */
export type CsvValue = string | number | boolean | null | undefined | object;

export type CsvOptions = {
  /** The file's own separator: `,` (default), or the separator of the file a CSV answers. */
  delimiter?: string;
  /** Put `'` before formula triggers (see above). Default true: a file for people to open. */
  neutralise?: boolean;
  /** Quote every cell, for a reader that must take every cell as text. */
  quoteAll?: boolean;
  newline?: '\r\n' | '\n';
};

/** The separators a spreadsheet may split on, whatever the file was written with. */
const READER_SEPARATORS = [',', ';', '\t'];
/**
 * A formula's first character after spaces or quotes (a reader that did not open the cell's
 * quote reads a doubled `""` as an empty quoted text and goes on); a leading tab or carriage
 * return counts too.
 */
const TRIGGER = /(?:[^\S\r\n]|")*[=+\-@]|[\t\r]/y;

/**
 * `text` with `'` put wherever a reader of any locale may start a field or a line on a formula
 * trigger, given the file's own `delimiter` (which the writer quotes, so it never starts a field).
 */
export function neutraliseText(text: string, delimiter = ','): string {
  const boundaries = new Set([...READER_SEPARATORS.filter((separator) => separator !== delimiter), '\r', '\n']);
  let out = '';
  let segmentStart = true;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (segmentStart) {
      TRIGGER.lastIndex = at;
      if (TRIGGER.test(text)) out += "'";
    }
    out += char;
    // `\r\n` is one line break: the segment starts after the `\n`.
    segmentStart = boundaries.has(char) && !(char === '\r' && text[at + 1] === '\n');
  }
  return out;
}

function prepare(value: CsvValue, delimiter: string, neutralise: boolean): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return neutralise ? neutraliseText(text, delimiter) : text;
}

/** Rows of cells as CSV text, each line ended by `newline` (an empty list gives an empty text). */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  if (rows.length === 0) return '';
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const neutralise = options.neutralise ?? true;
  if (delimiter === '' || /["\r\n]/.test(delimiter)) throw new Error('a CSV delimiter cannot be empty, a quote or a line break');
  const others = READER_SEPARATORS.filter((separator) => separator !== delimiter);
  const text = Papa.unparse(
    rows.map((row) => row.map((value) => prepare(value, delimiter, neutralise))),
    {
      delimiter,
      newline,
      escapeFormulae: false,
      header: false,
      quotes: (value: unknown) => options.quoteAll === true || (typeof value === 'string' && others.some((separator) => value.includes(separator))),
    },
  );
  return `${text}${newline}`;
}

/** One row as one CSV line, without a line break. */
export function csvLine(cells: readonly CsvValue[], options: CsvOptions = {}): string {
  return toCsv([cells], options).slice(0, -(options.newline ?? '\r\n').length);
}
