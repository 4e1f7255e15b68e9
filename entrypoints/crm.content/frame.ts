import type { FrameLabels } from '@/lib/i18n';
import { MAX_WIDTH, MIN_WIDTH, type FrameState } from '@/lib/settings';

const HANDLE_WIDTH = 18;
const GRIP_WIDTH = 6;

/**
 * The content script's start, as a performance mark the page's timeline shares: `npm run bench`
 * measures the time to the sidebar's numbers from here. Module code runs as the content script
 * starts; the guard keeps the build (which imports entrypoints outside a page) quiet.
 */
export const CONTENT_START_MARK = 'kpi-lens:content-start';
if (typeof document !== 'undefined' && typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(CONTENT_START_MARK);

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
 * holding the extension-page iframe, a slim handle on the right edge that opens and collapses
 * it, and a grip to resize it (also with the arrow keys). While open, the page is pushed left by
 * the sidebar's width instead of being covered, so the CRM's own controls stay reachable.
 */
export function createSidebarFrame({ src, labels: initialLabels, onToggle, onResized }: FrameOptions) {
  let labels = initialLabels;
  let open = false;
  performance.mark('kpi-lens:frame-created');
  const host = document.createElement('kpi-lens-sidebar');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 0; right: 0; height: 100vh; z-index: 2147483646; display: flex; }
    .handle { width: ${HANDLE_WIDTH}px; height: 84px; margin-top: 40vh; border: 0; border-radius: 8px 0 0 8px;
      background: #3552d8; color: #fff; cursor: pointer; font: 600 11px system-ui, sans-serif; padding: 0;
      writing-mode: vertical-rl; letter-spacing: .05em; }
    .handle:focus-visible, .grip:focus-visible { outline: 3px solid #f6b73c; outline-offset: 1px; }
    .grip { width: ${GRIP_WIDTH}px; cursor: ew-resize; background: transparent; }
    .grip:hover { background: rgba(53, 82, 216, .25); }
    iframe { border: 0; height: 100vh; background: Canvas; box-shadow: -2px 0 8px rgba(0,0,0,.15); color-scheme: normal; }
    :host(.collapsed) iframe, :host(.collapsed) .grip { display: none; }
  `;
  const handle = document.createElement('button');
  handle.className = 'handle';
  handle.textContent = 'KPI';
  handle.addEventListener('click', onToggle);
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

  grip.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    grip.setPointerCapture(down.pointerId);
    // The page is laid out again once, when the drag ends, not at every pointer move.
    const move = (event: PointerEvent) => setWidth(clampWidth(window.innerWidth - event.clientX - HANDLE_WIDTH), false);
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      setWidth(width, true);
      onResized(width);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
  });
  grip.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    setWidth(clampWidth(width + (event.key === 'ArrowLeft' ? 20 : -20)), true);
    onResized(width);
  });

  function clampWidth(next: number): number {
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(next)));
  }

  function setWidth(next: number, pushPage: boolean) {
    width = next;
    iframe.style.width = `${next}px`;
    grip.setAttribute('aria-valuenow', String(next));
    if (pushPage) html.style.setProperty('margin-right', `${next + HANDLE_WIDTH + GRIP_WIDTH}px`, 'important');
  }

  return {
    apply(state: FrameState) {
      open = state.open;
      host.classList.toggle('collapsed', !state.open);
      handle.setAttribute('aria-expanded', String(state.open));
      handle.setAttribute('aria-label', state.open ? labels.collapse : labels.open);
      if (state.open) {
        if (state.width !== width || html.style.getPropertyValue('margin-right') === originalMargin) setWidth(state.width, true);
      } else html.style.setProperty('margin-right', originalMargin);
    },
    /** The rep picked another language: the handle and grip say it at once. */
    relabel(next: FrameLabels) {
      labels = next;
      grip.setAttribute('aria-label', labels.resize);
      handle.setAttribute('aria-label', open ? labels.collapse : labels.open);
    },
    remove() {
      host.remove();
      html.style.setProperty('margin-right', originalMargin);
    },
  };
}
