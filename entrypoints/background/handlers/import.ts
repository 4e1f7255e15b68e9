import { browser, type Browser } from 'wxt/browser';
import type { Reject } from '@/lib/adapters';
import { type KpiLensDb, batchTypes, deleteSource, putBatch, tablesOf, capRawPayload, countStored } from '@/lib/db';
import { importedSources, type MetaStore } from '@/lib/import';
import { parseImportBatch, TABLE_PAYLOAD_MAX_CHARS, type ImportedSource, type ImportResponses } from '@/lib/messaging';
import type { Customer } from '@/lib/model';
import { mappingKey } from '@/lib/table-reader';
import { effectiveTimeZone, loadSettings } from '@/lib/settings';
import type { HandlerDeps, HandlerGroup } from './types';

type ImportType = keyof ImportResponses;

/** The picker's file, as WXT builds `entrypoints/table-reader.content/`. */
const TABLE_PICKER_FILE = '/content-scripts/table-reader.js' as const;
/** A picker left open this long stops being trusted with rows; the rep starts it again from the popup. */
const TABLE_SESSION_MS = 2 * 60 * 60_000;

/** The meta table as lib/import's list of imported sources sees it. */
function metaStore(db: KpiLensDb): MetaStore {
  return {
    list: (prefix) => db.meta.where('key').startsWith(prefix).toArray(),
    get: (key) => db.meta.get(key),
    put: (entry) => db.meta.put(entry),
    remove: (key) => db.meta.delete(key),
  };
}

/** The CSV files and tables imported into this database, newest first. */
export function listImportedSources(db: KpiLensDb): Promise<ImportedSource[]> {
  return importedSources(metaStore(db)).list();
}

/** The tabs where the rep started the table picker, kept in session storage so a restarted worker still knows. */
const sessionKey = (tabId: number) => `table-session:${tabId}`;

async function tableSessionHost(sender: Browser.runtime.MessageSender): Promise<string> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) throw new Error('refused: table rows come only from a tab');
  const key = sessionKey(tabId);
  const session = (await browser.storage.session.get(key))[key] as { at?: unknown } | undefined;
  if (typeof session?.at !== 'number' || session.at < Date.now() - TABLE_SESSION_MS) {
    throw new Error('refused: the table picker was not started in this tab (start it from the KPI Lens popup)');
  }
  await browser.storage.session.set({ [key]: { at: Date.now() } });
  // The browser's record of the sender's page names the source, never the message.
  const url = new URL(sender.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('refused: tables are read from web pages only');
  return url.host;
}

export function importHandlers(deps: HandlerDeps): HandlerGroup<ImportType> {
  const { db, views, versions, statuses } = deps;
  const registry = importedSources(metaStore(db));

  /** Validates and writes one batch with its rejects in one transaction; the cached view of the source follows. */
  async function write(source: string, raw: Parameters<typeof parseImportBatch>[1]) {
    const { records, rejects } = parseImportBatch(source, raw);
    if (records.customer?.length) records.customer = await keepEarliestAcquisition(db, source, records.customer);
    await db.transaction('rw', [...tablesOf(db, batchTypes(records)), db.quarantine], async () => {
      await putBatch(db, records);
      if (rejects.length) await db.quarantine.bulkAdd(rejects.map((reject) => quarantineEntry(source, reject)));
    });
    views.applyWrite(source, records);
    versions.bumpSoon(source);
    const written = batchTypes(records).reduce((sum, type) => sum + (records[type]?.length ?? 0), 0);
    return { written, rejected: rejects.length, reasons: [...new Set(rejects.map((reject) => reject.reason))].slice(0, 5) };
  }

  async function finished(source: string): Promise<number> {
    views.invalidate(source);
    statuses.forget(source);
    versions.bumpNow(source);
    void views.keepOrdersAfterWrites(source).catch(() => undefined);
    return (await countStored(db, source)).records;
  }

  return {
    'import/records': (request) => write(request.source, request.batch),
    'import/finish': async ({ source, summary }) => {
      await registry.remember({
        source,
        origin: 'csv',
        label: summary.fileName,
        kind: summary.kind,
        lastImportAt: Date.now(),
        rows: summary.rows,
        imported: summary.imported,
        rejected: summary.rejected,
      });
      return { records: await finished(source) };
    },
    'import/list': async () => ({ sources: await registry.list() }),
    'import/delete': async ({ source }) => {
      await deleteSource(db, source);
      await registry.forget(source);
      await finished(source);
      return { deleted: true };
    },
    'table/pick': async ({ tabId }) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab) return { started: false, reason: 'The tab is closed.' };
      if (tab.url !== undefined && !/^https?:/i.test(tab.url)) return { started: false, reason: 'KPI Lens reads tables on web pages (http or https) only.' };
      await browser.storage.session.set({ [sessionKey(tabId)]: { at: Date.now() } });
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: [TABLE_PICKER_FILE] });
        return { started: true };
      } catch (error) {
        await browser.storage.session.remove(sessionKey(tabId));
        return { started: false, reason: `KPI Lens cannot read this page: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    'table/setup': async (_request, sender) => {
      const host = await tableSessionHost(sender);
      const settings = await loadSettings();
      const key = mappingKey(host);
      return {
        locale: settings.locale,
        timeZone: effectiveTimeZone(settings, Intl.DateTimeFormat().resolvedOptions().timeZone),
        currency: settings.reportingCurrency,
        remembered: (await browser.storage.local.get(key))[key] ?? null,
      };
    },
    'table/remember': async (request, sender) => {
      const host = await tableSessionHost(sender);
      await browser.storage.local.set({ [mappingKey(host)]: request.mapping });
      return { remembered: true };
    },
    'table/rows': async (request, sender) => {
      const host = await tableSessionHost(sender);
      if (JSON.stringify(request.batch).length > TABLE_PAYLOAD_MAX_CHARS) throw new Error('refused: the batch of table rows is too large');
      const source = `table:${host}`;
      const outcome = await write(source, request.batch);
      await registry.addTableRows({
        source,
        label: host,
        kind: request.kind,
        lastImportAt: Date.now(),
        rows: request.rows,
        imported: outcome.written,
        rejected: request.rejected + outcome.rejected,
      });
      statuses.forget(source);
      return { source, ...outcome };
    },
  };
}

/** A customer is acquired at its first won deal: a later batch (another page, a newer file) never moves that later. */
async function keepEarliestAcquisition(db: KpiLensDb, source: string, customers: Customer[]): Promise<Customer[]> {
  const stored = await db.customers.bulkGet(customers.map((customer) => [source, customer.externalId] as [string, string]));
  return customers.map((customer, i) => {
    const earlier = stored[i]?.acquiredAt;
    if (earlier === undefined || (customer.acquiredAt !== undefined && customer.acquiredAt <= earlier)) return customer;
    return { ...customer, acquiredAt: earlier };
  });
}

function quarantineEntry(source: string, reject: Reject) {
  return { source, recordType: reject.recordType, externalId: reject.externalId, rawJson: capRawPayload(reject.raw), reason: reject.reason, at: Date.now() };
}
