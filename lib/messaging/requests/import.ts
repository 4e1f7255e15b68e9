import type { Reject, RecordBatch } from '../../adapters/types';
import { DATE_ORDERS } from '../../import/formats/date-text';
import type { ImportedSource } from '../../import/imported-sources';
import { IMPORT_KINDS, PRESET_IDS } from '../../import/types';
import { parseRecord, type RecordType } from '../../model';
import { z } from '../../model/zod';

/**
 * Records reach the background in batches of at most this many per list: a
 * worker reading a 50 MB file, or the table picker, never sends one huge
 * message, and one message is one short database transaction.
 */
export const IMPORT_BATCH_MAX = 2_000;

/** A table picker's message holds one slice of rows: smaller, since a web page's tab sends it. */
export const TABLE_BATCH_MAX = 500;

/**
 * What a content script may send in one `table/rows` message, in JSON characters.
 * Records are bounded field by field by their schemas; this bounds the whole.
 */
export const TABLE_PAYLOAD_MAX_CHARS = 4_000_000;

/** Imported sources are named by where they came from and never pass for a CRM connection or the demo. */
export const csvSourceField = z
  .string()
  .max(200)
  .regex(/^csv:\S.*$/u, 'an imported source is named csv:<name>');

/** The record lists an import sends, keyed like KpiData; each entry is checked again with its schema on arrival. */
const BATCH_LISTS = {
  deals: 'deal',
  activities: 'activity',
  leads: 'lead',
  owners: 'owner',
  products: 'product',
  customers: 'customer',
} as const satisfies Record<string, RecordType>;
export type ImportBatchList = keyof typeof BATCH_LISTS;
export type ImportBatch = { [K in ImportBatchList]?: unknown[] };

const batchOf = (max: number) =>
  z
    .object({
      deals: z.array(z.unknown()).max(max),
      activities: z.array(z.unknown()).max(max),
      leads: z.array(z.unknown()).max(max),
      owners: z.array(z.unknown()).max(max),
      products: z.array(z.unknown()).max(max),
      customers: z.array(z.unknown()).max(max),
    })
    .partial()
    .strict();

const count = z.number().int().nonnegative().max(1e9);

/** What an import of a file says about itself when it is done; shown in the options and the status list. */
export const importSummarySchema = z.object({
  fileName: z.string().max(300),
  kind: z.enum(IMPORT_KINDS),
  preset: z.enum(PRESET_IDS).nullable(),
  rows: count,
  imported: count,
  rejected: count,
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** A column mapping remembered per site (lib/table-reader/mapping.ts): column names and fields, never rows. */
const rememberedMappingSchema = z.object({
  version: z.literal(1),
  kind: z.enum(IMPORT_KINDS),
  columns: z.array(z.tuple([z.string().max(1_000), z.string().max(100).nullable()])).max(1_000),
  dateOrder: z.enum(DATE_ORDERS),
});

/** CSV imports (options page) and reading a table on any page (the on-demand picker). */
export const IMPORT_REQUESTS = [
  /** Options → background: one batch of an import in progress; the background is the single writer. */
  z.object({ type: z.literal('import/records'), source: csvSourceField, batch: batchOf(IMPORT_BATCH_MAX) }),
  z.object({ type: z.literal('import/finish'), source: csvSourceField, summary: importSummarySchema }),
  z.object({ type: z.literal('import/list') }),
  z.object({
    type: z.literal('import/delete'),
    source: z
      .string()
      .max(200)
      .regex(/^(csv|table):\S/u),
  }),
  /** Popup → background: the rep asked to read a table in this tab; injects the picker there. */
  z.object({ type: z.literal('table/pick'), tabId: z.number().int().nonnegative() }),
  /**
   * Table picker (content script) → background: records read from the table the
   * rep confirmed. Only accepted from a tab where the rep started the picker.
   */
  /**
   * Table picker → background: what the picker needs of the extension's storage (closed to content
   * scripts): the rep's language, time zone and currency, and the column mapping the rep confirmed
   * on this site before. Only from a tab where the rep started the picker; the site is the sender's.
   */
  z.object({ type: z.literal('table/setup') }),
  /** Table picker → background: remember the mapping the rep confirmed on this site (column names, never rows). */
  z.object({ type: z.literal('table/remember'), mapping: rememberedMappingSchema }),
  z.object({
    type: z.literal('table/rows'),
    kind: z.enum(IMPORT_KINDS),
    batch: batchOf(TABLE_BATCH_MAX),
    rows: count,
    rejected: count,
  }),
] as const;

export type { ImportedSource };

export type ImportResponses = {
  'import/records': { written: number; rejected: number; reasons: string[] };
  'import/finish': { records: number };
  'import/list': { sources: ImportedSource[] };
  'import/delete': { deleted: true };
  'table/pick': { started: boolean; reason?: string };
  'table/setup': { locale: 'auto' | 'en' | 'ru'; timeZone: string; currency: string; remembered: unknown };
  'table/remember': { remembered: true };
  'table/rows': { source: string; written: number; rejected: number; reasons: string[] };
};

/**
 * A batch as it arrived, checked record by record with the canonical schemas:
 * every record must belong to `source` (a page cannot write into another
 * source); the ones that fail are returned as rejects with the reason, for
 * quarantine, never dropped silently.
 */
export function parseImportBatch(source: string, batch: ImportBatch): { records: RecordBatch; rejects: Reject[] } {
  const records: RecordBatch = {};
  const rejects: Reject[] = [];
  for (const [list, type] of Object.entries(BATCH_LISTS) as [ImportBatchList, RecordType][]) {
    const accepted: unknown[] = [];
    for (const raw of batch[list] ?? []) {
      const parsed = parseRecord(type, raw);
      if (!parsed.ok) rejects.push({ recordType: type, raw, reason: parsed.reason, externalId: idOf(raw) });
      else if (parsed.record.source !== source) {
        rejects.push({
          recordType: type,
          raw,
          reason: `${type} belongs to source ${JSON.stringify(parsed.record.source)}, not ${JSON.stringify(source)}`,
          externalId: parsed.record.externalId,
        });
      } else accepted.push(parsed.record);
    }
    if (accepted.length) (records as Record<RecordType, unknown[]>)[type] = accepted;
  }
  return { records, rejects };
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'externalId')) return undefined;
  const id = (raw as { externalId?: unknown }).externalId;
  return typeof id === 'string' ? id.slice(0, 200) : undefined;
}
