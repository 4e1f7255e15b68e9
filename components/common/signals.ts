import { browser } from 'wxt/browser';
import type { StoreApi } from 'zustand/vanilla';

type Area = 'local' | 'session';

/**
 * Calls `onChange` when a key `matches` changes in a storage area. This is how the background says
 * "ask again" (it bumps `data-version:<source>` and `status-version:<source>` in storage.session)
 * and how pages follow the settings and the sidebar state other pages change. Returns the stop.
 */
export function onStorageChange(
  area: Area,
  matches: (key: string) => boolean,
  onChange: (changes: Record<string, { newValue?: unknown }>) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    // Session keys count from storage.local too: Firefox gives the sidebar framed in a CRM page no
    // storage.session, so Firefox builds write the background's counters to both (data-version.ts).
    const inArea = changedArea === area || (area === 'session' && changedArea === 'local');
    if (inArea && Object.keys(changes).some(matches)) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `tick` every `ms` (numbers roll over with the clock even when no data changes). Returns the stop. */
export function every(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

/** Runs every stop given, once. */
export function stopAll(stops: readonly (() => void)[]): () => void {
  const pending = [...stops];
  return () => {
    for (const stop of pending.splice(0)) stop();
  };
}

/**
 * Runs `start(value)` for what `select` picks from the state now and again whenever it changes
 * (Object.is), stopping the previous run first: e.g. the storage signals of the source a page
 * shows, which change when the rep picks another source.
 */
export function follow<S, T>(store: StoreApi<S>, select: (state: S) => T, start: (value: T) => (() => void) | void): () => void {
  let shown = select(store.getState());
  let stop = start(shown);
  const unsubscribe = store.subscribe((state) => {
    const value = select(state);
    if (Object.is(value, shown)) return;
    shown = value;
    stop?.();
    stop = start(value);
  });
  return () => {
    unsubscribe();
    stop?.();
  };
}
