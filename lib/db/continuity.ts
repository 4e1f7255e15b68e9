import type Dexie from 'dexie';

/**
 * Whether the records' database is the one this browser profile had before, or a new, empty one that
 * replaced it without KPI Lens asking.
 *
 * Chromium deletes an origin's whole IndexedDB when it finds the files damaged as it opens them
 * ("IndexedDB recovering from a corrupted (and deleted) database"). The safety-kill test meets it
 * after the browser was killed in the middle of writes. The extension then opens an empty
 * database: the records, the sync cursors and the connections' vault (same origin, same files) are
 * gone, while storage.local is kept (other files). A mark in storage.local, written once the
 * database exists, tells the two cases apart. When a database is created while the mark says one
 * existed, KPI Lens says so (`DATABASE_DISCARDED_KEY`). The CRM's records come back when the rep
 * opens the CRM (its session connects the source again, and with every cursor gone the sync starts
 * from scratch); token connections and imported files must be added again.
 */

/** storage.local: the records' database this profile has (set once it exists; removed before "Delete synced data"). */
export const DATABASE_MARK_KEY = 'database-mark';
/** storage.local: the records' database was found replaced by an empty one, and when (until the rep dismisses the notice). */
export const DATABASE_DISCARDED_KEY = 'database-discarded';

export type DiscardedNotice = { at: number };
export type Continuity = 'new' | 'kept' | 'discarded';

/** The parts of `browser.storage.local` used here. */
export type LocalArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/** The notice as stored, or undefined for anything else (storage.local is not only ours to write in every browser). */
export function readDiscardedNotice(value: unknown): DiscardedNotice | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const at = (value as { at?: unknown }).at;
  return typeof at === 'number' && Number.isFinite(at) ? { at } : undefined;
}

/**
 * Follows the opens of `db` (call before its first request): after each, `checkContinuity` compares what the
 * open found with the mark, records a discarded database, and keeps the mark. Checked after the
 * open, never inside it, so no request waits for storage.local.
 */
export function watchContinuity(db: Dexie, area: LocalArea, now: () => number, onChecked: (outcome: Continuity) => void = () => undefined): void {
  let created = false;
  // Dexie's populate runs in the upgrade transaction of an open that created the database.
  db.on('populate', () => {
    created = true;
  });
  // Sticky: every open, also the one after "Delete synced data" or after a full disk closed the database.
  db.on(
    'ready',
    () => {
      const createdNow = created;
      created = false;
      void checkContinuity(area, createdNow, now()).then(onChecked, () => undefined);
    },
    true,
  );
}

/**
 * After an open: a database created while the mark exists replaced the one before (`discarded`,
 * and the notice is stored); a database created with no mark is the profile's first (`new`). The
 * mark is written when missing, so databases from before this check are covered from their next open.
 */
export async function checkContinuity(area: LocalArea, createdNow: boolean, at: number): Promise<Continuity> {
  const marked = (await area.get(DATABASE_MARK_KEY))[DATABASE_MARK_KEY] !== undefined;
  if (createdNow && marked) {
    await area.set({ [DATABASE_MARK_KEY]: { createdAt: at }, [DATABASE_DISCARDED_KEY]: { at } satisfies DiscardedNotice });
    return 'discarded';
  }
  if (!marked || createdNow) await area.set({ [DATABASE_MARK_KEY]: { createdAt: at } });
  return createdNow ? 'new' : 'kept';
}

/** Before KPI Lens deletes its database on the rep's request: the empty one after it is not a loss to report. */
export async function forgetDatabaseMark(area: LocalArea): Promise<void> {
  await area.remove(DATABASE_MARK_KEY);
  await area.remove(DATABASE_DISCARDED_KEY);
}
