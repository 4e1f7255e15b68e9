import type { RecordBatch } from '../adapters/types';
import type { QuarantineEntry, SyncObjectState } from '../db/types';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';
import type { SyncStore } from './store';

/**
 * A sync store in memory, for the CLI (which writes the result as JSON) and for
 * tests. Records are keyed like the database, `[source+externalId]` per type.
 */
export type MemorySyncStore = SyncStore & {
  records: Map<RecordType, Map<string, CanonicalRecord>>;
  quarantine: QuarantineEntry[];
  states: Map<string, SyncObjectState>;
  /** The stored records as a batch (per type, in key order). */
  snapshot(): RecordBatch;
};

export function memorySyncStore(): MemorySyncStore {
  const records = new Map<RecordType, Map<string, CanonicalRecord>>(RECORD_TYPES.map((type) => [type, new Map()]));
  const quarantine: QuarantineEntry[] = [];
  const states = new Map<string, SyncObjectState>();
  const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;
  return {
    records,
    quarantine,
    states,
    getStates: async (source) => [...states.values()].filter((state) => state.source === source).map((state) => ({ ...state })),
    saveState: async (state) => {
      states.set(state.key, { ...state });
    },
    commitStep: async (write) => {
      for (const type of RECORD_TYPES) {
        const table = records.get(type)!;
        for (const record of write.batch[type] ?? []) table.set(keyOf(record.source, record.externalId), record);
        for (const id of write.deleted?.[type] ?? []) table.delete(keyOf(write.state.source, id));
      }
      quarantine.push(...write.quarantine);
      states.set(write.state.key, { ...write.state });
    },
    snapshot: () => {
      const batch: RecordBatch = {};
      for (const type of RECORD_TYPES) {
        const table = records.get(type)!;
        if (table.size)
          (batch as Record<RecordType, CanonicalRecord[]>)[type] = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, record]) => record);
      }
      return batch;
    },
  };
}
