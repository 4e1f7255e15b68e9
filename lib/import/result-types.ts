import type { Activity, Customer, Deal, Lead, Owner, Product } from '../model';
import type { ColumnFormat } from './formats/decide';
import type { AnyField, ImportKind, PresetId } from './types';

/** What an import gives back: the records, every row's fate, and how the file was read. */
export type RecordBatch = Pick<ImportedRecords, 'deals' | 'activities' | 'leads'>;

/** A row that was not imported: its 1-based line number in the file (the header is line 1) and why. */
export type RowReject = {
  line: number;
  reason: string;
  /** The kind of reason (`amount`, `date`, `cells`, `negative-won`...), for counting rejects by reason. */
  code?: RejectCode;
  /** The start of the row's text, for the person fixing the file. */
  excerpt?: string;
};

/** Something imported but worth knowing, counted: e.g. won deals without a close date. */
export type ImportWarning = {
  code: string;
  message: string;
  count: number;
  examples?: readonly string[];
};

export type ImportedRecords = {
  deals: Deal[];
  owners: Owner[];
  products: Product[];
  customers: Customer[];
  activities: Activity[];
  leads: Lead[];
};

/** Why rows were rejected, counted by kind, with the first reason of each kind as it was given. */
export type RejectCode =
  | 'cells'
  | 'too-long'
  | 'quote'
  | 'amount'
  | 'currency'
  | 'date'
  | 'time'
  | 'probability'
  | 'yes-no'
  | 'duration'
  | 'id'
  | 'no-date'
  | 'deleted'
  | 'negative-won'
  | 'invalid'
  | 'other';

export type RejectCount = { code: RejectCode; count: number; example: string };

/** Where the currency of the imported amounts came from, and how many amounts each. */
export type CurrencySource = 'column' | 'cell' | 'header' | 'option' | 'preset' | 'unknown';
export type CurrencyCount = { source: CurrencySource; currency: string; count: number; from?: string };

/**
 * Rows that repeat an earlier row's id: one record per id is kept, the row
 * with the newest update time (`column`), else the last row (exports list
 * history oldest first).
 */
export type DuplicateReport = { rows: number; ids: number; rule: 'newest-updated' | 'last-row'; column?: string; examples: readonly string[] };

export type ImportResult = {
  kind: ImportKind;
  preset: PresetId | null;
  /** Which header each field was read from. */
  columns: Readonly<Partial<Record<AnyField, string>>>;
  headers: readonly string[];
  delimiter: string;
  records: ImportedRecords;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that became a record. */
  imported: number;
  /** The first `maxRejectDetails` rejected rows; `rejectCount` counts them all. */
  rejects: RowReject[];
  rejectCount: number;
  /** Rejected rows counted by kind of reason (all of them, not only the detailed ones). */
  rejectReasons: RejectCount[];
  warnings: ImportWarning[];
  /** How each mapped amount and date column was read, and why. */
  formats: ColumnFormat[];
  currencies: CurrencyCount[];
  duplicates?: DuplicateReport;
  /** The locale that read columns their values left open, and where it came from. */
  locale?: { tag: string; from: string };
};

export type ImportProgress = {
  /** `scan`: the first pass, deciding each column's format; `read`: making records. */
  phase: 'scan' | 'read';
  /** Characters consumed so far, and the total when known (string input). */
  chars: number;
  totalChars?: number;
  rows: number;
  imported: number;
  rejected: number;
};
