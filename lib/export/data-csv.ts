import type { CanonicalRecord } from '../model';
import { toCsv, type CsvValue } from './csv';

/**
 * One CSV per table, for spreadsheets. Nested values are flattened into dotted
 * columns (`amount.minor`, `amount.currency`, `email.opened`); lists (line
 * items, stage history) stay whole as JSON in one cell. Columns appear in the
 * order fields are first met, `source` and `externalId` first. The JSON export
 * is the one to import back; this one is for reading.
 */
export function recordsToCsv(records: readonly CanonicalRecord[] | readonly object[], leading: readonly string[] = ['source', 'externalId']): string {
  const columns: string[] = [...leading];
  const known = new Set(columns);
  const rows = records.map((record) => {
    const row = new Map<string, unknown>();
    flatten(record as unknown as Record<string, unknown>, '', row);
    for (const key of row.keys()) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
    return row;
  });
  return toCsv([columns, ...rows.map((row) => columns.map((column) => row.get(column) as CsvValue))]);
}

/** A file name per table: `kpi-lens-deals-2025-06-01.csv`. */
export function csvFileName(table: string, date: string): string {
  return `kpi-lens-${table}-${date}.csv`;
}

function flatten(value: Record<string, unknown>, prefix: string, into: Map<string, unknown>): void {
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const name = prefix + key;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) flatten(inner as Record<string, unknown>, `${name}.`, into);
    else into.set(name, inner);
  }
}
