import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { statusVersionKey, type Reply, type Responses, type SourceStatus } from '../../lib/messaging/protocol';
import type { ViewSelection } from '../../lib/views/selection';
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
  const tick = useDataTick(selection?.source ?? '');
  const key = selection ? lastPinnedKey(selection) : undefined;

  useEffect(() => {
    if (!selection || !key) return;
    let current = true;
    let answered = false;
    void browser.storage.session.get(key).then(
      (stored) => {
        const last = stored[key] as PinnedAnswer | undefined;
        if (current && !answered && last) setResponse(last);
      },
      () => undefined,
    );
    ask({ type: 'view/pinned', ...selection }).then(
      (value) => {
        answered = true;
        if (!current) return;
        setResponse(value);
        setFresh(true);
        setError(undefined);
        void browser.storage.session.set({ [key]: value }).catch(() => undefined);
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
    // The selection is fully described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  return { response, error, fresh };
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
