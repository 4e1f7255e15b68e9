import { DATE_ORDERS, type DateOrder, type SerialEpoch } from './date-text';
import { CROSS_FACTS, dateOrderFor, decimalMarkFor } from './locale';
import { DECIMAL_MARKS, type DecimalMark } from './number-text';
import { dateShare, type ColumnProfile } from './profile';

export type DateReading = DateOrder | 'excel1900' | 'excel1904';
/** How a column's cells are read: its decimal mark, or its date order (or Excel day count). */
export type ColumnReading = DecimalMark | DateReading;
export const DATE_READINGS: readonly DateReading[] = [...DATE_ORDERS, 'excel1900', 'excel1904'];
export const NUMBER_READINGS: readonly DecimalMark[] = DECIMAL_MARKS;

/**
 * What chose a column's reading: its own values, the rep's choice for the
 * column, the import's option (`--number-locale`, `--date-order`), another
 * column of the same file, the locale of the export format or page; or
 * nothing needed choosing (every value reads one way).
 */
export type FormatBasis = 'values' | 'choice' | 'option' | 'file' | 'locale' | 'unneeded';

export type ColumnFormat = {
  column: number;
  header: string;
  kind: 'number' | 'date';
  /** Undefined when nothing needed choosing, or when the column is refused (`problem`). */
  reading?: ColumnReading;
  basis?: FormatBasis;
  /** The other column, or the locale, that decided (basis `file` / `locale`). */
  from?: string;
  /** The readings the values allow: more than one is a question; none is a column of two styles. */
  candidates: readonly ColumnReading[];
  problem?: 'ambiguous' | 'mixed';
  /** Values that decided the reading or show the question. */
  examples: readonly string[];
};

export type FormatInputs = {
  headers: readonly string[];
  profiles: readonly ColumnProfile[];
  /** Forced per column (index → reading): the rep's choice in the preview. */
  choices?: Readonly<Record<number, ColumnReading>>;
  numberLocale?: string;
  dateOrder?: DateOrder;
  excelEpoch?: SerialEpoch;
  /** The export format's or page's locale, and what it is (`amoCRM, Russian headers`). */
  locale?: { tag: string; from: string };
};

type Step<R> = { basis: FormatBasis; allowed: readonly R[]; from?: string };

/** Narrows `candidates` step by step; the first step that leaves one reading decides. */
function settle<R extends ColumnReading>(
  candidates: readonly R[],
  steps: readonly (Step<R> | undefined)[],
): { reading?: R; basis?: FormatBasis; from?: string; left: readonly R[] } {
  let left = candidates;
  for (const step of steps) {
    if (!step) continue;
    const next = left.filter((reading) => step.allowed.includes(reading));
    if (next.length === 0 || next.length === left.length) continue;
    left = next;
    if (left.length === 1) return { reading: left[0], basis: step.basis, from: step.from, left };
  }
  return { left };
}

export function decideNumberColumn(column: number, inputs: FormatInputs): ColumnFormat {
  const profile = inputs.profiles[column]!;
  const base = { column, header: inputs.headers[column] ?? '', kind: 'number' as const };
  const { only, ambiguous, onlyExamples, ambiguousExamples } = profile.number;
  const mixed = only['.'] > 0 && only[','] > 0;
  const own: DecimalMark[] = mixed ? [] : only['.'] > 0 ? ['.'] : only[','] > 0 ? [','] : ambiguous > 0 ? ['.', ','] : [];
  const examples = mixed ? [onlyExamples['.'][0]!, onlyExamples[','][0]!] : own.length === 1 ? onlyExamples[own[0]!] : ambiguousExamples;
  const choice = inputs.choices?.[column];
  if (choice === '.' || choice === ',') return { ...base, reading: choice, basis: 'choice', candidates: own, examples };
  if (mixed) return { ...base, candidates: ['.', ','], problem: 'mixed', examples };
  if (own.length === 0) return { ...base, basis: 'unneeded', candidates: [], examples: [] };
  if (own.length === 1) return { ...base, reading: own[0], basis: 'values', candidates: own, examples };
  const optionMark = inputs.numberLocale === undefined ? undefined : decimalMarkFor(inputs.numberLocale);
  const fileMark = fileDecimalMark(column, inputs);
  const monthFirst = fileDateOrders(-1, inputs);
  const localeMark = inputs.locale && decimalMarkFor(inputs.locale.tag);
  const settled = settle(own, [
    optionMark && { basis: 'option', allowed: [optionMark], from: inputs.numberLocale },
    fileMark && { basis: 'file', allowed: [fileMark.mark], from: fileMark.from },
    monthFirst && monthFirst.orders.length === 1 && monthFirst.orders[0] === 'mdy'
      ? { basis: 'file', allowed: [CROSS_FACTS.markOfMonthFirst], from: monthFirst.from }
      : undefined,
    localeMark && inputs.locale ? { basis: 'locale', allowed: [localeMark], from: inputs.locale.from } : undefined,
  ]);
  if (settled.reading) return { ...base, reading: settled.reading, basis: settled.basis, from: settled.from, candidates: own, examples };
  return { ...base, candidates: own, problem: 'ambiguous', examples };
}

export function decideDateColumn(column: number, inputs: FormatInputs): ColumnFormat {
  const profile = inputs.profiles[column]!;
  const base = { column, header: inputs.headers[column] ?? '', kind: 'date' as const };
  const { date } = profile;
  const values = profile.nonEmpty - profile.noDate;
  const choice = inputs.choices?.[column];
  const serialColumn = values > 0 && date.serial === values && date.serialInRange === values;
  const own = ownOrders(profile);
  const examples =
    own.length === 0
      ? mixedExamples(profile)
      : own.length === 1
        ? (date.excludeExamples[DATE_ORDERS.find((order) => order !== own[0])!] ?? [])
        : date.ambiguousExamples;
  if (choice !== undefined && (DATE_READINGS as readonly string[]).includes(choice)) {
    return {
      ...base,
      reading: choice,
      basis: 'choice',
      candidates: serialColumn ? ['excel1900', 'excel1904'] : own,
      examples: serialColumn ? date.serialExamples : examples,
    };
  }
  if (serialColumn) {
    return {
      ...base,
      reading: inputs.excelEpoch === 1904 ? 'excel1904' : 'excel1900',
      basis: inputs.excelEpoch ? 'option' : 'values',
      candidates: ['excel1900', 'excel1904'],
      examples: date.serialExamples,
    };
  }
  const fields = date.fields - date.unreadable;
  if (fields <= 0) return { ...base, basis: 'unneeded', candidates: [], examples: [] };
  // Two styles in one column: the orders some of its values fit are the choice.
  if (own.length === 0) return { ...base, candidates: DATE_ORDERS.filter((order) => date.excludes[order] < fields), problem: 'mixed', examples };
  if (own.length === 1) return { ...base, reading: own[0], basis: 'values', candidates: own, examples };
  if (date.ambiguous === 0) return { ...base, reading: own[0], basis: 'unneeded', candidates: own, examples: [] };
  const others = fileDateOrders(column, inputs);
  const fileMark = fileDecimalMark(-1, inputs);
  const localeOrder = inputs.locale && dateOrderFor(inputs.locale.tag);
  const settled = settle<DateReading>(own, [
    inputs.dateOrder && { basis: 'option', allowed: [inputs.dateOrder], from: inputs.dateOrder },
    others && { basis: 'file', allowed: others.orders, from: others.from },
    fileMark && fileMark.mark === ','
      ? { basis: 'file', allowed: DATE_ORDERS.filter((order) => order !== CROSS_FACTS.orderNotWithComma), from: fileMark.from }
      : undefined,
    localeOrder && inputs.locale ? { basis: 'locale', allowed: [localeOrder], from: inputs.locale.from } : undefined,
  ]);
  if (settled.reading) return { ...base, reading: settled.reading, basis: settled.basis, from: settled.from, candidates: own, examples };
  return { ...base, candidates: settled.left, problem: 'ambiguous', examples };
}

/** The orders a column's own field dates allow. */
function ownOrders(profile: ColumnProfile): DateOrder[] {
  const { date } = profile;
  if (date.fields - date.unreadable <= 0) return [];
  return DATE_ORDERS.filter((order) => date.excludes[order] === 0);
}

function mixedExamples(profile: ColumnProfile): string[] {
  const { excludeExamples } = profile.date;
  return [...new Set([excludeExamples.dmy[0], excludeExamples.mdy[0]].filter((text): text is string => text !== undefined))];
}

/** Columns that are numbers through and through (not dates), and decided by their own values. */
function fileDecimalMark(except: number, inputs: FormatInputs): { mark: DecimalMark; from: string } | undefined {
  const found = new Map<DecimalMark, string>();
  inputs.profiles.forEach((profile, i) => {
    if (i === except || profile.text) return;
    const { number } = profile;
    const values = profile.nonEmpty - profile.noDate;
    if (values === 0 || number.readable !== values || dateShare(profile) >= 0.5) return;
    const marks = DECIMAL_MARKS.filter((mark) => number.only[mark] > 0);
    if (marks.length === 1 && !found.has(marks[0]!)) found.set(marks[0]!, inputs.headers[i] ?? '');
  });
  const [only] = [...found];
  return found.size === 1 && only ? { mark: only[0], from: only[1] } : undefined;
}

/** The orders every other date column of the file allows by its own values (one exporter writes one format). */
function fileDateOrders(except: number, inputs: FormatInputs): { orders: DateOrder[]; from: string } | undefined {
  let orders: DateOrder[] = [...DATE_ORDERS];
  const from: string[] = [];
  let conflict = false;
  inputs.profiles.forEach((profile, i) => {
    if (i === except || profile.text || dateShare(profile) < 0.5) return;
    const own = ownOrders(profile);
    if (own.length === 0 || own.length === DATE_ORDERS.length) return;
    const next = orders.filter((order) => own.includes(order));
    // Two columns that disagree say nothing about a third.
    if (next.length === 0) conflict = true;
    if (next.length === orders.length) return;
    orders = next;
    from.push(inputs.headers[i] ?? '');
  });
  return from.length && !conflict ? { orders, from: from.join(', ') } : undefined;
}
