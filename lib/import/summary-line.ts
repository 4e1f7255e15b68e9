import { describeFormat } from './formats/describe';
import type { CurrencyCount, ImportResult } from './types';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * An import in one line, for the CLI and logs: rows read, imported, rejected
 * by reason, repeated ids, what was read, how each amount and date column
 * was read and why, and where the currencies came from, e.g.
 * `read 5 rows: 3 imported, 2 rejected (1 amount, 1 date); deals (pipedrive); formats: "Deal - Value" 1,234.56 (its values); currency: EUR ×3 (currency column)`.
 */
export function describeImport(result: ImportResult): string {
  const parts = [`read ${count(result.rows)} rows: ${count(result.imported)} imported`];
  if (result.rejectCount)
    parts[0] += `, ${count(result.rejectCount)} rejected (${result.rejectReasons.map((reason) => `${count(reason.count)} ${reason.code}`).join(', ')})`;
  if (result.duplicates) {
    const { rows, ids, rule, column } = result.duplicates;
    parts[0] += `, ${count(rows)} repeated ${ids === 1 ? 'an id' : `${count(ids)} ids`} (${rule === 'newest-updated' ? `newest "${column}" kept` : 'last row kept'})`;
  }
  parts.push(`${result.kind} (${result.preset ?? 'generic columns'})`);
  if (result.formats.length) parts.push(`formats: ${result.formats.map(describeFormat).join(', ')}`);
  if (result.currencies.length) parts.push(`currency: ${result.currencies.map(describeCurrency).join(', ')}`);
  return parts.join('; ');
}

function describeCurrency(entry: CurrencyCount): string {
  const where = {
    column: 'currency column',
    cell: 'in the cells',
    header: 'in the header',
    option: '--currency',
    preset: entry.from ?? 'the export format',
    unknown: 'named nowhere: give --currency',
  }[entry.source];
  return `${entry.source === 'unknown' ? 'unknown' : entry.currency} ×${count(entry.count)} (${where})`;
}
