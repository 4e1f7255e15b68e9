import type { RecordBatch } from '../adapters/types';
import type { QuarantineEntry, SyncObjectState } from '../db/types';
import type { RecordType } from '../model';

/** One step's writes: records, deletions, quarantine and the new cursor state, all or nothing. */
export type SyncStepWrite = {
  state: SyncObjectState;
  batch: RecordBatch;
  deleted?: { [K in RecordType]?: string[] };
  quarantine: QuarantineEntry[];
};

/**
 * Where the sync engine keeps its work. The extension uses IndexedDB (Dexie),
 * the CLI keeps it in memory and writes JSON. `commitStep` must be atomic: a
 * crash leaves either the whole step or none of it.
 */
export type SyncStore = {
  getStates(source: string): Promise<SyncObjectState[]>;
  saveState(state: SyncObjectState): Promise<void>;
  commitStep(write: SyncStepWrite): Promise<void>;
};

export function stateKey(source: string, object: string): string {
  return `${source}/${object}`;
}
