import type { ColumnMap } from './columns';
import { hasTimeOfDay, readDate, readTimeOfDay, type DateReadOptions } from './dates';
import { isNoDateWord } from './formats/date-text';
import type { DecimalMark } from './formats/number-text';
import { isEmptyCell, quoteValue } from './text';
import type { AnyField, CurrencySource, RejectCode } from './types';
import { currencyIn, readAmount, readBoolean, readCurrency, readDuration, readProbability } from './values';

/** Why one row could not be imported; caught per row, never ends the import. */
export class RowError extends Error {
  override readonly name = 'RowError';
  constructor(
    message: string,
    readonly code: RejectCode = 'other',
  ) {
    super(message);
  }
}

/** What every row of one file is read with. */
export type RowEnv = {
  columns: ColumnMap;
  timeZone: string;
  /** How each date column reads (by column index): its order or Excel count, decided for the whole column. */
  dateReading: ReadonlyMap<number, DateReadOptions>;
  /** The decimal mark of each amount column (by column index). */
  decimalMark: ReadonlyMap<number, DecimalMark>;
  /** Currency of amounts that name none, and where it comes from. */
  currency: { code: string; source: Extract<CurrencySource, 'option' | 'preset' | 'unknown'> };
  probability?: 'fraction' | 'percent';
  durationUnit: 'seconds' | 'milliseconds';
  /** Values of owner and account id columns that mean "none" (Bitrix24's `0` for no company). */
  noneValues?: ReadonlySet<string>;
};

export type RowCells = ReturnType<typeof createRowCells>;

/**
 * Typed access to the current row's cells by field; `load` moves it to the next
 * row (one reader per file, so reading a row allocates no functions). Empty
 * cells (and `-`, `N/A`; in date columns also `не закрыта`, `not closed`) are
 * undefined; a cell that holds something unreadable throws a RowError naming
 * the column and the value, so the row is rejected with that reason.
 */
export function createRowCells(env: RowEnv) {
  let cells: readonly string[] = [];
  const plainDates: DateReadOptions = { timeZone: env.timeZone };
  const column = (field: AnyField) => env.columns.names[field] ?? field;
  const fail = (field: AnyField, value: string, reason: string, code: RejectCode): never => {
    throw new RowError(`column "${column(field)}": ${quoteValue(value)} ${reason}`, code);
  };
  const text = (field: AnyField): string | undefined => {
    const at = env.columns.index.get(field);
    const value = at === undefined ? undefined : cells[at]?.trim();
    if (value === undefined || isEmptyCell(value)) return undefined;
    // Only references: a `0` amount or probability is a zero.
    return (field === 'owner' || field === 'account') && env.noneValues?.has(value) ? undefined : value;
  };
  // Exports repeat amounts: each distinct text of a column is read once per currency (a bounded memo).
  const amounts = new Map<string, ReturnType<typeof readAmount>>();
  const amountOf = (value: string, currency: string, mark: DecimalMark | undefined) => {
    const key = `${currency}${value}`;
    let read = amounts.get(key);
    if (read === undefined) {
      read = readAmount(value, currency, mark);
      if (amounts.size >= 20_000) amounts.clear();
      amounts.set(key, read);
    }
    return read;
  };
  const dateOptions = (field: AnyField) => {
    const at = env.columns.index.get(field);
    return (at === undefined ? undefined : env.dateReading.get(at)) ?? plainDates;
  };
  const date = (field: AnyField): number | undefined => {
    const value = text(field);
    if (value === undefined || isNoDateWord(value)) return undefined;
    const read = readDate(value, dateOptions(field));
    return read.ok ? read.value : fail(field, value, read.reason, 'date');
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
      if (dayText === undefined || time === undefined || hasTimeOfDay(dayText) || isNoDateWord(dayText)) return date(dateField);
      if (readTimeOfDay(time) === undefined) return fail(timeField, time, 'is not a time of day', 'time');
      date(dateField); // the date alone first, so a bad date names its own column
      const read = readDate(`${dayText} ${time}`, dateOptions(dateField));
      return read.ok ? read.value : fail(timeField, time, read.reason, 'time');
    },
    /**
     * The amount in minor units and its currency: the currency column, a sign or
     * code in the cell or the header, else the import's currency (the option,
     * the preset's account currency, or unknown), and where that came from.
     */
    money(amountField: AnyField, currencyField: AnyField): { minor: number; currency: string; source: CurrencySource } | undefined {
      const value = text(amountField);
      if (value === undefined) return undefined;
      const code = text(currencyField);
      let currency: string;
      let source: CurrencySource;
      if (code !== undefined) {
        const read = readCurrency(code);
        currency = read.ok ? read.value : fail(currencyField, code, read.reason, 'currency');
        source = 'column';
      } else {
        const inCell = currencyIn(value);
        const inHeader = inCell === undefined ? currencyIn(column(amountField)) : undefined;
        currency = inCell ?? inHeader ?? env.currency.code;
        source = inCell !== undefined ? 'cell' : inHeader !== undefined ? 'header' : env.currency.source;
      }
      const at = env.columns.index.get(amountField);
      const read = amountOf(value, currency, at === undefined ? '.' : env.decimalMark.get(at));
      return read.ok ? { minor: read.value, currency, source } : fail(amountField, value, read.reason, 'amount');
    },
    probability(field: AnyField): number | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readProbability(value, env.probability);
      return read.ok ? read.value : fail(field, value, read.reason, 'probability');
    },
    boolean(field: AnyField): boolean | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readBoolean(value);
      return read.ok ? read.value : fail(field, value, read.reason, 'yes-no');
    },
    duration(field: AnyField): number | undefined {
      const value = text(field);
      if (value === undefined) return undefined;
      const read = readDuration(value, env.durationUnit);
      return read.ok ? read.value : fail(field, value, read.reason, 'duration');
    },
  };
}
