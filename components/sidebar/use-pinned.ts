import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reply, Responses, SourceStatus } from '../../lib/messaging/protocol';
import { statusVersionKey } from './keys';
import type { ViewSelection } from '../../lib/views/selection';
import { takeEarly } from './boot';
import { ask, useDataTick, useStorageTick } from './use-background';

export type PinnedAnswer = Responses['view/pinned'];

/** storage.session key of the last pinned view a page showed for a selection. */
export function lastPinnedKey(selection: ViewSelection): string {
  return `last-pinned:${JSON.stringify([selection.source, selection.view, selection.ownerId ?? '', selection.period, selection.range ?? null, selection.compare ?? 'previous'])}`;
}

/**
 * The pinned numbers for a selection, computed by the background; asked again when the source's
 * data or the settings change. The last view shown for the same selection is kept in
 * storage.session and shown at once while the background answers (after a worker restart the
 * background first reloads the source from IndexedDB, which takes seconds for a big CRM); `fresh`
 * says whether what is shown is the background's answer of this page.
 */
export function usePinned(selection: ViewSelection | undefined) {
  const [response, setResponse] = useState<PinnedAnswer>();
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const tick = useDataTick(selection?.source ?? '');
  const [initialTick] = useState(tick);
  const hasAnswer = useRef(false);
  const key = selection ? lastPinnedKey(selection) : undefined;

  useEffect(() => {
    if (!selection || !key) return;
    let current = true;
    let answered = false;
    setLoading(true);
    // The remembered view only stands in before this page has any answer; after that, the last
    // answer stays until the new one comes (a remembered view may be older than it).
    // Firefox gives the sidebar framed in a CRM page no storage.session: no remembered view there.
    if (!hasAnswer.current && browser.storage.session) {
      void browser.storage.session.get(key).then(
        (stored) => {
          const last = stored[key] as PinnedAnswer | undefined;
          if (current && !answered && last && !hasAnswer.current) setResponse(last);
        },
        () => undefined,
      );
    }
    // Marks for `npm run bench` (scripts/bench/sidebar.ts): when the first numbers were asked and answered.
    if (!performance.getEntriesByName('kpi-lens:pinned-asked').length) performance.mark('kpi-lens:pinned-asked');
    const first = tick === initialTick ? takeEarly(lastPinnedKey, key) : Promise.resolve(undefined);
    void first.then((asked) => asked ?? ask({ type: 'view/pinned', ...selection })).then(
      (value) => {
        answered = true;
        if (!performance.getEntriesByName('kpi-lens:pinned-answered').length) performance.mark('kpi-lens:pinned-answered');
        if (!current) return;
        hasAnswer.current = true;
        setResponse(value);
        setFresh(true);
        setError(undefined);
        setLoading(false);
        void browser.storage.session?.set({ [key]: value }).catch(() => undefined);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // The selection is fully described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  /** `loading`: an answer is on its way (after a change of data, settings or selection). */
  return { response, error, fresh, loading };
}

/** A source's sync status (progress, last sync, problems), followed live and cheaply. */
export function useSourceStatus(source: string, initial: SourceStatus | null | undefined): SourceStatus | undefined {
  const [status, setStatus] = useState<SourceStatus>();
  const tick = useStorageTick('session', [statusVersionKey(source)]);
  // Once the numbers are in (the status that came with them may be a few seconds old), then on every change.
  const answered = initial !== undefined;
  useEffect(() => {
    if (!source || !answered) return;
    let current = true;
    void (browser.runtime.sendMessage({ type: 'status/get' }) as Promise<Reply<'status/get'>>).then((reply) => {
      if (current && reply?.ok) setStatus(reply.value.sources.find((candidate) => candidate.source === source));
    });
    return () => {
      current = false;
    };
  }, [source, tick, answered]);
  return status ?? initial ?? undefined;
}
