import { MAX_WIDTH, MIN_WIDTH, type SidebarUiState } from '../../lib/settings/ui-state';

const HANDLE_WIDTH = 18;

type FrameOptions = { src: string; onToggle: () => void; onResized: (width: number) => void };

/**
 * The sidebar's frame on the CRM page: a closed shadow root (the page cannot
 * reach into it) holding the extension-page iframe, a slim handle on the right
 * edge that opens and collapses it, and a grip to resize it. While open, the
 * page is pushed left by the sidebar's width instead of being covered.
 */
export function createSidebarFrame({ src, onToggle, onResized }: FrameOptions) {
  const host = document.createElement('kpi-lens-sidebar');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 0; right: 0; height: 100vh; z-index: 2147483646; display: flex; }
    .handle { width: ${HANDLE_WIDTH}px; height: 84px; margin-top: 40vh; border: 0; border-radius: 8px 0 0 8px;
      background: #3552d8; color: #fff; cursor: pointer; font: 600 11px system-ui, sans-serif; padding: 0;
      writing-mode: vertical-rl; letter-spacing: .05em; }
    .handle:focus-visible { outline: 3px solid #f6b73c; outline-offset: 1px; }
    .grip { width: 6px; cursor: ew-resize; background: transparent; }
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
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.title = 'KPI Lens';
  root.append(style, handle, grip, iframe);
  document.documentElement.append(host);

  const html = document.documentElement;
  const originalMargin = html.style.getPropertyValue('margin-right');
  let width = 0;

  grip.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    grip.setPointerCapture(down.pointerId);
    const move = (event: PointerEvent) => setWidth(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, window.innerWidth - event.clientX - HANDLE_WIDTH)));
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      onResized(width);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
  });

  function setWidth(next: number) {
    width = next;
    iframe.style.width = `${next}px`;
    html.style.setProperty('margin-right', `${next + HANDLE_WIDTH + 6}px`, 'important');
  }

  return {
    apply(state: SidebarUiState) {
      host.classList.toggle('collapsed', !state.open);
      handle.setAttribute('aria-expanded', String(state.open));
      handle.setAttribute('aria-label', state.open ? 'Collapse KPI Lens' : 'Open KPI Lens');
      if (state.open) setWidth(state.width);
      else html.style.setProperty('margin-right', originalMargin);
    },
    remove() {
      host.remove();
      html.style.setProperty('margin-right', originalMargin);
    },
  };
}
