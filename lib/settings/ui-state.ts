/**
 * How the sidebar looks on one CRM: open or collapsed, its width, the view and
 * the period. Remembered per CRM in storage.local, which only the extension's
 * pages and background read: the sidebar follows it there, and the content
 * script (which owns the frame) asks the background for it, asks it to toggle
 * or resize, and is told of every change.
 */
export type SidebarUiState = {
  open: boolean;
  width: number;
  view: 'personal' | 'team';
  period: 'today' | 'week' | 'month' | 'quarter' | 'year' | 'fiscal-quarter' | 'fiscal-year' | 'custom';
};

/**
 * What the content script needs to lay out the frame; all it is told (by the background): the
 * CRM's open/width state and the settings' placement.
 */
export type FrameState = Pick<SidebarUiState, 'open' | 'width'> & { placement: SidebarPlacement };

export const DEFAULT_UI_STATE: SidebarUiState = { open: true, width: 360, view: 'personal', period: 'month' };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;

export function uiStateKey(crm: string): string {
  return `ui:${crm}`;
}

const VIEWS = new Set(['personal', 'team']);
const PERIODS = new Set(['today', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'custom']);

/** Whatever was stored → a usable state. */
export function readUiState(stored: unknown): SidebarUiState {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const width = typeof value.width === 'number' && Number.isFinite(value.width) ? value.width : DEFAULT_UI_STATE.width;
  return {
    open: typeof value.open === 'boolean' ? value.open : DEFAULT_UI_STATE.open,
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width))),
    view: VIEWS.has(value.view as string) ? (value.view as SidebarUiState['view']) : DEFAULT_UI_STATE.view,
    period: PERIODS.has(value.period as string) ? (value.period as SidebarUiState['period']) : DEFAULT_UI_STATE.period,
  };
}

/**
 * How the open sidebar shares the window with the CRM page (a setting, `sidebarPlacement`):
 * `overlay` (the default) covers the page's right edge, so the page is never laid out again when
 * the sidebar opens, closes or is resized; `push` narrows the page by the sidebar's width, so
 * nothing of it is covered, at the price of a full layout of the CRM page each time.
 */
export const SIDEBAR_PLACEMENTS = ['overlay', 'push'] as const;
export type SidebarPlacement = (typeof SIDEBAR_PLACEMENTS)[number];
export const DEFAULT_PLACEMENT: SidebarPlacement = 'overlay';

/** The placement in the stored settings object, read without zod (the content script must stay tiny). */
export function readPlacement(storedSettings: unknown): SidebarPlacement {
  const value = typeof storedSettings === 'object' && storedSettings !== null ? (storedSettings as { sidebarPlacement?: unknown }).sidebarPlacement : undefined;
  return value === 'push' ? 'push' : DEFAULT_PLACEMENT;
}
