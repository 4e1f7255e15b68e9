import type { ColumnMap } from './columns';
import { hasTimeOfDay, readDate, readTimeOfDay } from './dates';
import { isEmptyCell, quoteValue } from './text';
import type { AnyField, DateOrder } from './types';
import { currencyIn, readAmount, readBoolean, readCurrency, readDuration, readProbability } from './values';

/** Why one row could not be imported; caught per row, never ends the import. */
export class RowError extends Error {
  override readonly name = 'RowError';
}

/** What every row of one file is read with. */
export type RowEnv = {
  columns: ColumnMap;
  timeZone: string;
  dateOrder: DateOrder;
  /** Currency of amounts that name none. */
  currency: string;
  probability?: 'fraction' | 'percent';
  durationUnit: 'seconds' | 'milliseconds';
};

export type RowCells = ReturnType<typeof createRowCells>;

/**
 * Typed access to the current row's cells by field; `load` moves it to the next
 * row (one reader per file, so reading a row allocates no functions). Empty
 * cells (and `-`, `N/A`) are undefined; a cell that holds something unreadable
 * throws a RowError naming the column and the value, so the row is rejected
 * with that reason.
 */
export function createRowCells(env: RowEnv) {
  let cells: readonly string[] = [];
  const column = (field: AnyField) => env.columns.names[field] ?? field;
  const fail = (field: AnyField, value: string, reason: string): never => {
    throw new RowError(`column "${column(field)}": ${quoteValue(value)} ${reason}`);
  };
  const text = (field: AnyField): string | undefined => {
    const at = env.columns.index.get(field);
    const value = at === undefined ? undefined : cells[at]?.trim();
    return value === undefined || isEmptyCell(value) ? undefined : value;
  };
  const date = (field: AnyField): number | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    const read = readDate(value, env);
    return read.ok ? read.value : fail(field, value, read.reason);
  };
  return {
    load(row: readonly string[]) {
      cells = row;
    },
    has: (field: AnyField) => env.columns.index.has(field),
    text,
    date,
    /** A date plus a separate time-of-day column (Pipedrive's due date and due time). */
    dateTime(dateField: AnyField, timeField: AnyField): number | undefined {
      const dayText = text(dateField);
      const time = text(timeField);
      if (dayText === undefined || time === undefined || hasTimeOfDay(dayText)) return date(dateField);
      if (readTimeOfDay(time) === undefined) return fail(timeField, time, 'is not a time of day');
      date(dateField); // the date alone first, so a bad date names its own column
      const read = readDate(`${dayText} ${time}`, env);
      return read.ok ? read.value : fail(timeField, time, read.reason);
    },
    /** The amount in minor units and its currency: the currency column, a sign in the cell or header, else the default. */
    money(amountField: AnyField, currencyField: AnyField): { minor: number; currency: string } | undefined {
      const value = text(amountField);
      if (value === undefined) return undefined;
      const code = text(currencyField);
      let currency: string;
      if (code !== undefined) {
        const read = readCurrency(code);
        currency = read.ok ? read.value : fail(currencyField, code, read.reason);
      } else {
        currency = currencyIn(value) ?? currencyIn(column(amountField)) ?? env.currency;
      }
      const read = readAmount(value, currency);
      return read.ok ? { minor: read.value, currency } : fail(amountField, value, read.reason);
    },
    probability(field: AnyField): number | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readProbability(value, env.probability);
      return read.ok ? read.value : fail(field, value, read.reason);
    },
    boolean(field: AnyField): boolean | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readBoolean(value);
      return read.ok ? read.value : fail(field, value, read.reason);
    },
    duration(field: AnyField): number | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readDuration(value, env.durationUnit);
      return read.ok ? read.value : fail(field, value, read.reason);
    },
  };
}
