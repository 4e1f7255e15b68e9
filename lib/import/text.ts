/**
 * Comparison keys for the free text of exports. Headers and vocabulary values
 * are compared on letters and digits only, so `Close Date`, `close_date`,
 * `Deal - Close date` (after the prefix) and `CLOSE-DATE` meet, and `Closed Won`
 * equals `closed-won`.
 */
const ASCII = /^[\x20-\x7e]*$/;

export function compactKey(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names of people and companies: case and spacing ignored, words kept apart. */
export function nameKey(text: string): string {
  const plain = ASCII.test(text) ? text : text.normalize('NFKC').replace(/ё/gi, 'е');
  return plain.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Cells that mean "no value" in exports: blank, a dash, `N/A`, `null`. */
const EMPTY_MARKERS = new Set(['', '-', '–', '—', 'n/a', '#n/a', 'na', 'null', 'nil', 'none', '(none)', 'нет данных']);

export function isEmptyCell(text: string): boolean {
  if (text.length > 16) return false; // longer than any marker, even padded: most cells stop here
  return EMPTY_MARKERS.has(text.trim().toLowerCase());
}

/** Cuts text to a schema's limit instead of rejecting a whole record over a long name. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A set of vocabulary values as comparison keys. */
export function keySet(values: readonly string[]): ReadonlySet<string> {
  return new Set(values.map(compactKey).filter((key) => key !== ''));
}

/** Quotes a value for an error message, cut so a 1 MB cell does not become a 1 MB message. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
