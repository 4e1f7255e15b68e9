import { browser } from 'wxt/browser';
import { readContentCommand } from '../../lib/messaging/content-commands';
import { DEFAULT_UI_STATE, type FrameState } from '../../lib/settings/ui-state';
import { createSidebarFrame } from './frame';
import { startRelay } from './relay';

type FrameRequest = { type: 'frame/state' } | { type: 'frame/toggle' } | { type: 'frame/resize'; width: number };

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
    const reply = (await browser.runtime.sendMessage({ type: 'page/opened', url: location.href })) as
      | { ok: true; value: { source: string | null; ticket?: string } }
      | { ok: false }
      | undefined;
    if (!reply?.ok || !reply.value.source || ctx.isInvalid) return;
    const source = reply.value.source;
    // The frame's state comes from the background (storage.local is closed to content scripts):
    // asked once, then every change is sent here, in order, whoever made it (this page's handle too).
    const shown: { frame?: ReturnType<typeof createSidebarFrame>; latest?: FrameState } = {};
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only the background is obeyed; pages cannot send runtime messages.
      const command = readContentCommand(message, sender, browser.runtime.id);
      if (command?.type !== 'sidebar/frame') return;
      shown.latest = { open: command.open, width: command.width };
      shown.frame?.apply(shown.latest);
    };
    browser.runtime.onMessage.addListener(onMessage);
    const ask = (request: FrameRequest) => browser.runtime.sendMessage(request).catch(() => undefined) as Promise<{ ok: true; value: { state: FrameState } } | { ok: false } | undefined>;
    const initial = await ask({ type: 'frame/state' });
    if (ctx.isInvalid) return browser.runtime.onMessage.removeListener(onMessage);
    const frame = (shown.frame = createSidebarFrame({
      // The ticket proves to the sidebar that this content script framed it (the page cannot read the frame's URL).
      src: `${browser.runtime.getURL('/sidebar.html')}?source=${encodeURIComponent(source)}#${encodeURIComponent(reply.value.ticket ?? '')}`,
      onToggle: () => void ask({ type: 'frame/toggle' }),
      onResized: (width) => void ask({ type: 'frame/resize', width }),
    }));
    frame.apply(shown.latest ?? (initial?.ok ? initial.value.state : { open: DEFAULT_UI_STATE.open, width: DEFAULT_UI_STATE.width }));

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      frame.remove();
    });
  },
});
