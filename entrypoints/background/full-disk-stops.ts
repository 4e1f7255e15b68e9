import { browser } from 'wxt/browser';

export const FULL_DISK_STOPS_KEY = 'sync-stopped-full-disk';

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

/**
 * The sources whose last sync run stopped on a full disk, and when. A run that stops so records it in
 * its sync state (lib/sync/runner.ts), but on a disk that is really full that small write may not fit
 * either: in real Chromium, with the origin's quota forced just above its use, the page's write failed
 * and so, in 5 of 13 runs, did the state's, which then still said "running". Without this the
 * rep would see a sync in progress forever and no word about the disk. Kept in storage.session: it lives
 * in memory (it needs no room on the full disk) and a restarted worker still knows it; a browser restart
 * forgets it, and the next run finds the disk as it is then.
 */
export function createFullDiskStops(area: SessionArea = browser.storage.session) {
  let cache: Promise<Map<string, number>> | undefined;
  const load = () =>
    (cache ??= Promise.resolve()
      .then(() => area.get(FULL_DISK_STOPS_KEY))
      .then(
        (items) => new Map(Object.entries(asStops(items?.[FULL_DISK_STOPS_KEY]))),
        // A session area that cannot be read knows no stops; the sync states still tell what they hold.
        () => new Map<string, number>(),
      ));
  const save = async (stops: Map<string, number>) => {
    await area.set({ [FULL_DISK_STOPS_KEY]: Object.fromEntries(stops) });
  };
  return {
    /** The run of `source` stopped because the disk is full. */
    async noteStopped(source: string, at: number): Promise<void> {
      const stops = await load();
      stops.set(source, at);
      await save(stops);
    },
    /** A new run of `source` starts (the rep's "Sync now", a page's refresh, an alarm): it finds out again. */
    async runStarted(source: string): Promise<void> {
      const stops = await load();
      if (stops.delete(source)) await save(stops);
    },
    /** When the last run of `source` stopped on a full disk, if it did. */
    async stoppedAt(source: string): Promise<number | undefined> {
      return (await load()).get(source);
    },
    /** Everything was deleted (storage.session with it): read again on the next ask. */
    forget(): void {
      cache = undefined;
    },
  };
}

export type FullDiskStops = ReturnType<typeof createFullDiskStops>;

/** The stored value, validated: an object of finite instants; anything else counts as none. */
function asStops(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}
