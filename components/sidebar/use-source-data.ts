import { useEffect, useRef, useState } from 'react';
import type { KpiLensDb } from '../../lib/db/db';
import { loadKpiData } from '../../lib/db/load';
import { storedSourceStatus, type StoredSourceStatus } from '../../lib/db/status';
import type { KpiData } from '../../lib/kpi/types';
import { useLiveQuery } from '../common/use-observable';

/** While a sync writes page after page, the numbers are refreshed at most this often. */
const RELOAD_WHILE_SYNCING_MS = 3_000;

/**
 * A source's records for the KPI engine and its sync status, both live: the
 * status follows every write of the background; the records are reloaded when
 * they change, throttled while a sync is running.
 */
export function useSourceData(db: KpiLensDb, source: string): { data: KpiData | undefined; status: StoredSourceStatus | undefined } {
  const status = useLiveQuery(() => storedSourceStatus(db, source), [db, source]);
  const signature = useLiveQuery(async () => {
    const states = await db.syncState.where('source').equals(source).toArray();
    return `${states.reduce((latest, state) => Math.max(latest, state.updatedAt), 0)}`;
  }, [db, source]);
  const [data, setData] = useState<KpiData>();
  const lastLoad = useRef(0);

  const ready = status !== undefined;
  const syncing = status?.syncing ?? false;
  const records = status?.records;
  useEffect(() => {
    if (signature === undefined || !ready) return;
    let cancelled = false;
    const wait = syncing ? Math.max(0, lastLoad.current + RELOAD_WHILE_SYNCING_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      lastLoad.current = Date.now();
      void loadKpiData(db, source).then((loaded) => !cancelled && setData(loaded));
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, source, signature, records, syncing, ready]);

  return { data, status };
}
