// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countRows, dataRows, findTables, headerRow, placeCells, rowKey } from './structure';
import { cellText } from './text';
import { page } from './test-dom';

const texts = (row: Element) => placeCells(row, (cell) => cellText(cell, 100).text, '');

describe('finding tables on a page', () => {
  it('finds data tables and ARIA grids, not layout tables or tables without rows', () => {
    const doc = page(`
      <table id="layout" role="presentation"><tr><td>menu</td><td>x</td></tr></table>
      <table id="empty"><thead><tr><th>A</th></tr></thead><tbody></tbody></table>
      <table id="deals"><thead><tr><th>Title</th><th>Value</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr></tbody></table>
      <div id="grid" role="grid"><div role="row"><div role="columnheader">Subject</div></div><div role="row"><div role="gridcell">Call</div></div></div>
      <div id="mine"><table><tbody><tr><td>ours</td></tr></tbody></table></div>`);
    const found = findTables(doc, doc.getElementById('mine')!).map((element) => element.id);
    expect(found).toEqual(['deals', 'grid']);
  });

  it('treats a table inside an ARIA grid as the grid itself', () => {
    const doc = page(`<div id="grid" role="grid"><table><tbody><tr role="row"><td role="gridcell">1</td></tr></tbody></table></div>`);
    expect(findTables(doc).map((element) => element.id)).toEqual(['grid']);
  });
});

describe('the parts of a native table', () => {
  it('takes the last <thead> row as the header and leaves the foot (totals) out', () => {
    const doc = page(`<table>
      <thead><tr><th colspan="2">Group</th></tr><tr><th>Title</th><th>Value</th></tr></thead>
      <tbody><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></tbody>
      <tfoot><tr><td>Total</td><td>3</td></tr></tfoot></table>`);
    const table = doc.querySelector('table')!;
    expect(texts(headerRow(table)!)).toEqual(['Title', 'Value']);
    expect(dataRows(table).map(texts)).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(countRows(table)).toBe(2);
  });

  it('takes a first row of <th> as the header when there is no <thead>, and none otherwise', () => {
    const withTh = page(`<table><tr><th>Stage</th><th>Owner</th></tr><tr><td>Won</td><td>Ann</td></tr></table>`).querySelector('table')!;
    expect(texts(headerRow(withTh)!)).toEqual(['Stage', 'Owner']);
    expect(dataRows(withTh).map(texts)).toEqual([['Won', 'Ann']]);
    const plain = page(`<table><tr><td>Won</td><td>Ann</td></tr></table>`).querySelector('table')!;
    expect(headerRow(plain)).toBeNull();
    expect(dataRows(plain)).toHaveLength(1);
  });

  it('keeps columns aligned under a cell spanning two columns', () => {
    const doc = page(`<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><td colspan="2">wide</td><td>c</td></tr></tbody></table>`);
    expect(texts(dataRows(doc.querySelector('table')!)[0]!)).toEqual(['wide', '', 'c']);
  });

  it('reads rows of a table built without <tbody> by a script', () => {
    const doc = page('<table id="t"></table>');
    const table = doc.getElementById('t')!;
    for (const value of ['x', 'y']) {
      const row = doc.createElement('tr');
      const cell = doc.createElement('td');
      cell.textContent = value;
      row.append(cell);
      table.append(row);
    }
    expect(findTables(doc)).toEqual([table]);
    expect(dataRows(table).map(texts)).toEqual([['x'], ['y']]);
  });

  it('does not mix in the rows of a table nested in a cell', () => {
    const doc = page(`<table id="outer"><tbody><tr><td>1</td><td><table><tbody><tr><td>inner</td></tr></tbody></table></td></tr></tbody></table>`);
    const rows = dataRows(doc.getElementById('outer')!);
    expect(rows).toHaveLength(1);
    expect(texts(rows[0]!)).toEqual(['1', 'inner']);
  });
});

describe('the parts of an ARIA grid', () => {
  it('places cells by aria-colindex when the grid renders only some columns', () => {
    const doc = page(`<div role="grid" id="g">
      <div role="row"><span role="columnheader" aria-colindex="1">Deal</span><span role="columnheader" aria-colindex="3">Amount</span></div>
      <div role="rowgroup"><div role="row" data-id="d-7"><span role="gridcell" aria-colindex="1">Acme</span><span role="gridcell" aria-colindex="3">$5</span></div></div>
    </div>`);
    const grid = doc.getElementById('g')!;
    expect(texts(headerRow(grid)!)).toEqual(['Deal', '', 'Amount']);
    const [row] = dataRows(grid);
    expect(texts(row!)).toEqual(['Acme', '', '$5']);
    expect(rowKey(row!)).toBe('d-7');
  });

  it('gives rows no key when their attributes carry none, or a silly long one', () => {
    const doc = page(`<table><tbody><tr><td>a</td></tr><tr data-row-key="${'k'.repeat(300)}"><td>b</td></tr><tr id=" r 1 "><td>c</td></tr></tbody></table>`);
    expect(dataRows(doc.querySelector('table')!).map(rowKey)).toEqual([undefined, undefined, 'r 1']);
  });
});
