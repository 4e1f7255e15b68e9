import { z } from '../model/zod';
import { IMPORT_KINDS } from './types';

/**
 * Where the list of imported sources lives: the database's meta table, seen
 * through the four calls the list needs (so this module knows no database).
 */
export type MetaStore = {
  list(prefix: string): Promise<readonly { key: string; value: unknown }[]>;
  get(key: string): Promise<{ value: unknown } | undefined>;
  put(entry: { key: string; value: unknown }): Promise<unknown>;
  remove(key: string): Promise<unknown>;
};

/** An imported source as the options page lists it. */
export type ImportedSource = {
  source: string;
  origin: 'csv' | 'table';
  /** The file name, or the site of the table. */
  label: string;
  kind: (typeof IMPORT_KINDS)[number];
  lastImportAt: number;
  rows: number;
  imported: number;
  rejected: number;
};

const PREFIX = 'import:';

const importedSourceSchema = z.lazy(() =>
  z.object({
    source: z.string().max(200),
    origin: z.enum(['csv', 'table']),
    label: z.string().max(300),
    kind: z.enum(IMPORT_KINDS),
    lastImportAt: z.number(),
    rows: z.number(),
    imported: z.number(),
    rejected: z.number(),
  }),
);

/**
 * CSV files and tables read from pages become sources of their own
 * (`csv:<name>`, `table:<host>`), listed in the meta table so the list goes
 * wherever the data goes (deleting everything deletes it too). Entries are
 * checked when read: a damaged one is left out, never trusted.
 */
export function importedSources(meta: MetaStore) {
  const keyOf = (source: string) => `${PREFIX}${source}`;
  const read = async (source: string) => {
    const parsed = importedSourceSchema.safeParse((await meta.get(keyOf(source)))?.value);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    /** Newest import first. */
    async list(): Promise<ImportedSource[]> {
      const sources: ImportedSource[] = [];
      for (const entry of await meta.list(PREFIX)) {
        const parsed = importedSourceSchema.safeParse(entry.value);
        if (parsed.success) sources.push(parsed.data);
      }
      return sources.sort((a, b) => b.lastImportAt - a.lastImportAt);
    },
    async remember(entry: ImportedSource): Promise<void> {
      await meta.put({ key: keyOf(entry.source), value: entry });
    },
    async forget(source: string): Promise<void> {
      await meta.remove(keyOf(source));
    },
    /**
     * Adds one batch of a table's rows to its source's counts: a table is read
     * page by page, so its counts add up; a table of another kind starts over.
     */
    async addTableRows(entry: Omit<ImportedSource, 'origin'>): Promise<void> {
      const previous = await read(entry.source);
      const before = previous?.kind === entry.kind ? previous : undefined;
      await meta.put({
        key: keyOf(entry.source),
        value: {
          ...entry,
          origin: 'table',
          rows: (before?.rows ?? 0) + entry.rows,
          imported: (before?.imported ?? 0) + entry.imported,
          rejected: (before?.rejected ?? 0) + entry.rejected,
        } satisfies ImportedSource,
      });
    },
  };
}
