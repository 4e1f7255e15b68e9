import { browser } from 'wxt/browser';
import { type RecordBatch, ALL_CRM_HOST_PATTERNS } from '@/lib/adapters';
import { forgetAllConnections } from '@/lib/connections';
import { deleteRecord, upsertRecords } from '@/lib/db';
import { importRecords, readQuarantinePage, readTablePage, eraseEverything } from '@/lib/export';
import { checkManualRecord, buildOptionsOverview, loadSettings } from '@/lib/settings';
import { allStatuses } from './core';
import type { HandlerDeps, HandlerGroup } from './types';

type OptionsType =
  | 'options/overview'
  | 'options/save-record'
  | 'options/delete-record'
  | 'data/export-page'
  | 'data/quarantine-page'
  | 'data/import-records'
  | 'data/erase-everything';

/** The options page's requests: the rep's own entries, the full export and import, delete everything. */
export function optionsHandlers(deps: HandlerDeps): HandlerGroup<OptionsType> {
  const { db, views, versions, statuses } = deps;

  /** A write landed: the cached view data follows it, and open pages are told right away. */
  function changed(source: string, batch: RecordBatch, deleted?: Parameters<typeof views.applyWrite>[2]) {
    views.applyWrite(source, batch, deleted);
    statuses.forget(source);
    versions.bumpNow(source);
  }

  return {
    'options/overview': async (request) => {
      const settings = await loadSettings();
      return views.withData(request.source, (data) => buildOptionsOverview(request.source, data, settings));
    },
    'options/save-record': async (request) => {
      const checked = checkManualRecord(request.recordType, request.record, request.source, Date.now());
      if (!checked.ok) return checked;
      const batch = { [request.recordType]: [checked.record] } as RecordBatch;
      await upsertRecords(db, batch);
      changed(request.source, batch);
      return checked;
    },
    'options/delete-record': async (request) => {
      const existed = await deleteRecord(db, request.source, request.recordType, request.externalId);
      if (existed) changed(request.source, {}, { [request.recordType]: [request.externalId] });
      return { deleted: existed };
    },
    'data/export-page': (request) => readTablePage(db, request.table, request.after, request.limit),
    'data/quarantine-page': (request) => readQuarantinePage(db, request.after, request.limit),
    'data/import-records': async (request) => {
      const outcome = await importRecords(db, request.items, request.offset);
      for (const source of outcome.sources) {
        views.invalidate(source);
        statuses.forget(source);
        versions.bumpNow(source);
      }
      return outcome;
    },
    'data/erase-everything': async () => {
      // No sync may write after the data is gone: stop them and wait until they let go.
      await deps.scheduler.stop();
      const sources = (await allStatuses(deps)).map((status) => status.source);
      await eraseEverything(db, { local: browser.storage.local, session: browser.storage.session, connections: { clear: forgetAllConnections } });
      for (const alarm of await browser.alarms.getAll()) if (alarm.name.startsWith('sync:')) await browser.alarms.clear(alarm.name);
      // KPI Lens forgets its CRMs, so it gives back the access the rep granted to them too.
      const { origins = [] } = await browser.permissions.getAll();
      const granted = origins.filter((origin) => ALL_CRM_HOST_PATTERNS.includes(origin));
      if (granted.length) await browser.permissions.remove({ origins: granted }).catch(() => false);
      views.invalidate();
      statuses.forget();
      for (const source of sources) versions.bumpNow(source);
      return { erased: true };
    },
  };
}
