import type { KpiLensDb } from '../db/db';
import type { QuarantineEntry } from '../db/types';
import { putBatch, tablesOf } from '../db/records';
import { readWholePage, type PrimaryKey } from '../db/whole-records';
import { isRecordType, parseRecord, RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';

/**
 * The full data export: every canonical record of every source, and the
 * settings, as one JSON document that `parseDataExport` + `importRecords`
 * read back. Connections are not in it: they hold the rep's CRM tokens, which
 * must never end up in a file that gets mailed around.
 */
export const EXPORT_FORMAT = 'kpi-lens-export';
export const EXPORT_VERSION = 1;

export type DataExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  settings?: unknown;
  records: Partial<Record<RecordType, unknown[]>>;
};

/** Records per page when a table is read out in pages (the options page asks the background page by page). */
export const EXPORT_PAGE_SIZE = 2_000;

export type { PrimaryKey };

export type TablePage = { records: CanonicalRecord[]; next: PrimaryKey | null };

/** One page of a table in key order, after `after` (exclusive); `next` is where the following page starts. */
export async function readTablePage(db: KpiLensDb, type: RecordType, after: PrimaryKey | undefined, limit = EXPORT_PAGE_SIZE): Promise<TablePage> {
  const records = await readWholePage(db, type, after, limit);
  const last = records[records.length - 1];
  return { records, next: records.length === limit && last ? [last.source, last.externalId] : null };
}

/** Every table read page by page into one export (for Node and tests; the options page assembles the same shape). */
export async function exportAll(db: KpiLensDb, settings: unknown, exportedAt: number): Promise<DataExport> {
  const records: DataExport['records'] = {};
  for (const type of RECORD_TYPES) {
    const list: CanonicalRecord[] = [];
    let after: PrimaryKey | undefined;
    for (;;) {
      const page = await readTablePage(db, type, after);
      list.push(...page.records);
      if (!page.next) break;
      after = page.next;
    }
    if (list.length) records[type] = list;
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, settings, records };
}

export type QuarantinePage = { entries: QuarantineEntry[]; next: number | null };

/**
 * One page of the records that could not be read (quarantine), oldest first, after entry `after`.
 * They are in the export for the rep to look at, not to import back: they failed validation.
 */
export async function readQuarantinePage(db: KpiLensDb, after: number | undefined, limit = EXPORT_PAGE_SIZE): Promise<QuarantinePage> {
  const entries = await (after === undefined ? db.quarantine.toCollection() : db.quarantine.where(':id').above(after)).limit(limit).toArray();
  const last = entries[entries.length - 1];
  return { entries, next: entries.length === limit && last?.id !== undefined ? last.id : null };
}

export type ImportItem = { type: string; record: unknown };
export type ParsedExport = { ok: true; items: ImportItem[]; settings: unknown; exportedAt?: number } | { ok: false; error: string };

/**
 * Checks the envelope of an export file. The records are not validated here:
 * `importRecords` does that one by one, so one bad record is a listed reject,
 * never the loss of the whole file.
 */
export function parseDataExport(text: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'not a KPI Lens export (expected an object)' };
  const file = json as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) return { ok: false, error: 'not a KPI Lens export (no "format": "kpi-lens-export")' };
  if (file.version !== EXPORT_VERSION)
    return { ok: false, error: `export version ${JSON.stringify(file.version)} is not one this KPI Lens reads (${EXPORT_VERSION})` };
  const records = file.records;
  if (typeof records !== 'object' || records === null || Array.isArray(records)) return { ok: false, error: 'the export has no "records" object' };
  const items: ImportItem[] = [];
  for (const [type, list] of Object.entries(records)) {
    if (!Array.isArray(list)) return { ok: false, error: `records.${type} is not a list` };
    for (const record of list) items.push({ type, record });
  }
  return { ok: true, items, settings: file.settings, exportedAt: typeof file.exportedAt === 'number' ? file.exportedAt : undefined };
}

export type ImportReject = { index: number; type: string; externalId?: string; reason: string };
/** `rejected` is exact; `rejects` lists the first REJECTS_LISTED of them with line (index) and reason. */
export type ImportOutcome = { imported: number; rejected: number; rejects: ImportReject[]; sources: string[] };

/** At most this many rejects are listed in full; the count is always exact. */
export const REJECTS_LISTED = 1_000;

/**
 * Validates each record through lib/model and upserts the valid ones by
 * `[source+externalId]`, so importing the same export twice changes nothing.
 * `offset` numbers the items of a chunk within the whole file.
 */
export async function importRecords(db: KpiLensDb, items: readonly ImportItem[], offset = 0): Promise<ImportOutcome> {
  const valid = new Map<RecordType, CanonicalRecord[]>();
  const rejects: ImportReject[] = [];
  let rejected = 0;
  const sources = new Set<string>();
  items.forEach((item, i) => {
    const reason = !isRecordType(item.type) ? `unknown record type "${String(item.type).slice(0, 40)}"` : undefined;
    const parsed = reason === undefined && isRecordType(item.type) ? parseRecord(item.type, item.record) : undefined;
    if (parsed?.ok && isRecordType(item.type)) {
      const list = valid.get(item.type) ?? [];
      list.push(parsed.record);
      valid.set(item.type, list);
      sources.add(parsed.record.source);
      return;
    }
    rejected += 1;
    if (rejects.length < REJECTS_LISTED)
      rejects.push({
        index: offset + i,
        type: String(item.type).slice(0, 40),
        externalId: idOf(item.record),
        reason: reason ?? (parsed && !parsed.ok ? parsed.reason : 'invalid'),
      });
  });
  const types = [...valid.keys()];
  if (types.length) {
    await db.transaction('rw', tablesOf(db, types), async () => putBatch(db, Object.fromEntries(valid)));
  }
  return { imported: [...valid.values()].reduce((sum, list) => sum + list.length, 0), rejects, rejected, sources: [...sources].sort() };
}

function idOf(record: unknown): string | undefined {
  const id = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).externalId : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : undefined;
}
