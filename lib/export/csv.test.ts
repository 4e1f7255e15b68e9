import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseText, toCsv } from './csv';

/**
 * A spreadsheet's CSV reader, as Excel and LibreOffice read a file: it splits on its locale's
 * separator, honours a quote only where it opens a field, evaluates a field (quoted or not) that
 * starts with a formula trigger, and ends a row at a line break outside a quoted field.
 */
function spreadsheetRead(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let value = '';
    if (text[at] === '"') {
      at += 1;
      while (at < text.length) {
        if (text[at] === '"' && text[at + 1] === '"') {
          value += '"';
          at += 2;
        } else if (text[at] === '"') {
          at += 1;
          break;
        } else value += text[at++];
      }
    }
    while (at < text.length && text[at] !== separator && text[at] !== '\n' && text[at] !== '\r') value += text[at++];
    row.push(value);
    if (text[at] === separator) {
      at += 1;
      if (at === text.length) row.push('');
      continue;
    }
    at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

/** What a spreadsheet would run as a formula: a trigger, after nothing but white space. */
const runsAsFormula = (field: string) => /^\s*[=+\-@]/.test(field);
/** The file's own reader (papaparse, RFC 4180). */
const ownRead = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text, { delimiter, newline: '\r\n' }).data.filter((row) => row.length > 1 || row[0] !== '');

describe('the one CSV writer: hostile cells, read back by a "," reader and a ";" reader', () => {
  // [cell, as written in a "," file, as written in a ";" file]
  const table: [string, string, string][] = [
    ['=1+1', "'=1+1", "'=1+1"],
    ['+7 999 123', "'+7 999 123", "'+7 999 123"],
    ['-sum', "'-sum", "'-sum"],
    ['@SUM(A1)', "'@SUM(A1)", "'@SUM(A1)"],
    [' =1', "' =1", "' =1"], // behind spaces a formula still runs in some spreadsheets
    ['\t=1', `"'\t'=1"`, `"'\t'=1"`], // quoted, and neutralised behind the tab: a tab reader splits there
    ['\tplain', `"'\tplain"`, `"'\tplain"`],
    ['\r=1', `"'\r'=1"`, `"'\r'=1"`], // a line break starts a row for a reader the quote does not reach
    ['x;=1+1', `"x;'=1+1"`, `"x;=1+1"`], // the case: a ";" reader splits here, a "," file quotes it
    ['x,=1', `"x,=1"`, `"x,'=1"`],
    ['x; -5', `"x;' -5"`, `"x; -5"`],
    ['a\n=b', `"a\n'=b"`, `"a\n'=b"`],
    ['a\r\n@b', `"a\r\n'@b"`, `"a\r\n'@b"`],
    ['say "hi"', `"say ""hi"""`, `"say ""hi"""`],
    ['"=1"', `"'""=1"""`, `"'""=1"""`], // a reader that did not open the quote reads `""` as nothing, then `=1`
    [' padded ', '" padded "', '" padded "'],
    ['plain', 'plain', 'plain'],
    ['Müller, Иван; 5 %', `"Müller, Иван; 5 %"`, `"Müller, Иван; 5 %"`],
  ];

  it.each(table)('%j is written %s in a "," file and %s in a ";" file', (cell, comma, semicolon) => {
    expect(csvLine([cell], { delimiter: ',' })).toBe(comma);
    expect(csvLine([cell], { delimiter: ';' })).toBe(semicolon);
  });

  for (const delimiter of [',', ';']) {
    it.each(table)(`in a "${delimiter}" file, %j before, between and after other cells runs nowhere and reads back whole`, (cell) => {
      const rows = [
        [cell, 'a', 1],
        ['a', cell, -2],
        ['a', 'b', cell],
      ];
      const text = toCsv(rows, { delimiter });
      for (const reader of [',', ';', '\t']) {
        const fields = spreadsheetRead(text, reader).flat();
        expect(fields.filter(runsAsFormula), `${JSON.stringify(text)} read with ${JSON.stringify(reader)}`).toEqual(reader === delimiter ? ['-2'] : []);
      }
      // The file's own reader gets every cell back, neutralised: exactly the text with `'` put in.
      const safe = neutraliseText(cell, delimiter);
      expect(ownRead(text, delimiter)).toEqual([
        [safe, 'a', '1'],
        ['a', safe, '-2'],
        ['a', 'b', safe],
      ]);
      expect(spreadsheetRead(text, delimiter)).toEqual(ownRead(text, delimiter));
    });
  }

  it('writes numbers, booleans, empty cells and nested values as a spreadsheet reads them', () => {
    expect(csvLine([-42, 0.5, true, null, undefined, Number.NaN, { a: [1, -2] }, ['x']])).toBe('-42,0.5,true,,,,"{""a"":[1,-2]}","[""x""]"');
    expect(toCsv([['a'], ['b']])).toBe('a\r\nb\r\n');
    expect(toCsv([['a'], ['b']], { newline: '\n' })).toBe('a\nb\n');
    expect(toCsv([])).toBe('');
  });

  it('leaves cells as they are for KPI Lens’s own importer, and quotes every cell when asked', () => {
    expect(csvLine(['=1+1', '-500', 'x;y'], { neutralise: false })).toBe('=1+1,-500,"x;y"');
    expect(csvLine(['=1+1', '', 'a"b'], { neutralise: false, quoteAll: true, delimiter: '|' })).toBe('"=1+1"|""|"a""b"');
    expect(() => toCsv([['a']], { delimiter: '"' })).toThrow(/delimiter/);
  });

  it('property: any text in any cell of a "," or ";" file runs as a formula for no reader, and reads back as itself with only apostrophes put in', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', 'x', '1', 'я'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(',', ';'), (rows, delimiter) => {
        const width = Math.max(...rows.map((row) => row.length));
        const even = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('z')]);
        const written = toCsv(even, { delimiter });
        for (const reader of [',', ';', '\t']) expect(spreadsheetRead(written, reader).flat().filter(runsAsFormula)).toEqual([]);
        const back = spreadsheetRead(written, delimiter);
        expect(back).toEqual(even.map((row) => row.map((cell) => neutraliseText(cell, delimiter))));
        for (const [r, row] of even.entries()) {
          for (const [c, cell] of row.entries()) expect(withoutInsertedApostrophes(back[r]![c]!, cell)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Whether `written` is `original` with some apostrophes put in (and nothing else changed). */
function withoutInsertedApostrophes(written: string, original: string): boolean {
  let at = 0;
  for (const char of written) {
    if (char === original[at]) at += 1;
    else if (char !== "'") return false;
  }
  return at === original.length;
}
