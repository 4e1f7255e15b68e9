import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { RequestType, Responses } from '../../lib/messaging/protocol';
import { askBackground } from '../common/ask';
import { dataVersionKey } from './keys';

/** Numbers roll over (today, pace) even when no data changes. */
export const REFRESH_MS = 60_000;

/**
 * A counter that moves when storage says so (a key in an area changed) and every `everyMs`.
 * Session keys count from storage.local too: Firefox gives the sidebar framed in a CRM page no
 * storage.session, so Firefox builds write the background's counters to both (data-version.ts).
 */
export function useStorageTick(area: 'session' | 'local', keys: readonly string[], everyMs?: number): number {
  const [tick, setTick] = useState(0);
  const joined = keys.join('\n');
  useEffect(() => {
    const watched = joined.split('\n');
    const listener = (changes: Record<string, unknown>, changedArea: string) => {
      const inArea = changedArea === area || (area === 'session' && changedArea === 'local');
      if (inArea && watched.some((key) => key in changes)) setTick((n) => n + 1);
    };
    browser.storage.onChanged.addListener(listener);
    const timer = everyMs ? setInterval(() => setTick((n) => n + 1), everyMs) : undefined;
    return () => {
      browser.storage.onChanged.removeListener(listener);
      clearInterval(timer);
    };
  }, [area, joined, everyMs]);
  return tick;
}

/** Moves when a source's data or the settings change, and once a minute. */
export function useDataTick(source: string): number {
  return useStorageTick('session', [dataVersionKey(source)], REFRESH_MS) * 1_000 + useStorageTick('local', ['settings']);
}

/** Sends a message to the background and unwraps its reply. */
export const ask = askBackground;

export type Requested<T> = { value: T | undefined; error: string | undefined; loading: boolean };

/**
 * What the background answers to `message` (null: ask nothing yet), asked again when the message
 * or `tick` changes. The last answer stays on screen while the next one is computed.
 */
export function useRequest<T extends RequestType>(message: ({ type: T } & Record<string, unknown>) | null, tick = 0): Requested<Responses[T]> {
  const [state, setState] = useState<Requested<Responses[T]>>({ value: undefined, error: undefined, loading: message !== null });
  const key = message === null ? null : JSON.stringify(message);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    ask<T>(JSON.parse(key) as { type: T }).then(
      (value) => current && setState({ value, error: undefined, loading: false }),
      (failure: unknown) => current && setState((previous) => ({ ...previous, error: failure instanceof Error ? failure.message : String(failure), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, tick]);
  return state;
}
