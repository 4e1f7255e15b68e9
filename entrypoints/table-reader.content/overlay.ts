import { el } from './dom';
import { PICKER_CSS } from './style';

/**
 * The picker's UI on the page: a host element with a CLOSED shadow root (the
 * page's scripts cannot reach inside, its CSS cannot restyle it), a layer for
 * the table outlines and a panel for the words and buttons.
 */
export function createOverlay() {
  const host = document.createElement('kpi-lens-table-picker');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = PICKER_CSS;
  const layer = el('div', { class: 'layer' });
  const panel = el('div', { class: 'panel', role: 'dialog', 'aria-labelledby': 'kpi-lens-picker-title' });
  root.append(style, layer);
  layer.append(panel);
  document.documentElement.append(host);
  const cleanups: (() => void)[] = [];
  return {
    host,
    layer,
    panel,
    /** Replaces the panel's content. */
    show(...children: (Node | string)[]) {
      panel.replaceChildren(...children);
    },
    title(text: string): HTMLHeadingElement {
      return el('h2', { id: 'kpi-lens-picker-title' }, text);
    },
    /** Runs when the overlay goes away (listeners, observers). */
    onRemove(cleanup: () => void) {
      cleanups.push(cleanup);
    },
    remove() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      host.remove();
    },
  };
}
export type Overlay = ReturnType<typeof createOverlay>;

/** Keeps outline boxes over elements as the page scrolls or resizes, one layout read per frame at most. */
export function trackBoxes(overlay: Overlay, boxes: { element: Element; box: HTMLElement }[]): () => void {
  let frame = 0;
  const place = () => {
    frame = 0;
    const width = window.innerWidth;
    const height = window.innerHeight;
    for (const { element, box } of boxes) {
      const rect = element.getBoundingClientRect();
      // Clipped to the viewport: a table taller than the screen gets a box the size of what is visible.
      const top = Math.max(rect.top, 0);
      const left = Math.max(rect.left, 0);
      const bottom = Math.min(rect.bottom, height);
      const right = Math.min(rect.right, width);
      const visible = bottom > top && right > left && element.isConnected;
      box.style.display = visible ? 'block' : 'none';
      if (!visible) continue;
      box.style.top = `${top}px`;
      box.style.left = `${left}px`;
      box.style.width = `${right - left}px`;
      box.style.height = `${bottom - top}px`;
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  place();
  window.addEventListener('scroll', schedule, { capture: true, passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  const stop = () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', schedule, { capture: true });
    window.removeEventListener('resize', schedule);
  };
  overlay.onRemove(stop);
  return stop;
}
