import { createContext, useContext } from 'react';
import type { DiscardedNotice } from '@/lib/db';
import type { ImportItem, ImportOutcome, PrimaryKey, QuarantinePage, TablePage } from '@/lib/export';
import { dataVersionKey, type Responses, type SourceStatus, send as ask } from '@/lib/messaging';
import type { RecordType } from '@/lib/model';
import {
  type ManualRecordType,
  type MigrationResult,
  type OptionsOverview,
  type PatchResult,
  type Settings,
  loadSettingsReport,
  saveSettings,
  watchSettings,
} from '@/lib/settings';
import { dismissDiscarded, followDiscarded } from '../common/discarded';
import { onStorageChange } from '../common/signals';
import { SOURCES } from '../common/status';

/**
 * Everything the options page asks of the browser and the background, behind
 * one object so component tests can hand in a fake background. Records are
 * written by the background (the single writer); settings live in
 * storage.local and are validated whole before anything is written.
 */
export type OptionsApi = {
  sources(): Promise<SourceStatus[]>;
  overview(source: string): Promise<OptionsOverview>;
  saveRecord(source: string, recordType: ManualRecordType, record: Record<string, unknown>): Promise<Responses['options/save-record']>;
  deleteRecord(source: string, recordType: ManualRecordType, externalId: string): Promise<Responses['options/delete-record']>;
  exportPage(table: RecordType, after: PrimaryKey | undefined, limit: number): Promise<TablePage>;
  quarantinePage(after: number | undefined, limit: number): Promise<QuarantinePage>;
  importRecords(items: ImportItem[], offset: number): Promise<ImportOutcome>;
  /** Synced records only: connections and settings stay, the next sync fetches the data again. */
  deleteData(): Promise<void>;
  /** Records, the rep's entries, settings, connections: all of it. */
  eraseEverything(): Promise<void>;
  loadDemo(): Promise<Responses['demo/load']>;
  loadSettings(): Promise<MigrationResult>;
  saveSettings(patch: Partial<Settings>): Promise<PatchResult>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** Calls back when a source's data changed (a sync step, a saved entry). */
  watchData(source: string, onChange: () => void): () => void;
  /** The notice that the browser discarded KPI Lens's database (lib/db/continuity.ts): now, then each change. */
  watchDiscarded(onChange: (notice: DiscardedNotice | undefined) => void): () => void;
  dismissDiscarded(): Promise<void>;
  storage: { estimate(): Promise<{ usage?: number; quota?: number }>; persisted(): Promise<boolean>; persist(): Promise<boolean> };
  download(fileName: string, blob: Blob): void;
  now(): number;
};

export const browserOptionsApi: OptionsApi = {
  sources: SOURCES.load,
  overview: (source) => ask({ type: 'options/overview', source }),
  saveRecord: (source, recordType, record) => ask({ type: 'options/save-record', source, recordType, record }),
  deleteRecord: (source, recordType, externalId) => ask({ type: 'options/delete-record', source, recordType, externalId }),
  exportPage: (table, after, limit) => ask({ type: 'data/export-page', table, after, limit }),
  quarantinePage: (after, limit) => ask({ type: 'data/quarantine-page', after, limit }),
  importRecords: (items, offset) => ask({ type: 'data/import-records', items, offset }),
  deleteData: async () => {
    await ask({ type: 'data/delete-all' });
  },
  eraseEverything: async () => {
    await ask({ type: 'data/erase-everything' });
  },
  loadDemo: () => ask({ type: 'demo/load' }),
  loadSettings: loadSettingsReport,
  // Saved now, by the rep: rates changed here are dated today.
  saveSettings: (patch) => saveSettings(patch, { now: Date.now() }),
  watchSettings,
  watchData: (source, onChange) => onStorageChange('session', (key) => key === dataVersionKey(source), onChange),
  watchDiscarded: followDiscarded,
  dismissDiscarded,
  storage: {
    estimate: () => navigator.storage.estimate(),
    persisted: () => navigator.storage.persisted(),
    persist: () => navigator.storage.persist(),
  },
  download: (fileName, blob) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  now: () => Date.now(),
};

export const OptionsApiContext = createContext<OptionsApi>(browserOptionsApi);

export function useOptionsApi(): OptionsApi {
  return useContext(OptionsApiContext);
}
