import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SummaryReply } from '../../lib/export/summary/for-settings';
import { dataVersionKey, type Reply, type SourceStatus } from '../../lib/messaging/protocol';

export type SummaryState = { reply?: SummaryReply; error?: string; loading: boolean };

/** Moves whenever the background says the source's data or the settings changed. */
function useChangeTick(source: string | undefined): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!source) return;
    const key = dataVersionKey(source);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'session' && key in changes) || (area === 'local' && 'settings' in changes)) setTick((n) => n + 1);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [source]);
  return tick;
}

/** The summary of a source, view and week, built by the background (where the records are). */
export function useSummary(source: string | undefined, view: 'personal' | 'team', week: string | undefined): SummaryState {
  const [state, setState] = useState<SummaryState>({ loading: true });
  const tick = useChangeTick(source);
  useEffect(() => {
    if (!source) return;
    let live = true;
    setState((current) => ({ ...current, loading: true }));
    void (browser.runtime.sendMessage({ type: 'summary/build', source, view, ...(week ? { week } : {}) }) as Promise<Reply<'summary/build'>>).then(
      (reply) => {
        if (!live) return;
        if (reply?.ok) setState({ reply: reply.value, loading: false });
        else setState({ error: reply?.error ?? 'no answer from the background', loading: false });
      },
      (failure: unknown) => live && setState({ error: String(failure), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [source, view, week, tick]);
  return state;
}

/** Sources that hold records, the most recently synced first (the page's default is the first). */
export function useSources(): SourceStatus[] | undefined {
  const [sources, setSources] = useState<SourceStatus[]>();
  useEffect(() => {
    void (browser.runtime.sendMessage({ type: 'status/get' }) as Promise<Reply<'status/get'>>).then(
      (reply) => setSources(reply?.ok ? rankSources(reply.value.sources) : []),
      () => setSources([]),
    );
  }, []);
  return sources;
}

export function rankSources(sources: readonly SourceStatus[]): SourceStatus[] {
  return sources.filter((source) => source.records > 0).sort((a, b) => (b.lastSyncAt ?? 0) - (a.lastSyncAt ?? 0) || (a.source < b.source ? -1 : 1));
}
