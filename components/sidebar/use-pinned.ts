import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { dataVersionKey, statusVersionKey, type Reply, type Responses, type SourceStatus } from '../../lib/messaging/protocol';
import type { SidebarUiState } from '../../lib/settings/ui-state';

/** Numbers roll over (today, pace) even when no data changes. */
const REFRESH_MS = 60_000;

/** A counter that moves when storage says so (a key in an area changed) and every `everyMs`. */
function useStorageTick(area: 'session' | 'local', keys: readonly string[], everyMs?: number): number {
  const [tick, setTick] = useState(0);
  const joined = keys.join('\n');
  useEffect(() => {
    const watched = joined.split('\n');
    const listener = (changes: Record<string, unknown>, changedArea: string) => {
      if (changedArea === area && watched.some((key) => key in changes)) setTick((n) => n + 1);
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

/**
 * The pinned numbers for a source, view and period, computed by the
 * background; asked again when the source's data or the settings change.
 */
export function usePinned(source: string, view: SidebarUiState['view'] | undefined, period: SidebarUiState['period'] | undefined) {
  const [response, setResponse] = useState<Responses['view/pinned']>();
  const [error, setError] = useState<string>();
  const dataTick = useStorageTick('session', [dataVersionKey(source)], REFRESH_MS);
  const settingsTick = useStorageTick('local', ['settings']);

  useEffect(() => {
    if (!view || !period) return;
    let current = true;
    void (browser.runtime.sendMessage({ type: 'view/pinned', source, view, period }) as Promise<Reply<'view/pinned'>>).then(
      (reply) => {
        if (!current) return;
        if (reply?.ok) {
          setResponse(reply.value);
          setError(undefined);
        } else setError(reply?.error ?? 'no answer from the background');
      },
      (failure: unknown) => current && setError(String(failure)),
    );
    return () => {
      current = false;
    };
  }, [source, view, period, dataTick, settingsTick]);

  return { response, error };
}

/** A source's sync status (progress, last sync, problems), followed live and cheaply. */
export function useSourceStatus(source: string, initial: SourceStatus | null | undefined): SourceStatus | undefined {
  const [status, setStatus] = useState<SourceStatus>();
  const tick = useStorageTick('session', [statusVersionKey(source)]);
  useEffect(() => {
    if (tick === 0) return;
    let current = true;
    void (browser.runtime.sendMessage({ type: 'status/get' }) as Promise<Reply<'status/get'>>).then((reply) => {
      if (current && reply?.ok) setStatus(reply.value.sources.find((candidate) => candidate.source === source));
    });
    return () => {
      current = false;
    };
  }, [source, tick]);
  return tick === 0 ? (initial ?? undefined) : (status ?? initial ?? undefined);
}
