// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTableReader } from './reader';
import { page } from './test-dom';

const LIMITS = { maxCellChars: 100, maxRowsPerPass: 1_000, maxRowsTotal: 1_000 };
const never = () => false;

function list(rows: string[][], attrs: string[] = []) {
  const body = rows.map((cells, i) => `<tr ${attrs[i] ?? ''}>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return page(`<table><thead><tr><th>Id</th><th>Title</th><th>Stage</th></tr></thead><tbody>${body}</tbody></table>`);
}

describe('reading a table pass by pass', () => {
  it('reads the headers and each row once, with its place in the table', () => {
    const doc = list([
      ['1', 'Acme', 'Won'],
      ['2', 'Beta', 'Lost'],
    ]);
    const reader = createTableReader(doc.querySelector('table')!, LIMITS);
    expect(reader.headers()).toEqual(['Id', 'Title', 'Stage']);
    expect(reader.headers(4)).toEqual(['Id', 'Title', 'Stage', 'Column 4']);
    expect(reader.beginPass()).toEqual({ rows: 2, overLimit: false });
    const first = reader.readSome(never);
    expect(first.done).toBe(true);
    expect(first.rows.map((row) => [row.position, row.cells])).toEqual([
      [1, ['1', 'Acme', 'Won']],
      [2, ['2', 'Beta', 'Lost']],
    ]);
    reader.beginPass();
    expect(reader.readSome(never).rows).toEqual([]);
  });

  it('stops after any row the caller says, and goes on from there', () => {
    const doc = list([
      ['1', 'a', 'x'],
      ['2', 'b', 'x'],
      ['3', 'c', 'x'],
    ]);
    const reader = createTableReader(doc.querySelector('table')!, LIMITS);
    reader.beginPass();
    const slices = [reader.readSome(() => true), reader.readSome(() => true), reader.readSome(() => true)];
    expect(slices.map((slice) => [slice.rows.length, slice.done])).toEqual([
      [1, false],
      [1, false],
      [1, true],
    ]);
  });

  it('reads a row again when it changed, and rows the page added (the next page of a list)', () => {
    const doc = list([['1', 'Acme', 'Open']]);
    const table = doc.querySelector('table')!;
    const reader = createTableReader(table, LIMITS);
    reader.useIdColumn(0);
    reader.beginPass();
    reader.readSome(never);
    const stage = table.querySelector('tbody tr td:nth-child(3)')!;
    stage.textContent = 'Won';
    reader.touched(stage.firstChild!);
    const added = doc.createElement('tr');
    for (const text of ['2', 'Beta', 'Open']) added.append(Object.assign(doc.createElement('td'), { textContent: text }));
    table.tBodies[0]!.append(added);
    reader.beginPass();
    expect(reader.readSome(never).rows.map((row) => row.cells)).toEqual([
      ['1', 'Acme', 'Won'],
      ['2', 'Beta', 'Open'],
    ]);
    expect(reader.stats()).toMatchObject({ read: 3, unchanged: 0 });
  });

  it('tells rows apart by the id column, else the row key, else the whole text', () => {
    // The same deal rendered twice (a re-render, another page showing it again) is read once.
    const byId = createTableReader(
      list([
        ['7', 'Acme', 'Open'],
        ['7', 'Acme', 'Open'],
      ]).querySelector('table')!,
      LIMITS,
    );
    byId.useIdColumn(0);
    byId.beginPass();
    expect(byId.readSome(never).rows.map((row) => row.key)).toEqual(['id:7']);
    const byAttr = createTableReader(
      list(
        [
          ['', 'A', 'x'],
          ['', 'A', 'x'],
        ],
        ['data-id="a"', 'data-id="b"'],
      ).querySelector('table')!,
      LIMITS,
    );
    byAttr.beginPass();
    expect(byAttr.readSome(never).rows.map((row) => [row.key, row.rowKey])).toEqual([
      ['row:a', 'a'],
      ['row:b', 'b'],
    ]);
    const byText = createTableReader(
      list([
        ['', 'A', 'x'],
        ['', 'A', 'x'],
        ['', 'B', 'x'],
      ]).querySelector('table')!,
      LIMITS,
    );
    byText.beginPass();
    expect(byText.readSome(never).rows.map((row) => row.cells[1])).toEqual(['A', 'B']);
    expect(byText.stats().unchanged).toBe(1);
  });

  it('skips empty rows and holds to the per-pass and total limits, counting what it left', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [String(i), `t${i}`, 'x']);
    rows.splice(3, 0, ['', '', '']);
    const reader = createTableReader(list(rows).querySelector('table')!, { maxCellChars: 100, maxRowsPerPass: 10, maxRowsTotal: 6 });
    expect(reader.beginPass()).toEqual({ rows: 10, overLimit: true });
    const read = reader.readSome(never).rows;
    // 10 rows looked at: one is empty, 6 are read (the total limit), 3 are over it.
    expect(read).toHaveLength(6);
    expect(reader.stats()).toMatchObject({ read: 6, overTotal: 3, overPass: true });
  });

  it('follows a table the page replaced, without sending rows it already read', () => {
    const doc = list([['1', 'Acme', 'Open']]);
    const reader = createTableReader(doc.querySelector('table')!, LIMITS);
    reader.useIdColumn(0);
    reader.beginPass();
    reader.readSome(never);
    const next = list([
      ['1', 'Acme', 'Open'],
      ['2', 'Beta', 'Open'],
    ]).querySelector('table')!;
    reader.retarget(next);
    reader.beginPass();
    expect(reader.readSome(never).rows.map((row) => row.key)).toEqual(['id:2']);
    expect(reader.table()).toBe(next);
  });
});
