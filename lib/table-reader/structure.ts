/**
 * Where the parts of a table are on a page: native `<table>` elements and the
 * ARIA structures CRMs build from `<div>`s (`role="grid"`, `"table"`,
 * `"treegrid"` with `role="row"` and cell roles). Pure DOM reading: every
 * function takes the element, nothing touches `window` or `document` globals.
 */

const GRID_ROLES = ['grid', 'table', 'treegrid'];
const GRID_SELECTOR = GRID_ROLES.map((role) => `[role="${role}"]`).join(', ');
const CELL_SELECTOR = '[role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
/** Attributes that carry a record's id in the lists CRMs render; a row's key when the table has no id column. */
const ROW_KEY_ATTRIBUTES = ['data-id', 'data-row-id', 'data-rowid', 'data-row-key', 'data-key', 'data-record-id', 'data-entity-id', 'data-item-id', 'id'];
/** A table wider than this is a layout or a spreadsheet, not a list of records; the rest is ignored. */
export const MAX_COLUMNS = 100;
/** Header rows are looked for among the first rows only (grids with two header rows exist; with a thousand, no). */
const HEADER_SEARCH_ROWS = 5;

export function isNativeTable(element: Element): boolean {
  return element.localName === 'table';
}

/** A native table (not one marked as layout) or an ARIA grid/table/treegrid. */
export function isTableCandidate(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role !== null && GRID_ROLES.includes(role)) return true;
  return isNativeTable(element) && role !== 'presentation' && role !== 'none';
}

export function hasDataRow(table: Element): boolean {
  return firstDataRow(table) !== undefined;
}

/** Tables a rep could mean: native tables and ARIA grids with at least one data row, outside `exclude`. */
export function findTables(root: ParentNode, exclude?: Element): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll(`table, ${GRID_SELECTOR}`)) {
    if (exclude?.contains(element) || !isTableCandidate(element)) continue;
    // A native table inside an ARIA grid is usually the grid's own markup: the grid is the table.
    if (isNativeTable(element) && element.parentElement?.closest(GRID_SELECTOR)) continue;
    if (firstDataRow(element)) found.push(element);
  }
  return found;
}

function ownerGrid(element: Element): Element | null {
  return element.parentElement?.closest(GRID_SELECTOR) ?? null;
}

function ariaRows(grid: Element): Element[] {
  const rows: Element[] = [];
  for (const row of grid.querySelectorAll('[role="row"]')) if (ownerGrid(row) === grid) rows.push(row);
  return rows;
}

function isAriaHeaderRow(row: Element): boolean {
  const cells = rowCells(row);
  return cells.length > 0 && cells.every((cell) => cell.getAttribute('role') === 'columnheader' || cell.localName === 'th');
}

/** Element children of `parent` with this tag, walked by sibling links (live collections are slow on some DOMs). */
function childrenNamed(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) if (child.localName === name) found.push(child);
  return found;
}

/** The rows of a native table that hold records: those of its bodies, or its own rows when it has no body. */
function nativeBodyRows(table: Element, limit = Infinity): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child && rows.length < limit; child = child.nextElementSibling) {
    if (child.localName === 'tr') rows.push(child);
    if (child.localName !== 'tbody') continue;
    for (let row = child.firstElementChild; row && rows.length < limit; row = row.nextElementSibling) if (row.localName === 'tr') rows.push(row);
  }
  return rows;
}

/** The row that names the columns: the last row of `<thead>`, a first row of `<th>` only, or ARIA column headers. */
export function headerRow(table: Element): Element | null {
  if (isNativeTable(table)) {
    const head = childrenNamed(table, 'thead')[0];
    const headRows = head ? childrenNamed(head, 'tr') : [];
    if (headRows.length > 0) return headRows[headRows.length - 1]!;
    const first = nativeBodyRows(table, 1)[0];
    const cells = first ? rowCells(first) : [];
    return first && cells.length > 0 && cells.every((cell) => cell.localName === 'th') ? first : null;
  }
  return ariaRows(table).slice(0, HEADER_SEARCH_ROWS).find(isAriaHeaderRow) ?? null;
}

/**
 * The rows that hold records, in page order: the body rows of a native table
 * (not its head or foot, where totals live), or ARIA rows that are not header rows.
 */
export function dataRows(table: Element, limit = Infinity): Element[] {
  const header = headerRow(table);
  if (isNativeTable(table))
    return nativeBodyRows(table, limit + 1)
      .filter((row) => row !== header)
      .slice(0, limit);
  const rows: Element[] = [];
  ariaRows(table).forEach((row, i) => {
    if (rows.length < limit && row !== header && !(i < HEADER_SEARCH_ROWS && isAriaHeaderRow(row))) rows.push(row);
  });
  return rows;
}

/** Like `dataRows(table)[0]`, without listing every row of a 50,000-row table. */
function firstDataRow(table: Element): Element | undefined {
  const header = headerRow(table);
  if (isNativeTable(table)) return nativeBodyRows(table, 2).find((row) => row !== header);
  return ariaRows(table).find((row, i) => row !== header && !(i < HEADER_SEARCH_ROWS && isAriaHeaderRow(row)));
}

/** How many record rows the table holds now, counting no further than `cap` (a label needs no more). */
export function countRows(table: Element, cap = Infinity): number {
  return dataRows(table, cap).length;
}

/** A row's own cells (not those of a table nested in a cell). */
export function rowCells(row: Element): Element[] {
  if (row.localName === 'tr') {
    const cells: Element[] = [];
    for (let child = row.firstElementChild; child; child = child.nextElementSibling)
      if (child.localName === 'td' || child.localName === 'th') cells.push(child);
    return cells;
  }
  const cells: Element[] = [];
  for (const cell of row.querySelectorAll(CELL_SELECTOR)) if (cell.parentElement?.closest('[role="row"]') === row) cells.push(cell);
  return cells;
}

/**
 * Cells placed at their column: a cell spanning two columns fills both
 * positions (the second empty), and ARIA grids that render only some columns
 * say where each cell belongs with `aria-colindex`. At most MAX_COLUMNS.
 */
export function placeCells<T>(row: Element, read: (cell: Element) => T, empty: T): T[] {
  const placed: T[] = [];
  let at = 0;
  for (const cell of rowCells(row)) {
    const index = Number(cell.getAttribute('aria-colindex'));
    if (Number.isInteger(index) && index >= 1 && index <= MAX_COLUMNS) at = Math.max(at, index - 1);
    if (at >= MAX_COLUMNS) break;
    while (placed.length < at) placed.push(empty);
    placed[at] = read(cell);
    const span = cell.localName === 'td' || cell.localName === 'th' ? Math.min((cell as HTMLTableCellElement).colSpan || 1, MAX_COLUMNS) : 1;
    for (let extra = 1; extra < span && at + extra < MAX_COLUMNS; extra += 1) placed[at + extra] = empty;
    at += span;
  }
  return placed;
}

/** The record id a row carries in its attributes, if any (CRMs' lists usually do). */
export function rowKey(row: Element): string | undefined {
  for (const name of ROW_KEY_ATTRIBUTES) {
    const value = row.getAttribute(name)?.replace(/\s+/g, ' ').trim();
    if (value && value.length <= 200) return value;
  }
  return undefined;
}
