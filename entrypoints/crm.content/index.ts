import { browser } from 'wxt/browser';
import { frameLabels, type LocaleSetting } from '@/lib/i18n';
import { readContentCommand, send } from '@/lib/messaging';
import { DEFAULT_PLACEMENT, DEFAULT_UI_STATE, type FrameState } from '@/lib/settings';
import { createSidebarFrame } from './frame';
import { startRelay } from './relay';

/**
 * Runs on CRM pages the rep granted (registered at runtime, see background).
 * Tiny on purpose: no React, no Dexie, no KPI math. It asks the background
 * whether this page belongs to a connected CRM, then mounts the sidebar, an
 * extension page in an iframe the CRM's scripts cannot read, and follows the
 * sidebar's open/width state as the background tells it (it reads no
 * extension storage: storage.local is closed to content scripts).
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
    // The frame's state comes from the background (storage.local is closed to content scripts):
    // asked once, then every change is sent here, in order, whoever made it (this page's handle too).
    const shown: { frame?: ReturnType<typeof createSidebarFrame>; latest?: FrameState; locale?: LocaleSetting } = {};
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only the background is obeyed; pages cannot send runtime messages.
      const command = readContentCommand(message, sender, browser.runtime.id);
      if (command?.type === 'sidebar/locale') {
        shown.locale = command.locale;
        shown.frame?.relabel(frameLabels(command.locale, navigator.language));
      }
      if (command?.type !== 'sidebar/frame') return;
      shown.latest = { open: command.open, width: command.width, placement: command.placement };
      shown.frame?.apply(shown.latest);
    };
    browser.runtime.onMessage.addListener(onMessage);
    const initial = await send({ type: 'frame/state' }).catch(() => undefined);
    if (ctx.isInvalid) return browser.runtime.onMessage.removeListener(onMessage);
    const frame = (shown.frame = createSidebarFrame({
      // The ticket proves to the sidebar that this content script framed it (the page cannot read the frame's URL).
      src: `${browser.runtime.getURL('/sidebar.html')}?source=${encodeURIComponent(source)}#${encodeURIComponent(opened.ticket ?? '')}`,
      // The handle and grip speak the sidebar's language: the rep's setting, else the browser's.
      labels: frameLabels(shown.locale ?? initial?.locale, navigator.language),
      onToggle: () => void send({ type: 'frame/toggle' }).catch(() => undefined),
      onResized: (width) => void send({ type: 'frame/resize', width }).catch(() => undefined),
    }));
    frame.apply(shown.latest ?? initial?.state ?? { open: DEFAULT_UI_STATE.open, width: DEFAULT_UI_STATE.width, placement: DEFAULT_PLACEMENT });

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      frame.remove();
    });
  },
});
