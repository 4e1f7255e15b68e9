import type { RecordBatch } from '../adapters/types';
import { isColumnType, type ColumnType } from '../columns/spec';
import { columnTableOf } from '../columns/table';
import { RECORD_TABLES } from '../db/schema';
import type { KpiData } from '../kpi/types';
import type { LateTables } from '../kpi/late-tables';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';

type Tables = Map<RecordType, Map<string, CanonicalRecord>>;

/** Reads a source's records of one big type again (from the column store when it is ready). */
export type ReloadType = (type: ColumnType) => Promise<readonly CanonicalRecord[]>;

/** Reads a source's customers and MRR movements, when `initial` came without them (lib/kpi/late-tables.ts). */
export type ReadLate = () => Promise<LateTables>;

const LATE_TYPES = ['customer', 'mrrMovement'] as const satisfies readonly RecordType[];

/**
 * One source's records in memory, kept current by the writer itself: the background applies every
 * committed sync step here, so showing fresh numbers never means reading the whole source back.
 * Activities, deals and leads that come from the column store (lib/columns/table.ts) are not held as
 * records at all: a write to them marks them stale, and the next read takes their hot chunks again
 * (one read; no record object is made). The small types are kept as records and updated in place.
 *
 * With `readLate`, `initial` holds no customers or MRR movements yet: `data()` reads them (once) and
 * waits for them, while `early()` answers without reading them (a rep's pinned numbers, which never
 * read them). The read starts with the first `data()`, not before: IndexedDB serves the worker's
 * reads one after another, and the pinned numbers' own read of the chunks they name comes first.
 * A write landing before they arrive is kept over what the read brings.
 */
export function createSourceCache(initial: KpiData, reload?: ReloadType, readLate?: ReadLate) {
  const tables: Tables = new Map(RECORD_TYPES.map((type) => [type, new Map()]));
  const columnar = new Map<RecordType, readonly CanonicalRecord[]>();
  const stale = new Set<ColumnType>();
  for (const type of RECORD_TYPES) {
    const list = initial[RECORD_TABLES[type]] as readonly CanonicalRecord[];
    if (columnTableOf(list)) {
      columnar.set(type, list);
      continue;
    }
    const table = tables.get(type)!;
    for (const record of list) table.set(record.externalId, record);
  }
  // Until the late tables are in: how to read them (undefined once they are).
  let lateReader = readLate;
  let snapshot: KpiData | undefined = lateReader ? undefined : initial;
  let refreshing: Promise<void> | undefined;
  // The late tables' read; until it is done, the ids of theirs a write set or deleted (the write wins).
  let late: Promise<void> | undefined;
  const writtenEarly = new Map<RecordType, Set<string>>(LATE_TYPES.map((type) => [type, new Set()]));
  let earlySnapshot: KpiData | undefined;

  function readLateTables(): Promise<void> {
    late ??= lateReader!().then(
      (read) => {
        for (const type of LATE_TYPES) {
          const table = tables.get(type)!;
          const written = writtenEarly.get(type)!;
          for (const record of read[RECORD_TABLES[type]] as readonly CanonicalRecord[])
            if (!written.has(record.externalId)) table.set(record.externalId, record);
          written.clear();
          changed.add(type);
        }
        lateReader = undefined;
      },
      (error: unknown) => {
        // Read again by the next reader, not served without them.
        late = undefined;
        throw error;
      },
    );
    return late;
  }
  // Only the kinds a write touched get new arrays: the indexes kept per array (the KPI engine's columns,
  // the done-activities index) survive a sync step that changed deals only.
  const changed = new Set<RecordType>();

  async function refresh(): Promise<void> {
    for (const type of [...stale]) {
      stale.delete(type);
      let list: readonly CanonicalRecord[];
      try {
        list = await reload!(type);
      } catch (error) {
        // Still stale: the next read tries again rather than serving the records from before the write.
        stale.add(type);
        throw error;
      }
      tables.get(type)!.clear();
      if (columnTableOf(list)) columnar.set(type, list);
      else {
        columnar.delete(type);
        for (const record of list) tables.get(type)!.set(record.externalId, record);
      }
      changed.add(type);
    }
  }

  const cache = {
    apply(batch: RecordBatch, deleted?: { [K in RecordType]?: string[] }) {
      for (const type of RECORD_TYPES) {
        if (!batch[type]?.length && !deleted?.[type]?.length) continue;
        changed.add(type);
        // The big types are read back from the column store (a first sync may bring a million records).
        if (reload && isColumnType(type)) {
          stale.add(type);
          continue;
        }
        const table = tables.get(type)!;
        for (const record of batch[type] ?? []) table.set(record.externalId, record);
        for (const id of deleted?.[type] ?? []) table.delete(id);
        if (lateReader && writtenEarly.has(type))
          for (const id of [...(batch[type] ?? []).map((record) => record.externalId), ...(deleted?.[type] ?? [])]) writtenEarly.get(type)!.add(id);
      }
      earlySnapshot = undefined;
    },
    /** The records as KpiData; after a change, a new object with new arrays for the kinds that changed. */
    async data(): Promise<KpiData> {
      while (lateReader) await readLateTables();
      // A read in flight counts as stale too: a second caller arriving while it runs (the type is no
      // longer in `stale`) must wait for it, not build a snapshot without the records just written.
      while (stale.size || refreshing) await (refreshing ??= refresh().finally(() => (refreshing = undefined)));
      if (!snapshot || changed.size) {
        const built = { ...snapshot } as Record<string, readonly CanonicalRecord[]>;
        for (const type of RECORD_TYPES) if (!snapshot || changed.has(type)) built[RECORD_TABLES[type]] = columnar.get(type) ?? [...tables.get(type)!.values()];
        snapshot = built as unknown as KpiData;
        changed.clear();
      }
      return snapshot;
    },
    /**
     * The records without customers and MRR movements while they are still being read (empty
     * arrays), for a computation that reads neither; the whole data once they are in.
     */
    async early(): Promise<KpiData> {
      if (!lateReader) return cache.data();
      while (stale.size || refreshing) await (refreshing ??= refresh().finally(() => (refreshing = undefined)));
      if (!earlySnapshot) {
        const built = {} as Record<string, readonly CanonicalRecord[]>;
        for (const type of RECORD_TYPES)
          built[RECORD_TABLES[type]] = (LATE_TYPES as readonly RecordType[]).includes(type) ? [] : (columnar.get(type) ?? [...tables.get(type)!.values()]);
        earlySnapshot = built as unknown as KpiData;
      }
      return earlySnapshot;
    },
  };
  return cache;
}
export type SourceCache = ReturnType<typeof createSourceCache>;
