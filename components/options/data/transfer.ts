import { EXPORT_FORMAT, EXPORT_PAGE_SIZE, EXPORT_VERSION, type ImportItem, type ImportOutcome, type PrimaryKey, recordsToCsv } from '@/lib/export';
import type { QuarantineEntry } from '@/lib/db';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '@/lib/model';
import type { OptionsApi } from '../api';

/** Records per import message: small enough for the message channel, big enough to be quick. */
export const IMPORT_CHUNK = 2_000;

/** Every record of a table, asked from the background page by page. */
export async function readTable(api: OptionsApi, type: RecordType, onPage?: (records: number) => void): Promise<CanonicalRecord[]> {
  const all: CanonicalRecord[] = [];
  let after: PrimaryKey | undefined;
  for (;;) {
    const page = await api.exportPage(type, after, EXPORT_PAGE_SIZE);
    all.push(...page.records);
    onPage?.(page.records.length);
    if (!page.next) return all;
    after = page.next;
  }
}

/**
 * The whole export as JSON (lib/export/data's DataExport), written record by
 * record into a Blob's parts so a big database never becomes one giant string
 * in the page. Returns the record count too.
 */
export async function exportJson(api: OptionsApi, settings: unknown, onProgress?: (records: number) => void): Promise<{ blob: Blob; records: number }> {
  const parts: string[] = [
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${api.now()},"settings":${JSON.stringify(settings ?? null)},"records":{`,
  ];
  let records = 0;
  let firstTable = true;
  for (const type of RECORD_TYPES) {
    let after: PrimaryKey | undefined;
    let first = true;
    for (;;) {
      const page = await api.exportPage(type, after, EXPORT_PAGE_SIZE);
      for (const record of page.records) {
        if (first) parts.push(`${firstTable ? '' : ','}${JSON.stringify(type)}:[`);
        parts.push((first ? '' : ',') + JSON.stringify(record));
        first = false;
        firstTable = false;
      }
      records += page.records.length;
      onProgress?.(records);
      if (!page.next) break;
      after = page.next;
    }
    if (!first) parts.push(']');
  }
  // The records that could not be read come along for the rep (or their admin) to look at; an import skips them.
  parts.push('},"quarantine":[');
  let firstEntry = true;
  for (const entry of await readQuarantine(api)) {
    parts.push((firstEntry ? '' : ',') + JSON.stringify(entry));
    firstEntry = false;
  }
  parts.push(']}');
  return { blob: new Blob(parts, { type: 'application/json' }), records };
}

/** Every quarantine entry, asked from the background page by page. */
export async function readQuarantine(api: OptionsApi): Promise<QuarantineEntry[]> {
  const all: QuarantineEntry[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await api.quarantinePage(after, EXPORT_PAGE_SIZE);
    all.push(...page.entries);
    if (page.next === null) return all;
    after = page.next;
  }
}

/** The records that could not be read, with why, as CSV (null when there are none). */
export async function exportQuarantineCsv(api: OptionsApi): Promise<Blob | null> {
  const entries = await readQuarantine(api);
  if (entries.length === 0) return null;
  const rows = entries.map((entry) => ({
    source: entry.source,
    recordType: entry.recordType,
    externalId: entry.externalId,
    reason: entry.reason,
    at: new Date(entry.at).toISOString(),
    raw: entry.rawJson,
  }));
  return new Blob(['\ufeff', recordsToCsv(rows, ['source', 'recordType', 'externalId', 'reason', 'at', 'raw'])], { type: 'text/csv;charset=utf-8' });
}

/** One table as CSV (null when it is empty). */
export async function exportCsv(api: OptionsApi, type: RecordType): Promise<Blob | null> {
  const records = await readTable(api, type);
  if (records.length === 0) return null;
  // A byte-order mark so spreadsheet programs read the Cyrillic of Russian CRMs as UTF-8.
  return new Blob(['\ufeff', recordsToCsv(records)], { type: 'text/csv;charset=utf-8' });
}

/** Sends a parsed export to the background chunk by chunk; rejects keep their place in the whole file. */
export async function importItems(api: OptionsApi, items: readonly ImportItem[], onProgress?: (done: number) => void): Promise<ImportOutcome> {
  const total: ImportOutcome = { imported: 0, rejected: 0, rejects: [], sources: [] };
  const sources = new Set<string>();
  for (let offset = 0; offset < items.length; offset += IMPORT_CHUNK) {
    const outcome = await api.importRecords(items.slice(offset, offset + IMPORT_CHUNK), offset);
    total.imported += outcome.imported;
    total.rejected += outcome.rejected;
    total.rejects.push(...outcome.rejects.slice(0, Math.max(0, 1_000 - total.rejects.length)));
    for (const source of outcome.sources) sources.add(source);
    onProgress?.(Math.min(items.length, offset + IMPORT_CHUNK));
  }
  total.sources = [...sources].sort();
  return total;
}

/** `2025-06-01` for file names. */
export function fileDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
