import Papa from 'papaparse';
import { majorToMinor, minorToMajor } from '../money/minor';
import { parseDay } from './days';
import type { Transaction } from './types';

export type TransactionLogOptions = {
  /** `auto` (default) recognises the CDNOW layout, else reads a CSV with a header row. */
  format?: 'auto' | 'cdnow' | 'csv';
  /** Header names, matched case-insensitively; defaults try common names (see DEFAULT_COLUMNS). */
  customerColumn?: string;
  dateColumn?: string;
  amountColumn?: string;
  /** Decides the decimal places amounts are read to (default USD: 2). */
  currency?: string;
};

/** Rows that were not read, grouped by reason, with the first few line numbers. */
export type RejectedRows = { count: number; reason: string; lines: number[] };

export type TransactionLog = {
  format: 'cdnow' | 'csv';
  transactions: Transaction[];
  /** Data rows seen (blank lines aside). */
  rows: number;
  rejected: RejectedRows[];
};

export class TransactionLogError extends Error {
  override readonly name = 'TransactionLogError';
}

export const DEFAULT_COLUMNS = {
  customer: ['customer_id', 'customerid', 'customer', 'client_id', 'client', 'account', 'id'],
  date: ['date', 'order_date', 'purchase_date', 'transaction_date', 'close_date', 'closed_at'],
  amount: ['amount', 'value', 'revenue', 'sales', 'total', 'close_value', 'price'],
} as const;

/** ` 00004 0001 19970101  2   29.33`: customer id, sample id, YYYYMMDD, number of CDs, dollars. */
const CDNOW_LINE = /^\s*(\S+)\s+\S+\s+(\d{8})\s+-?\d+\s+(\S+)\s*$/;

/**
 * Reads a purchase log: the CDNOW format (whitespace-separated, auto-detected from
 * its first line) or a CSV with customer, date and amount columns (delimiter
 * detected). Bad rows are skipped and reported in `rejected`, never dropped silently;
 * a file with no usable header or no rows at all throws TransactionLogError.
 */
export function readTransactionLog(text: string, options: TransactionLogOptions = {}): TransactionLog {
  const { format = 'auto', currency = 'USD' } = options;
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '');
  if (firstLine === undefined) throw new TransactionLogError('the transaction log is empty');
  const cdnow = format === 'cdnow' || (format === 'auto' && CDNOW_LINE.test(firstLine));
  const collector = new Collector(currency);
  if (cdnow) {
    text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      const match = CDNOW_LINE.exec(line);
      if (!match) collector.reject(index + 1, 'not in the CDNOW layout (id, id, YYYYMMDD, count, amount)');
      else collector.add(index + 1, match[1] ?? '', match[2] ?? '', match[3] ?? '');
    });
    return collector.result('cdnow');
  }
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const [header, ...rows] = parsed.data;
  if (!header) throw new TransactionLogError('the transaction log has no header row');
  const names = header.map((name) => name.trim().toLowerCase());
  const column = (kind: keyof typeof DEFAULT_COLUMNS, chosen: string | undefined): number => {
    const wanted: readonly string[] = chosen ? [chosen.trim().toLowerCase()] : DEFAULT_COLUMNS[kind];
    const index = names.findIndex((name) => wanted.includes(name));
    if (index < 0) {
      const hint = chosen ? `"${chosen}"` : `one of ${DEFAULT_COLUMNS[kind].join(', ')}`;
      throw new TransactionLogError(`no ${kind} column: expected ${hint}; the header has ${header.join(', ')}`);
    }
    return index;
  };
  const [customerAt, dateAt, amountAt] = [
    column('customer', options.customerColumn),
    column('date', options.dateColumn),
    column('amount', options.amountColumn),
  ];
  rows.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === '')) return;
    collector.add(index + 2, row[customerAt] ?? '', row[dateAt] ?? '', row[amountAt] ?? '');
  });
  return collector.result('csv');
}

class Collector {
  readonly transactions: Transaction[] = [];
  private readonly rejects = new Map<string, RejectedRows>();
  private rows = 0;
  constructor(private readonly currency: string) {}

  add(line: number, customer: string, date: string, amount: string): void {
    this.rows++;
    const customerId = customer.trim();
    if (!customerId) return this.reject(line, 'no customer id', false);
    const day = parseDay(date);
    if (day === undefined) return this.reject(line, 'unreadable date (expected YYYY-MM-DD, YYYYMMDD or DD.MM.YYYY)', false);
    const minor = majorToMinor(amount, this.currency);
    if (minor === undefined) return this.reject(line, 'unreadable amount', false);
    if (minor < 0) return this.reject(line, 'negative amount (refunds are not purchases)', false);
    this.transactions.push({ customerId, day, amount: minorToMajor(minor, this.currency) });
  }

  reject(line: number, reason: string, counts = true): void {
    if (counts) this.rows++;
    const entry = this.rejects.get(reason) ?? { count: 0, reason, lines: [] };
    entry.count++;
    if (entry.lines.length < 10) entry.lines.push(line);
    this.rejects.set(reason, entry);
  }

  result(format: TransactionLog['format']): TransactionLog {
    if (this.rows === 0) throw new TransactionLogError('the transaction log has no data rows');
    return { format, transactions: this.transactions, rows: this.rows, rejected: [...this.rejects.values()] };
  }
}
