import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/protocol';
import { useI18n } from '../common/i18n';
import { useBackgroundStatus } from '../common/use-status';

/** storage.local key of the CRM source the rep last opened the sidebar on. */
export const LAST_SOURCE_KEY = 'sidebar-last-source';

/**
 * Which source the app shows. In a CRM tab's frame: that CRM's (and it is remembered). In the side
 * panel: the one in the URL, else the CRM the rep last opened, else the first connected source,
 * else the demo data.
 */
export function useLastSource(initial: string | null, surface: 'frame' | 'panel'): [string | null, (source: string) => void] {
  const [source, setSource] = useState<string | null>(initial);
  useEffect(() => {
    if (surface === 'frame' && initial) {
      void browser.storage.local.set({ [LAST_SOURCE_KEY]: initial });
      return;
    }
    if (initial) return;
    let live = true;
    void (async () => {
      const stored = (await browser.storage.local.get(LAST_SOURCE_KEY))[LAST_SOURCE_KEY];
      if (typeof stored === 'string' && stored) return live && setSource(stored);
      const reply = (await browser.runtime.sendMessage({ type: 'status/get' })) as Reply<'status/get'> | undefined;
      const first = reply?.ok ? reply.value.sources[0]?.source : undefined;
      if (live) setSource(first ?? 'demo');
    })();
    return () => {
      live = false;
    };
  }, [initial, surface]);
  return [source, setSource];
}

/** The side panel's source switch, shown when more than one source has data. */
export function SourcePicker({ source, onChange }: { source: string; onChange: (source: string) => void }) {
  const { t } = useI18n();
  const { sources } = useBackgroundStatus(30_000);
  if (!sources || sources.length < 2) return null;
  return (
    <label className="source">
      <span className="visually-hidden">{t('source.label')}</span>
      <select
        aria-label={t('source.label')}
        value={source}
        onChange={(event) => {
          onChange(event.target.value);
          void browser.storage.local.set({ [LAST_SOURCE_KEY]: event.target.value });
        }}
      >
        {sources.map((candidate) => (
          <option key={candidate.source} value={candidate.source}>
            {candidate.label}
          </option>
        ))}
      </select>
    </label>
  );
}
