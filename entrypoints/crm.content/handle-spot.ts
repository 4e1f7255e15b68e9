/**
 * Where the sidebar's handle goes along the page's right edge (or the open sidebar's left edge):
 * the free spot nearest to where the rep wants it (40 % down, or where they dragged it), "free"
 * meaning no control of the CRM's (link, button, field...) lies under any of its probe points. So the
 * handle never hides a control the rep needs; when the whole edge is busy it stays where it was asked.
 */

/** What the CRM's own controls look like in the DOM (anything a rep clicks or types into). */
export const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'label',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="option"]',
  '[role="combobox"]',
  '[role="textbox"]',
].join(',');

/** The page's element under a point, ignoring KPI Lens's own host (null: nothing of the page's). */
export type HitTest = (x: number, y: number) => Element | null;

export type Column = { left: number; width: number };

const STEP = 12;

/** Whether a box of the handle's size at `top` covers none of the page's controls. */
export function isFree(hit: HitTest, column: Column, top: number, height: number): boolean {
  const xs = [column.left + 1, column.left + column.width / 2, column.left + column.width - 1];
  for (let y = top + 1; y < top + height; y += STEP) {
    for (const x of xs) if (hit(x, y)?.closest(CONTROL_SELECTOR)) return false;
  }
  for (const x of xs) if (hit(x, top + height - 1)?.closest(CONTROL_SELECTOR)) return false;
  return true;
}

/**
 * The top of the free spot nearest to `wanted` within [margin, viewport − height − margin], trying
 * alternately below and above in steps; `wanted` itself (clamped) when nothing is free.
 */
export function freeSpot(hit: HitTest, column: Column, wanted: number, height: number, viewportHeight: number, margin = 8): number {
  const low = margin;
  const high = Math.max(low, viewportHeight - height - margin);
  const start = Math.min(high, Math.max(low, Math.round(wanted)));
  if (isFree(hit, column, start, height)) return start;
  for (let offset = STEP * 2; offset <= high - low; offset += STEP * 2) {
    for (const top of [start + offset, start - offset]) {
      if (top < low || top > high) continue;
      if (isFree(hit, column, top, height)) return top;
    }
  }
  return start;
}
