import Papa from 'papaparse';

/** One parsed row and the 1-based line of the file it starts on. */
export type CsvRow = { line: number; cells: string[] };
/** Text that could not be read as a row (broken quotes, a runaway row). */
export type CsvBadRow = { line: number; reason: string; excerpt: string };

export type CsvReaderOptions = {
  /** Sniffed from the first line when absent. */
  delimiter?: string;
  /**
   * A row still unfinished after this many characters is given up on: in
   * practice an opening quote that is never closed, which would otherwise
   * swallow the rest of the file and hold it in memory.
   */
  maxRowChars: number;
};

export type CsvReader = {
  push(chunk: string): void;
  end(): void;
  /** The delimiter in use, once known. */
  delimiter(): string | undefined;
};

const SNIFF_AFTER_CHARS = 65_536;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Reads CSV text pushed chunk by chunk with papaparse's own parser, keeping only
 * the unfinished row between chunks so memory stays bounded whatever the file
 * size. Line numbers count physical lines, so a quoted cell spanning three
 * lines moves the next row's number by three.
 *
 * Broken quoting is contained: a row whose quotes do not balance and that runs
 * over several lines is reported as a bad row at its first line, and reading
 * resumes on the next line, so one stray quote costs one row, not the file.
 */
export function createCsvReader(options: CsvReaderOptions, onRow: (row: CsvRow) => void, onBad: (bad: CsvBadRow) => void): CsvReader {
  let buffer = '';
  let line = 1;
  let started = false;
  let delimiter = options.delimiter;
  let newline: '\n' | '\r' | undefined;

  function sniff(final: boolean): boolean {
    if (delimiter !== undefined && newline !== undefined) return true;
    const firstBreak = buffer.search(/[\r\n]/);
    if (firstBreak < 0 && !final && buffer.length < SNIFF_AFTER_CHARS) return false;
    // A CR at the very end may be the first half of a CRLF still to come.
    if (firstBreak === buffer.length - 1 && buffer.endsWith('\r') && !final) return false;
    // `\n` also covers CRLF: a trailing `\r` is cut from each row's last cell.
    newline = buffer.includes('\n') || !buffer.includes('\r') ? '\n' : '\r';
    delimiter ??= sniffDelimiter(firstBreak < 0 ? buffer : buffer.slice(0, firstBreak));
    return true;
  }

  function drain(final: boolean): void {
    if (!sniff(final) || delimiter === undefined || newline === undefined) return;
    const lineChar = newline;
    for (;;) {
      let rowStart = 0;
      let restartAt = -1;
      const parser = new Papa.Parser({
        delimiter,
        newline,
        // The low-level parser calls step with the results only; it is aborted through `parser`.
        step: (results: Papa.ParseStepResult<string[][]>) => {
          const rowEnd = results.meta.cursor;
          const cells = results.data[0] ?? [];
          const spanned = countChar(buffer, lineChar, rowStart, rowEnd);
          const body = trimLineEnd(buffer, rowStart, rowEnd, lineChar);
          const innerBreaks = countChar(buffer, lineChar, rowStart, body);
          const quoteError = results.errors.find((error) => error.type === 'Quotes');
          if (quoteError && innerBreaks > 0) {
            onBad({ line, reason: `${describeQuoteError(quoteError.code)}; the row was skipped up to the next line`, excerpt: excerptAt(buffer, rowStart) });
            restartAt = nextLineStart(buffer, rowStart, lineChar);
            parser.abort();
            return;
          }
          if (quoteError) onBad({ line, reason: describeQuoteError(quoteError.code), excerpt: excerptAt(buffer, rowStart) });
          else if (!isBlankLine(cells)) onRow({ line, cells: stripCarriageReturn(cells) });
          line += spanned;
          rowStart = rowEnd;
        },
      });
      const results = parser.parse(buffer, 0, !final) as Papa.ParseResult<string[]>;
      if (restartAt >= 0) {
        buffer = buffer.slice(restartAt);
        line += 1;
        continue;
      }
      buffer = final ? '' : buffer.slice(results.meta.cursor);
      if (!final && buffer.length > options.maxRowChars) {
        onBad({
          line,
          reason: `the row is longer than ${options.maxRowChars.toLocaleString('en')} characters (probably an opening quote that is never closed); skipped up to the next line`,
          excerpt: excerptAt(buffer, 0),
        });
        buffer = buffer.slice(nextLineStart(buffer, 0, lineChar));
        line += 1;
        continue;
      }
      return;
    }
  }

  return {
    push(chunk: string) {
      if (!started) {
        if (chunk === '') return;
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      buffer += chunk;
      drain(false);
    },
    end() {
      drain(true);
    },
    delimiter: () => delimiter,
  };
}

/** The candidate that occurs most often outside quotes in the header line; `,` on a tie. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (CANDIDATE_DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATE_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(char, from); at >= 0 && at < to; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

/** End of the row's text without its terminating line break. */
function trimLineEnd(text: string, start: number, end: number, lineChar: string): number {
  let at = end;
  if (at > start && text[at - 1] === lineChar) at -= 1;
  if (at > start && text[at - 1] === '\r') at -= 1;
  return at;
}

function nextLineStart(text: string, from: number, lineChar: string): number {
  const at = text.indexOf(lineChar, from);
  return at < 0 ? text.length : at + 1;
}

/** A line with nothing on it (or only a CR) is no row; it still counts as a line. */
function isBlankLine(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] === '' || cells[0] === '\r');
}

function stripCarriageReturn(cells: string[]): string[] {
  const last = cells.length - 1;
  if (last >= 0 && cells[last]?.endsWith('\r')) cells[last] = cells[last].slice(0, -1);
  return cells;
}

function excerptAt(text: string, start: number): string {
  const end = text.slice(start, start + 200).search(/[\r\n]/);
  return text.slice(start, end < 0 ? start + 80 : Math.min(start + end, start + 80));
}

function describeQuoteError(code: string): string {
  return code === 'MissingQuotes' ? 'a quoted cell is never closed' : 'a quoted cell is not closed properly (a stray quote)';
}
