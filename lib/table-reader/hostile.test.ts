// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { convertRows, type RecordLists } from './convert';
import { createTableReader, DEFAULT_LIMITS, type ReadRow } from './reader';
import { findTables } from './structure';
import { page } from './test-dom';

/**
 * A hostile page: 50,000 rows, megabyte cells, cells and keys named
 * `__proto__` and `constructor`, markup and scripts in cells. The reader must
 * stay within its limits and never touch an object prototype.
 */
const ROWS = 50_000;
const HUGE = 1_000_000;
/** A megabyte cell every 1,000 rows: 50 MB of them in the page, 5 within the rows one pass reads. */
const HUGE_EVERY = 1_000;
let doc: Document;
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  const huge = 'A'.repeat(HUGE);
  const parts: string[] = ['<table id="t"><thead><tr><th>__proto__</th><th>constructor</th><th>Amount</th><th>Stage</th></tr></thead><tbody>'];
  for (let i = 0; i < ROWS; i += 1) {
    const title = i % 2 === 0 ? '__proto__' : `constructor ${i}`;
    const note = i % 10 === 0 ? `<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>n${i}` : `n${i}`;
    parts.push(`<tr data-id="${i % 3 === 0 ? '__proto__' : `r${i}`}"><td>${title}</td><td>${note}</td><td>${i}</td><td>Won</td></tr>`);
  }
  parts.push('</tbody></table>');
  doc = page(parts.join(''));
  // The megabyte cells are set as text after parsing: one shared string, so the test does not parse 50 MB of HTML.
  const rows = doc.querySelectorAll('tbody > tr');
  for (let i = 7; i < ROWS; i += HUGE_EVERY) rows[i]!.children[1]!.textContent = huge;
}, 120_000);

describe('a hostile table', () => {
  const rows: ReadRow[] = [];
  const slices: number[] = [];

  it('is read in bounded slices, up to the per-pass limit, with every cell cut to the cap', () => {
    const [table] = findTables(doc);
    expect(table).toBeDefined();
    const reader = createTableReader(table!, DEFAULT_LIMITS);
    expect(reader.headers()).toEqual(['__proto__', 'constructor', 'Amount', 'Stage']);
    expect(reader.beginPass()).toEqual({ rows: DEFAULT_LIMITS.maxRowsPerPass, overLimit: true });
    // The caller bounds each slice (in the browser, by time): here, 50 rows per slice.
    for (let done = false; !done;) {
      let count = 0;
      const slice = reader.readSome(() => ++count >= 50);
      slices.push(slice.rows.length);
      rows.push(...slice.rows);
      done = slice.done;
    }
    expect(Math.max(...slices)).toBeLessThanOrEqual(50);
    // Rows keyed `__proto__` are one record (every third row): the first is read, later ones are updates of it.
    const distinctKeys = new Set(rows.map((row) => row.key));
    expect(distinctKeys.has('row:__proto__')).toBe(true);
    expect(rows.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRowsPerPass);
    expect(rows.every((row) => row.cells.every((cell) => cell.length <= DEFAULT_LIMITS.maxCellChars))).toBe(true);
    // Rows 8, 1008, 2008, 3008 and 4008 hold a megabyte cell: 5 of them among the first 5,000 rows.
    expect(reader.stats().cut).toBe(DEFAULT_LIMITS.maxRowsPerPass / HUGE_EVERY);
    expect(rows.some((row) => row.cells[1]!.includes('pwned'))).toBe(false);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('becomes records without polluting any prototype', async () => {
    const lists: RecordLists[] = [];
    const result = await convertRows(['__proto__', 'constructor', 'Amount', 'Stage'], { kind: 'deals', fields: ['title', 'owner', 'amount', 'stage'] }, rows, {
      source: 'table:evil.example',
      timeZone: 'UTC',
      currency: 'USD',
      dateOrder: 'mdy',
      importedAt: 1,
      maxCellChars: DEFAULT_LIMITS.maxCellChars,
      pause: async () => {},
      batchMax: 500,
      onBatch: async (batch) => void lists.push(batch),
    });
    const deals = lists.flatMap((batch) => batch.deals ?? []) as { title: string; ownerId: string; externalId: string }[];
    // Every third row is keyed `__proto__` by its attribute: one record for that id, the last row's.
    expect(result.imported + result.rejected + result.duplicates).toBe(rows.length);
    expect(result.duplicates).toBe(rows.filter((row) => row.rowKey === '__proto__').length - 1);
    // A later row of an id already handed over follows it (the background keeps the last record of an id).
    expect(new Set(deals.map((deal) => deal.externalId)).size).toBe(result.imported);
    expect(deals.some((deal) => deal.title === '__proto__')).toBe(true);
    expect(deals.some((deal) => deal.externalId === '__proto__')).toBe(true);
    expect(lists.every((batch) => Object.values(batch).every((list) => list.length <= 500))).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect(Object.getPrototypeOf(deals[0])).toBe(Object.prototype);
  });
});
