import type { RecordBatch } from '../adapters/types';
import { RECORD_TABLES } from '../db/schema';
import type { KpiData } from '../kpi/types';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';

type Tables = Map<RecordType, Map<string, CanonicalRecord>>;

/**
 * One source's records in memory, kept current by the writer itself: the
 * background applies every committed sync step here, so showing fresh numbers
 * never means reading the whole source back from IndexedDB.
 */
export function createSourceCache(initial: KpiData) {
  const tables: Tables = new Map(RECORD_TYPES.map((type) => [type, new Map()]));
  for (const type of RECORD_TYPES) {
    const table = tables.get(type)!;
    for (const record of initial[RECORD_TABLES[type]] as readonly CanonicalRecord[]) table.set(record.externalId, record);
  }
  let snapshot: KpiData | undefined = initial;
  // Only the kinds a write touched get new arrays: the indexes kept per array (the KPI engine's columns,
  // the done-activities index) survive a sync step that changed deals only.
  const changed = new Set<RecordType>();
  return {
    apply(batch: RecordBatch, deleted?: { [K in RecordType]?: string[] }) {
      for (const type of RECORD_TYPES) {
        const table = tables.get(type)!;
        for (const record of batch[type] ?? []) table.set(record.externalId, record);
        for (const id of deleted?.[type] ?? []) table.delete(id);
        if (batch[type]?.length || deleted?.[type]?.length) changed.add(type);
      }
    },
    /** The records as KpiData; after a change, a new object with new arrays for the kinds that changed. */
    data(): KpiData {
      if (!snapshot || changed.size) {
        const built = { ...snapshot } as Record<string, CanonicalRecord[]>;
        for (const type of RECORD_TYPES) if (!snapshot || changed.has(type)) built[RECORD_TABLES[type]] = [...tables.get(type)!.values()];
        snapshot = built as unknown as KpiData;
        changed.clear();
      }
      return snapshot;
    },
  };
}
export type SourceCache = ReturnType<typeof createSourceCache>;
