import { browser } from 'wxt/browser';
import { type Responses, send } from '@/lib/messaging';
import { markOnce } from '@/lib/perf';
import type { ViewSelection } from '@/lib/views';
import type { Want } from '../common/query';
import { takeEarly } from './boot';

export type PinnedAnswer = Responses['view/pinned'];

/** storage.session key of the last pinned view a page showed for a selection. */
export function lastPinnedKey(selection: ViewSelection): string {
  return `last-pinned:${JSON.stringify([selection.source, selection.view, selection.ownerId ?? '', selection.period, selection.range ?? null, selection.compare ?? 'previous'])}`;
}

/**
 * The pinned numbers of a selection, computed by the background. The first ask of the page takes
 * the answer asked before React rendered (boot.ts). The last view shown for the same selection is
 * kept in storage.session and stands in until the first answer (after a worker restart the
 * background first reloads the source from IndexedDB, which takes seconds for a big CRM).
 */
export function pinnedWant(selection: ViewSelection): Want<PinnedAnswer> {
  const key = lastPinnedKey(selection);
  return {
    key,
    load: async () => {
      // Marks for `npm run bench` (scripts/bench/sidebar.ts): when the first numbers were asked and answered.
      markOnce('kpi-lens:pinned-asked');
      const early = await takeEarly(lastPinnedKey, key);
      const answer = await (early ?? send({ type: 'view/pinned', ...selection }));
      markOnce('kpi-lens:pinned-answered');
      return answer;
    },
    // Firefox gives the sidebar framed in a CRM page no storage.session: nothing remembered there.
    remembered: async () => (browser.storage.session ? ((await browser.storage.session.get(key))[key] as PinnedAnswer | undefined) : undefined),
    landed: (answer) => void browser.storage.session?.set({ [key]: answer }).catch(() => undefined),
  };
}
