import { FIELDS_BY_KIND, planLayout } from '../import/columns';
import { IMPORT_KINDS, type AnyField, type DateOrder, type ImportKind } from '../import/types';

/** Which field each column of a table feeds (null: not read), and what the rows are. */
export type ColumnMapping = { kind: ImportKind; fields: (AnyField | null)[] };

/**
 * The mapping lib/import would use for a file with these headers: the same
 * CRM header names and English/Russian synonyms as a CSV import, so a list
 * that shows `Deal - Value` or `Сумма` is read like the export of that list.
 */
export function suggestMapping(headers: readonly string[], kind?: ImportKind): ColumnMapping {
  const layout = planLayout(headers, { source: 'table:suggest', timeZone: 'UTC', kind });
  const fields: (AnyField | null)[] = headers.map(() => null);
  for (const [field, index] of layout.columns.index) fields[index] = field;
  return { kind: layout.kind, fields };
}

/** Gives `field` to one column only: assigning it to a column takes it from any other. */
export function assignField(mapping: ColumnMapping, column: number, field: AnyField | null): ColumnMapping {
  const fields = mapping.fields.map((current, i) => (i === column ? field : field !== null && current === field ? null : current));
  return { kind: mapping.kind, fields };
}

/** storage.local key of the mapping the rep confirmed on a site (written and read by the background). */
export function mappingKey(host: string): string {
  return `table-mapping:${host}`;
}

/** What is remembered per site: column names and their fields, never the rows. */
export type RememberedMapping = { version: 1; kind: ImportKind; columns: [string, AnyField | null][]; dateOrder: DateOrder };

export function rememberMapping(headers: readonly string[], mapping: ColumnMapping, dateOrder: DateOrder): RememberedMapping {
  return { version: 1, kind: mapping.kind, columns: headers.map((header, i) => [header, mapping.fields[i] ?? null]), dateOrder };
}

/**
 * A stored mapping applied to a table's headers, column by column by name, or
 * null when it names none of them (another list on the same site). Anything
 * stored that is not a mapping of known fields is ignored, never trusted.
 */
export function recallMapping(stored: unknown, headers: readonly string[]): { mapping: ColumnMapping; dateOrder: DateOrder } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { version, kind, columns, dateOrder } = stored as Partial<Record<string, unknown>>;
  if (version !== 1 || !IMPORT_KINDS.includes(kind as ImportKind) || !Array.isArray(columns)) return null;
  const known = new Set<string>(FIELDS_BY_KIND[kind as ImportKind]);
  const byHeader = new Map<string, AnyField | null>();
  for (const entry of columns.slice(0, 200)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    const field = typeof entry[1] === 'string' && known.has(entry[1]) ? (entry[1] as AnyField) : null;
    if (!byHeader.has(entry[0])) byHeader.set(entry[0], field);
  }
  if (!headers.some((header) => byHeader.has(header))) return null;
  const used = new Set<AnyField>();
  const fields = headers.map((header) => {
    const field = byHeader.get(header) ?? null;
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
  return { mapping: { kind: kind as ImportKind, fields }, dateOrder: dateOrder === 'dmy' ? 'dmy' : 'mdy' };
}
