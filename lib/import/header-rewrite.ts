import Papa from 'papaparse';
import { csvLine } from '../export/csv';
import { ImportError, type AnyField } from './types';
import { uniqueNames } from './unique-names';

/** Where each field is read from: a column index, as the rep chose in the mapping. */
export type ColumnChoice = Partial<Record<AnyField, number>>;

/** The header line an import reads instead of the file's own, and the field → header map that goes with it. */
export type HeaderPlan = { names: string[]; map: Partial<Record<AnyField, string>> };

const MAX_HEADER_CHARS = 1 << 20;

/**
 * Makes the rep's mapping exact. lib/import takes field → header overrides
 * but would still let its synonyms read a column the rep set to "not
 * imported", and cannot tell two columns of one name apart. So the header
 * line is rewritten: mapped columns keep their names (made unique), the
 * others are renamed `<name> (not imported)`, which no synonym matches; the
 * names stay readable in error messages.
 */
export function planHeader(headers: readonly string[], columns: ColumnChoice): HeaderPlan {
  const fieldAt = new Map<number, AnyField>();
  for (const [field, index] of Object.entries(columns) as [AnyField, number | undefined][]) if (index !== undefined) fieldAt.set(index, field);
  const unique = uniqueNames();
  const map: Partial<Record<AnyField, string>> = {};
  // Mapped columns are named first, so they keep their own names when an unmapped one shares it.
  const names: string[] = headers.map(() => '');
  headers.forEach((header, i) => {
    const field = fieldAt.get(i);
    if (field === undefined) return;
    names[i] = unique(oneLine(header) || `Column ${i + 1}`);
    map[field] = names[i];
  });
  headers.forEach((header, i) => {
    if (!fieldAt.has(i)) names[i] = unique(`${oneLine(header) || `Column ${i + 1}`} (not imported)`);
  });
  return { names, map };
}

/**
 * The file's text with its header row replaced by `names` (written with the
 * file's delimiter and line break). Blank lines before the header and line
 * breaks inside it are kept as blank lines, so every data row keeps its line
 * number. Throws ImportError when the file's header is not the one the mapping
 * was made for (a different file).
 */
export async function* withHeader(
  chunks: AsyncIterable<string>,
  expected: readonly string[],
  names: readonly string[],
  delimiter: string,
): AsyncGenerator<string> {
  let buffer = '';
  let replaced = false;
  for await (const chunk of chunks) {
    if (replaced) {
      yield chunk;
      continue;
    }
    buffer += buffer === '' && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    const found = findHeader(buffer, delimiter);
    if (!found) {
      if (buffer.length > MAX_HEADER_CHARS) throw new ImportError('the header line is longer than 1 MB');
      continue;
    }
    if (found.cells.length !== expected.length || found.cells.some((cell, i) => (cell.trim() || `Column ${i + 1}`) !== expected[i])) {
      throw new ImportError('the file changed since its preview: choose it again');
    }
    const breakText = buffer.includes('\r\n') ? '\r\n' : buffer.includes('\n') ? '\n' : '\r';
    const consumed = buffer.slice(0, found.end);
    const lines = countBreaks(consumed);
    yield csvLine(names, { delimiter, quoteAll: true, neutralise: false }) + breakText.repeat(Math.max(lines, 1));
    replaced = true;
    const rest = buffer.slice(found.end);
    buffer = '';
    if (rest) yield rest;
  }
  if (!replaced && buffer.trim() !== '') {
    const found = findHeader(`${buffer}\n`, delimiter);
    if (!found) throw new ImportError('the header line cannot be read');
    yield csvLine(names, { delimiter, quoteAll: true, neutralise: false }) + '\n';
  }
}

/** The first row that is not blank, and where it ends (after its line break); null while the buffer holds no whole row. */
function findHeader(buffer: string, delimiter: string): { cells: string[]; end: number } | null {
  let at = 0;
  while (at < buffer.length) {
    const end = rowEnd(buffer, at);
    if (end < 0) return null;
    const text = buffer.slice(at, end).replace(/[\r\n]+$/, '');
    const cells = Papa.parse<string[]>(text, { delimiter }).data[0] ?? [];
    if (cells.some((cell) => cell.trim() !== '')) return { cells, end };
    at = end;
  }
  return null;
}

/** Where the row starting at `from` ends, after its line break (CRLF counts as one); -1 when the buffer ends first. */
function rowEnd(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (char === '\r' && i + 1 >= text.length) return -1; // maybe the first half of a CRLF still to come
      return char === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** A header name on one line: the rewritten header must take exactly one line, so data rows keep their numbers. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countBreaks(text: string): number {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  return crlf + lf + cr;
}
