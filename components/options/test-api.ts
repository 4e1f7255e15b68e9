import { vi } from 'vitest';
import type { KpiData } from '@/lib/kpi';
import type { SourceStatus } from '@/lib/messaging';
import { RECORD_TABLES } from '@/lib/db';
import type { CanonicalRecord, RecordType } from '@/lib/model';
import { checkManualRecord, buildOptionsOverview, loadSettings, loadSettingsReport, saveSettings, watchSettings } from '@/lib/settings';
import { dismissDiscarded, followDiscarded } from '../common/discarded';
import type { OptionsApi } from './api';
import type { ConnectionsApi } from './connections/api';
export { emptyKpiData as emptyData } from '@/lib/kpi';

/** 2017-06-15 12:00 UTC: "today" of the options tests. */
export const NOW = Date.UTC(2017, 5, 15, 12);

/**
 * A fake background for component tests: records live in `data` (one source),
 * checked by the same lib/settings code the background runs; settings go
 * through the real storage functions, backed by WXT's fake browser.
 */
export function fakeOptionsApi(data: KpiData, source = 'demo') {
  const status: SourceStatus = { source, crm: 'demo', label: 'Demo data', records: 1, quarantined: 0, syncing: false };
  const listeners = new Set<() => void>();
  const table = (type: RecordType) => data[RECORD_TABLES[type]] as unknown as CanonicalRecord[];
  const api: OptionsApi = {
    sources: vi.fn(async () => [status]),
    overview: vi.fn(async (requested: string) => buildOptionsOverview(requested, data, await loadSettings())),
    saveRecord: vi.fn(async (requested, recordType, record) => {
      const checked = checkManualRecord(recordType, record, requested, NOW);
      if (!checked.ok) return checked;
      const list = table(recordType);
      const at = list.findIndex((existing) => existing.externalId === checked.record.externalId);
      if (at >= 0) list[at] = checked.record;
      else list.push(checked.record);
      for (const listener of listeners) listener();
      return checked;
    }),
    deleteRecord: vi.fn(async (_requested, recordType, externalId) => {
      const list = table(recordType);
      const at = list.findIndex((existing) => existing.externalId === externalId);
      if (at >= 0) list.splice(at, 1);
      for (const listener of listeners) listener();
      return { deleted: at >= 0 };
    }),
    exportPage: vi.fn(async () => ({ records: [], next: null })),
    quarantinePage: vi.fn(async () => ({ entries: [], next: null })),
    importRecords: vi.fn(async () => ({ imported: 0, rejected: 0, rejects: [], sources: [] })),
    deleteData: vi.fn(async () => {}),
    eraseEverything: vi.fn(async () => {}),
    loadDemo: vi.fn(async () => ({ source: 'demo', records: 0 })),
    loadSettings: loadSettingsReport,
    saveSettings,
    watchSettings,
    watchData: (_source, onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    // Backed by WXT's fake browser, like the settings.
    watchDiscarded: followDiscarded,
    dismissDiscarded,
    storage: {
      estimate: vi.fn(async () => ({ usage: 12_500_000, quota: 500_000_000 })),
      persisted: vi.fn(async () => false),
      persist: vi.fn(async () => true),
    },
    download: vi.fn(),
    now: () => NOW,
  };
  return api;
}

/** Connections for tests about other sections: none, and nothing ever changes. */
export function noConnectionsApi(): ConnectionsApi {
  return {
    list: vi.fn(async () => []),
    watch: () => () => undefined,
    oauthRedirectUrl: () => undefined,
    testBuild: false,
  } as unknown as ConnectionsApi;
}
