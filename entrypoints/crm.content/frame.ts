import type { FrameLabels } from '@/lib/i18n';
import { MAX_WIDTH, MIN_WIDTH, type FrameState } from '@/lib/settings';
import { freeSpot, type HitTest } from './handle-spot';

const HANDLE_WIDTH = 18;
const HANDLE_HEIGHT = 84;
const GRIP_WIDTH = 6;
/** Where the handle sits when the rep has not moved it: 40 % down the window. */
const HANDLE_AT = 0.4;

/**
 * The content script's start, as a performance mark the page's timeline shares: `npm run bench`
 * measures the time to the sidebar's numbers from here. Module code runs as the content script
 * starts; the guard keeps the build (which imports entrypoints outside a page) quiet.
 */
export const CONTENT_START_MARK = 'kpi-lens:content-start';
if (typeof document !== 'undefined' && typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(CONTENT_START_MARK);

/** What the frame shows: open or collapsed, how wide, and how it shares the window (overlay by default). */
export type FrameLayout = Omit<FrameState, 'placement'> & { placement?: FrameState['placement'] };

type FrameOptions = { src: string; labels: FrameLabels; onToggle: () => void; onResized: (width: number) => void };

/**
 * The CRM page's own theme, when it shows one: a dark page background means a dark page, an
 * explicit light one a light page; a page that sets none follows the system, and so does the
 * sidebar. One computed-style read of the root and body (their styles are clean at document idle).
 */
export function pageTheme(doc: Document = document): 'dark' | 'light' | undefined {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(element).backgroundColor);
    if (!match || match[4] === '0') continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((c) => Number(c) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
  }
  return undefined;
}

/**
 * The sidebar's frame on the CRM page: a closed shadow root (the page cannot reach into it)
 * holding the extension-page iframe, a slim handle that opens and collapses it, and a grip to
 * resize it (also with the arrow keys). By default (lib/settings/ui-state.ts, SidebarPlacement) the open sidebar covers the page's right edge
 * (overlay): the page keeps its layout, so opening, closing and resizing never make the CRM lay
 * itself out again. The handle keeps clear of the CRM's controls: it sits in the free spot nearest
 * to where the rep wants it along the edge (drag it, or move it with the up and down arrows), and
 * moves aside when the page under it changes (scroll, window resize). Only the handle, grip and
 * frame take pointer events: the rest of the host's box lets clicks through to the page.
 */
export function createSidebarFrame({ src, labels: initialLabels, onToggle, onResized }: FrameOptions) {
  let labels = initialLabels;
  let open = false;
  performance.mark('kpi-lens:frame-created');
  const host = document.createElement('kpi-lens-sidebar');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 0; right: 0; height: 100vh; z-index: 2147483646; display: flex; pointer-events: none; }
    .handle, .grip, iframe { pointer-events: auto; }
    .handle { width: ${HANDLE_WIDTH}px; height: ${HANDLE_HEIGHT}px; flex: none; border: 0; border-radius: 8px 0 0 8px;
      background: #3552d8; color: #fff; cursor: pointer; font: 600 11px system-ui, sans-serif; padding: 0;
      writing-mode: vertical-rl; letter-spacing: .05em; touch-action: none; }
    .handle:focus-visible, .grip:focus-visible { outline: 3px solid #f6b73c; outline-offset: 1px; }
    .grip { width: ${GRIP_WIDTH}px; cursor: ew-resize; background: transparent; }
    .grip:hover { background: rgba(53, 82, 216, .25); }
    iframe { border: 0; height: 100vh; background: Canvas; box-shadow: -2px 0 8px rgba(0,0,0,.15); color-scheme: normal; }
    :host(.collapsed) iframe, :host(.collapsed) .grip { display: none; }
  `;
  const handle = document.createElement('button');
  handle.className = 'handle';
  handle.textContent = 'KPI';
  handle.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown');
  const grip = document.createElement('div');
  grip.className = 'grip';
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'vertical');
  grip.setAttribute('aria-label', labels.resize);
  grip.setAttribute('aria-valuemin', String(MIN_WIDTH));
  grip.setAttribute('aria-valuemax', String(MAX_WIDTH));
  grip.tabIndex = 0;
  const iframe = document.createElement('iframe');
  const theme = pageTheme();
  iframe.src = theme ? `${src}${src.includes('?') ? '&' : '?'}theme=${theme}` : src;
  iframe.title = 'KPI Lens';
  root.append(style, handle, grip, iframe);
  document.documentElement.append(host);

  const html = document.documentElement;
  const originalMargin = html.style.getPropertyValue('margin-right');
  let width = 0;
  let placement: FrameLayout['placement'] = 'overlay';
  /** Where the rep wants the handle (px from the top); null: 40 % down whatever the window's height. */
  let wanted: number | null = null;

  const pageAt: HitTest = (x, y) => document.elementsFromPoint(x, y).find((element) => element !== host) ?? null;
  /** The handle's column: the window's right edge when collapsed, the sidebar's left edge when open. */
  const handleLeft = () => html.clientWidth - HANDLE_WIDTH - (open ? width + GRIP_WIDTH : 0);

  function place() {
    const height = window.innerHeight;
    const top = freeSpot(pageAt, { left: handleLeft(), width: HANDLE_WIDTH }, wanted ?? height * HANDLE_AT, HANDLE_HEIGHT, height);
    handle.style.marginTop = `${top}px`;
  }
  let pending = 0;
  const placeSoon = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      place();
    });
  };
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  const afterScroll = () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(placeSoon, 150);
  };
  window.addEventListener('resize', placeSoon, { passive: true });
  // Capture: CRMs scroll inner panes as often as the document.
  document.addEventListener('scroll', afterScroll, { capture: true, passive: true });

  // A drag moves the handle along the edge; a click without a drag toggles the sidebar.
  let dragged = false;
  handle.addEventListener('pointerdown', (down) => {
    if (down.button !== 0) return;
    const startY = down.clientY;
    const startTop = parseFloat(handle.style.marginTop) || 0;
    dragged = false;
    handle.setPointerCapture(down.pointerId);
    const move = (event: PointerEvent) => {
      const dy = event.clientY - startY;
      if (!dragged && Math.abs(dy) < 5) return;
      dragged = true;
      const top = Math.min(window.innerHeight - HANDLE_HEIGHT, Math.max(0, startTop + dy));
      handle.style.marginTop = `${top}px`;
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      if (dragged) {
        wanted = parseFloat(handle.style.marginTop) || 0;
        place();
      }
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });
  handle.addEventListener('click', (event) => {
    if (dragged) {
      dragged = false;
      event.preventDefault();
      return;
    }
    onToggle();
  });
  handle.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const current = parseFloat(handle.style.marginTop) || 0;
    wanted = Math.min(window.innerHeight - HANDLE_HEIGHT, Math.max(0, current + (event.key === 'ArrowUp' ? -HANDLE_HEIGHT / 2 : HANDLE_HEIGHT / 2)));
    place();
  });

  grip.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    grip.setPointerCapture(down.pointerId);
    // Narrowing drags the pointer over the sidebar's own frame, another document that would take the
    // moves for itself: it lets them through until the drag ends.
    iframe.style.pointerEvents = 'none';
    // Pushed aside, the page is laid out again once, when the drag ends, not at every pointer move.
    const move = (event: PointerEvent) => setWidth(clampWidth(window.innerWidth - event.clientX - HANDLE_WIDTH), false);
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      grip.removeEventListener('pointercancel', up);
      iframe.style.pointerEvents = '';
      setWidth(width, true);
      onResized(width);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
    grip.addEventListener('pointercancel', up);
  });
  grip.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    setWidth(clampWidth(width + (event.key === 'ArrowLeft' ? 20 : -20)), true);
    onResized(width);
  });

  /** The page's own margin back (touched only when it differs: a style write may cost the page a layout). */
  function restoreMargin() {
    if (html.style.getPropertyValue('margin-right') !== originalMargin) html.style.setProperty('margin-right', originalMargin);
  }

  function clampWidth(next: number): number {
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(next)));
  }

  function setWidth(next: number, settled: boolean) {
    width = next;
    iframe.style.width = `${next}px`;
    grip.setAttribute('aria-valuenow', String(next));
    if (!settled) return;
    if (placement === 'push') html.style.setProperty('margin-right', `${next + HANDLE_WIDTH + GRIP_WIDTH}px`, 'important');
    place();
  }

  return {
    apply(state: FrameLayout) {
      const nextPlacement = state.placement ?? 'overlay';
      const changed = state.open !== open || nextPlacement !== placement;
      open = state.open;
      placement = nextPlacement;
      host.classList.toggle('collapsed', !open);
      handle.setAttribute('aria-expanded', String(open));
      handle.setAttribute('aria-label', open ? labels.collapse : labels.open);
      if (!open || placement === 'overlay') restoreMargin();
      if (open && (changed || state.width !== width)) setWidth(state.width, true);
      else place();
    },
    /** The rep picked another language: the handle and grip say it at once. */
    relabel(next: FrameLabels) {
      labels = next;
      grip.setAttribute('aria-label', labels.resize);
      handle.setAttribute('aria-label', open ? labels.collapse : labels.open);
    },
    remove() {
      cancelAnimationFrame(pending);
      clearTimeout(scrollTimer);
      window.removeEventListener('resize', placeSoon);
      document.removeEventListener('scroll', afterScroll, { capture: true });
      host.remove();
      restoreMargin();
    },
  };
}
