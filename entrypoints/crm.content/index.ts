import { browser } from 'wxt/browser';
import { frameLabels } from '../../lib/i18n/frame-labels';
import { send } from '../../lib/messaging/send';
import { readUiState, uiStateKey, type SidebarUiState } from '../../lib/settings/ui-state';
import { createSidebarFrame } from './frame';
import { startRelay } from './relay';

/**
 * Runs on CRM pages the rep granted (registered at runtime, see background).
 * Tiny on purpose: no React, no Dexie, no KPI math. It asks the background
 * whether this page belongs to a connected CRM, then mounts the sidebar, an
 * extension page in an iframe the CRM's scripts cannot read, and follows the
 * sidebar's open/width state.
 */
export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    // Registered scripts and the injection into already-open tabs may both run here: mount once.
    const marker = globalThis as { kpiLensMounted?: boolean };
    if (marker.kpiLensMounted) return;
    marker.kpiLensMounted = true;
    ctx.onInvalidated(() => (marker.kpiLensMounted = false));
    // Same-origin requests with the rep's session, for CRMs whose API accepts it only from their own pages.
    ctx.onInvalidated(startRelay());
    // A page of no connected CRM (or a background that cannot answer now) gets no sidebar.
    const opened = await send({ type: 'page/opened', url: location.href }).catch(() => undefined);
    if (!opened?.source || ctx.isInvalid) return;
    const source = opened.source;
    const key = uiStateKey(source.split(':')[0]!);
    const stored = await browser.storage.local.get([key, 'settings']);
    let state: SidebarUiState = readUiState(stored[key]);

    const save = (patch: Partial<SidebarUiState>) => browser.storage.local.set({ [key]: { ...state, ...patch } });
    const frame = createSidebarFrame({
      // The ticket proves to the sidebar that this content script framed it (the page cannot read the frame's URL).
      src: `${browser.runtime.getURL('/sidebar.html')}?source=${encodeURIComponent(source)}#${encodeURIComponent(opened.ticket ?? '')}`,
      // The handle and grip speak the sidebar's language: the rep's setting, else the browser's.
      labels: frameLabels(stored.settings, navigator.language),
      onToggle: () => void save({ open: !state.open }),
      onResized: (width) => void save({ width }),
    });
    frame.apply(state);

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if ('settings' in changes) frame.relabel(frameLabels(changes.settings!.newValue, navigator.language));
      if (!(key in changes)) return;
      state = readUiState(changes[key]!.newValue);
      frame.apply(state);
    };
    browser.storage.onChanged.addListener(onStorage);

    // Only the background may toggle us (keyboard shortcut, popup); pages cannot send runtime messages.
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      if ((message as { type?: unknown } | null)?.type === 'sidebar/toggle') void save({ open: !state.open });
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      frame.remove();
    });
  },
});
