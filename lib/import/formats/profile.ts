import { isEmptyCell } from '../text';
import { readBoolean } from '../values';
import { dateParts, dateShape, isNoDateWord, DATE_ORDERS, type DateOrder } from './date-text';
import { DECIMAL_MARKS, markEvidence, numberReadings, type DecimalMark } from './number-text';

const EXAMPLES = 3;
/** Distinct texts remembered per column; exports repeat values, so most cells are looked up, not read. */
const MAX_MEMO = 4_000;
/** A column with this many values and not one number or date in them is text: its remaining cells are not read. */
const TEXT_AFTER = 1_000;

/** What one cell of a column could be. */
type CellClass = {
  noDate: boolean;
  yesNo: boolean;
  /** Marks the cell fits as an amount; `differs`: its value depends on the mark (`1.000`). */
  marks: readonly DecimalMark[];
  differs: boolean;
  shape: ReturnType<typeof dateShape>;
  /** The dates the cell names under each order it fits, to tell whether the order changes it. */
  orderDiffers: boolean;
};

/**
 * What a column's values allow, counted over every row of the file: the
 * amount readings (decimal mark) and date readings (day/month order, Excel
 * serials) each value fits, with a few examples of each kind of evidence.
 * Holds counts and examples, never the column.
 */
export type ColumnProfile = {
  nonEmpty: number;
  noDate: number;
  yesNo: number;
  text: boolean;
  number: {
    readable: number;
    /** Values that fit this mark only, and examples. */
    only: Record<DecimalMark, number>;
    onlyExamples: Record<DecimalMark, string[]>;
    /** Values that fit both marks with different values (`1.000`). */
    ambiguous: number;
    ambiguousExamples: string[];
  };
  date: {
    exact: number;
    fields: number;
    dotted: number;
    /** Field dates (`a/b/c`) that rule out this order, and examples. */
    excludes: Record<DateOrder, number>;
    excludeExamples: Record<DateOrder, string[]>;
    /** Field dates that fit no order, and those whose date depends on the order. */
    unreadable: number;
    ambiguous: number;
    ambiguousExamples: string[];
    serial: number;
    serialInRange: number;
    serialExamples: string[];
  };
};

export function emptyProfile(): ColumnProfile {
  return {
    nonEmpty: 0,
    noDate: 0,
    yesNo: 0,
    text: false,
    number: { readable: 0, only: { '.': 0, ',': 0 }, onlyExamples: { '.': [], ',': [] }, ambiguous: 0, ambiguousExamples: [] },
    date: {
      exact: 0,
      fields: 0,
      dotted: 0,
      excludes: { dmy: 0, mdy: 0, ymd: 0 },
      excludeExamples: { dmy: [], mdy: [], ymd: [] },
      unreadable: 0,
      ambiguous: 0,
      ambiguousExamples: [],
      serial: 0,
      serialInRange: 0,
      serialExamples: [],
    },
  };
}

/** Counts a file's cells column by column, as the rows come. */
export function createProfiler(width: number) {
  const profiles = Array.from({ length: width }, emptyProfile);
  const memos = Array.from({ length: width }, () => new Map<string, CellClass>());
  return {
    add(cells: readonly string[]) {
      for (let i = 0; i < width; i += 1) {
        const profile = profiles[i]!;
        if (profile.text) continue;
        const raw = cells[i];
        if (raw === undefined) continue;
        const text = raw.trim();
        if (isEmptyCell(text)) continue;
        const memo = memos[i]!;
        let cell = memo.get(text);
        if (cell === undefined) {
          cell = classify(text);
          if (memo.size < MAX_MEMO) memo.set(text, cell);
        }
        count(profile, text, cell);
      }
    },
    profiles: () => profiles,
  };
}

function classify(text: string): CellClass {
  const readings = numberReadings(text);
  const evidence = readings ? markEvidence(readings) : { fits: [], differs: false };
  const shape = dateShape(text);
  return {
    noDate: isNoDateWord(text),
    yesNo: readBoolean(text).ok,
    marks: evidence.fits,
    differs: evidence.differs,
    shape,
    orderDiffers: shape.kind === 'fields' && orderChangesDate(text, shape.orders),
  };
}

function count(profile: ColumnProfile, text: string, cell: CellClass): void {
  profile.nonEmpty += 1;
  if (cell.noDate) profile.noDate += 1;
  if (cell.yesNo) profile.yesNo += 1;
  const { number, date } = profile;
  if (cell.marks.length > 0) {
    number.readable += 1;
    if (cell.marks.length === 1) {
      const mark = cell.marks[0]!;
      number.only[mark] += 1;
      remember(number.onlyExamples[mark], text);
    } else if (cell.differs) {
      number.ambiguous += 1;
      remember(number.ambiguousExamples, text);
    }
  }
  const { shape } = cell;
  if (shape.kind === 'exact') date.exact += 1;
  if (shape.kind === 'serial') {
    date.serial += 1;
    if (shape.inRange) date.serialInRange += 1;
    remember(date.serialExamples, text);
  }
  if (shape.kind === 'fields') {
    date.fields += 1;
    if (shape.dotted) date.dotted += 1;
    if (shape.orders.length === 0) date.unreadable += 1;
    else {
      for (const order of DATE_ORDERS) {
        if (shape.orders.includes(order)) continue;
        date.excludes[order] += 1;
        remember(date.excludeExamples[order], text);
      }
      if (cell.orderDiffers) {
        date.ambiguous += 1;
        remember(date.ambiguousExamples, text);
      }
    }
  }
  if (profile.nonEmpty >= TEXT_AFTER && number.readable === 0 && date.exact + date.fields + date.serial === 0) profile.text = true;
}

function remember(list: string[], text: string): void {
  if (list.length < EXAMPLES && !list.includes(text)) list.push(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Whether the orders a field date fits name different days (`05/06/2017` does; `05/05/2017` does not). */
function orderChangesDate(text: string, orders: readonly DateOrder[]): boolean {
  const days = new Set(
    orders.map((order) => {
      const parts = dateParts(text, order);
      return parts ? `${parts.year}-${parts.month}-${parts.day}` : '';
    }),
  );
  return days.size > 1;
}

/** Share of a column's non-empty values (not counting "no date" words) that read as dates, serials included when all of them are. */
export function dateShare(profile: ColumnProfile): number {
  const values = profile.nonEmpty - profile.noDate;
  if (values <= 0) return 0;
  const { date } = profile;
  const serials = date.serial === values && date.serialInRange === values ? values : 0;
  return (date.exact + date.fields - date.unreadable + serials) / values;
}

export { DECIMAL_MARKS };
