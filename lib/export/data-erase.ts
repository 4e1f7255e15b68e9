import type { KpiLensDb } from '../db/db';

/** The parts of a browser.storage area erasing needs (injected, so Node tests use fakes). */
export type ClearableArea = { clear(): Promise<void> };

/**
 * "Delete everything": every record of every source, the rep's own entries,
 * the quarantine, the sync cursors and the database's meta, the connections
 * with their tokens (their own database, lib/connections/vault.ts), then all of
 * the extension's storage (settings, the sidebar's state per CRM, remembered
 * column mappings) and the session area. Tables are cleared in one transaction
 * rather than the database deleted, so pages that hold it open are not left
 * blocking the delete, and a failure changes nothing.
 */
export async function eraseEverything(db: KpiLensDb, areas: { local: ClearableArea; session?: ClearableArea; connections: ClearableArea }): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await areas.connections.clear();
  await areas.local.clear();
  await areas.session?.clear();
}

/** How many rows the database holds over all tables (0 after `eraseEverything`). */
export async function countAllRows(db: KpiLensDb): Promise<number> {
  const counts = await Promise.all(db.tables.map((table) => table.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}
