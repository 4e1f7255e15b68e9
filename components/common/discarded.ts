import { browser } from 'wxt/browser';
import { DATABASE_DISCARDED_KEY, type DiscardedNotice, readDiscardedNotice } from '@/lib/db';
import { onStorageChange } from './signals';

/**
 * The notice that the browser replaced KPI Lens's database by an empty one (lib/db/continuity.ts),
 * as pages show it: read once, then followed (another page may dismiss it). Returns the stop.
 */
export function followDiscarded(onChange: (notice: DiscardedNotice | undefined) => void): () => void {
  let live = true;
  void browser.storage.local.get(DATABASE_DISCARDED_KEY).then((stored) => {
    if (live) onChange(readDiscardedNotice(stored[DATABASE_DISCARDED_KEY]));
  });
  const stop = onStorageChange(
    'local',
    (key) => key === DATABASE_DISCARDED_KEY,
    (changes) => onChange(readDiscardedNotice(changes[DATABASE_DISCARDED_KEY]!.newValue)),
  );
  return () => {
    live = false;
    stop();
  };
}

/** The rep read the notice: it goes, in every page. */
export function dismissDiscarded(): Promise<void> {
  return browser.storage.local.remove(DATABASE_DISCARDED_KEY);
}
