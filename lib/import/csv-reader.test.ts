import { describe, expect, it } from 'vitest';
import { createCsvReader, sniffDelimiter, type CsvBadRow, type CsvRow } from './csv-reader';

function read(chunks: readonly string[], maxRowChars = 1_000_000, delimiter?: string) {
  const rows: CsvRow[] = [];
  const bad: CsvBadRow[] = [];
  const reader = createCsvReader(
    { maxRowChars, delimiter },
    (row) => rows.push(row),
    (row) => bad.push(row),
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { rows, bad, delimiter: reader.delimiter() };
}

/** Every way of cutting `text` in two, so chunk boundaries inside quotes, CRLF pairs and cells are all tried. */
function everySplit(text: string): string[][] {
  const splits: string[][] = [];
  for (let at = 0; at <= text.length; at += 1) splits.push([text.slice(0, at), text.slice(at)]);
  return splits;
}

describe('createCsvReader', () => {
  it('numbers rows by their first physical line, counting newlines inside quoted cells', () => {
    const text = 'id,note,amount\n1,"two\nline note",5\n2,plain,6\n3,"three\nline\nnote",7\n4,last,8\n';
    const { rows, bad } = read([text]);
    expect(bad).toEqual([]);
    // header = line 1; row 1 on line 2 spans 2 lines → row 2 on line 4; row 3 spans 3 → row 4 on line 8.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 8]);
    expect(rows[1]?.cells).toEqual(['1', 'two\nline note', '5']);
  });

  it('gives the same rows and lines wherever the chunks are cut', () => {
    const text = 'a;b\r\n"x;1";"quote "" inside"\r\n"multi\r\nline";2\r\nlast;3';
    const whole = read([text]);
    expect(whole.rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    for (const chunks of everySplit(text)) {
      const split = read(chunks);
      expect(split.rows).toEqual(whole.rows);
      expect(split.bad).toEqual([]);
    }
  });

  it('strips a byte order mark and CRLF line ends', () => {
    const { rows } = read(['\ufeffid,name\r\n1,Ann\r\n2,"Bob"\r\n']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'name'],
      ['1', 'Ann'],
      ['2', 'Bob'],
    ]);
  });

  it('sniffs the delimiter from the header line (Russian Excel writes semicolons)', () => {
    expect(read(['ID;Сумма, ₽;Ответственный\n1;1 000,50;Иван\n']).rows[1]?.cells).toEqual(['1', '1 000,50', 'Иван']);
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a;b",c')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('skips one line for a quote that is never closed and reads the rest', () => {
    const text = 'id,name,amount\n1,"Acme, Inc,5\n2,Beta,6\n3,Gamma,7\n';
    const { rows, bad } = read([text]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ line: 2 });
    expect(bad[0]?.reason).toMatch(/never closed/);
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'id'],
      [3, '2'],
      [4, '3'],
    ]);
  });

  it('contains a stray quote that would otherwise pair with a later quote', () => {
    const text = 'id,name,amount\n1,"Acme" Ltd,5\n2,Beta,6\n3,"Gamma, Inc",7\n';
    const { rows, bad } = read([text]);
    expect(bad.map((b) => b.line)).toEqual([2]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'name', 'amount'],
      ['2', 'Beta', '6'],
      ['3', 'Gamma, Inc', '7'],
    ]);
  });

  it('gives up on a runaway row past the size limit instead of holding the file', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `${i + 2},row${i},${i}`).join('\n');
    const text = `id,name,amount\n1,"open quote,1\n${filler}\n`;
    const { rows, bad } = read([text.slice(0, 100), text.slice(100, 400), text.slice(400)], 200);
    expect(bad[0]).toMatchObject({ line: 2 });
    expect(bad[0]?.reason).toMatch(/longer than 200 characters/);
    // Every filler row after the broken line is still read, with its own line number.
    expect(rows.at(-1)).toEqual({ line: 52, cells: ['51', 'row49', '49'] });
    expect(rows).toHaveLength(51);
  });

  it('reads old Mac files that end lines with CR only', () => {
    expect(read(['a,b\r1,2\r3,4']).rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
