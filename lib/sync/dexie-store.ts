import type { Transaction } from 'dexie';
import type { KpiLensDb } from '../db/db';
import { batchTypes, deleteRecords, putBatch, tablesOf } from '../db/records';
import { RECORD_TYPES, type RecordType } from '../model';
import type { SyncStepWrite, SyncStore } from './store';

/**
 * The extension's sync store: each step's records, deletions, quarantine entries
 * and cursor go into IndexedDB in ONE transaction, so a killed browser or worker
 * leaves either the whole step or nothing.
 */
export function dexieSyncStore(db: KpiLensDb, options: { onCommitted?: (write: SyncStepWrite) => void } = {}): SyncStore {
  return {
    getStates: (source) => db.syncState.where('source').equals(source).toArray(),
    saveState: async (state) => {
      await db.syncState.put(state);
    },
    commitStep: async (write) => {
      await commitStep(db, write);
      options.onCommitted?.(write);
    },
  };
}

async function commitStep(db: KpiLensDb, write: SyncStepWrite): Promise<void> {
  const deletedTypes = RECORD_TYPES.filter((type) => (write.deleted?.[type]?.length ?? 0) > 0);
  const types = new Set<RecordType>([...batchTypes(write.batch), ...deletedTypes]);
  let transaction: Transaction | undefined;
  try {
    await db.transaction('rw', [...tablesOf(db, types), db.quarantine, db.syncState], async (tx) => {
      transaction = tx;
      await putBatch(db, write.batch);
      for (const type of deletedTypes) await deleteRecords(db, write.state.source, type, write.deleted![type]!);
      await clearHealedQuarantine(db, write);
      if (write.quarantine.length) await db.quarantine.bulkAdd(write.quarantine);
      await db.syncState.put(write.state);
    });
  } catch (error) {
    // When the browser aborts the transaction for lack of space, its pending requests fail with
    // AbortError (Dexie reports them as a BulkError); why it aborted is the transaction's own error.
    const reason = transaction?.idbtrans?.error;
    throw reason?.name === 'QuotaExceededError' ? reason : error;
  }
}

/** A record that failed before and now arrives valid no longer counts as quarantined. */
async function clearHealedQuarantine(db: KpiLensDb, write: SyncStepWrite): Promise<void> {
  const source = write.state.source;
  if ((await db.quarantine.where('source').equals(source).count()) === 0) return;
  const keys: [string, string, string][] = [];
  for (const type of batchTypes(write.batch)) {
    for (const record of write.batch[type]!) keys.push([source, type, record.externalId]);
  }
  if (keys.length) await db.quarantine.where('[source+recordType+externalId]').anyOf(keys).delete();
}
