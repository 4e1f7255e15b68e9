import { adapterFor } from '../../lib/connections/registry';
import { getConnection } from '../../lib/connections/store';
import type { KpiLensDb } from '../../lib/db/db';
import { effectiveTimeZone } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { dexieSyncStore } from '../../lib/sync/dexie-store';
import type { SyncJob } from '../../lib/sync/engine';
import type { SyncStepWrite } from '../../lib/sync/store';

/** The sync job of a connected source: its adapter, its credentials, the database. */
export async function buildSyncJob(db: KpiLensDb, source: string, onCommitted?: (write: SyncStepWrite) => void): Promise<SyncJob | null> {
  const connection = await getConnection(source);
  const adapter = connection && adapterFor(connection.crm);
  if (!connection || !adapter) return null;
  const settings = await loadSettings();
  return {
    source,
    adapter,
    ctx: {
      fetch: (input, init) => fetch(input, init),
      baseUrl: connection.apiBase,
      appUrl: connection.appUrl,
      auth: connection.auth,
      source,
      timeZone: effectiveTimeZone(settings, Intl.DateTimeFormat().resolvedOptions().timeZone),
      pageSize: 1000,
    },
    store: dexieSyncStore(db, { onCommitted }),
    env: { now: () => Date.now(), random: () => Math.random() },
  };
}
