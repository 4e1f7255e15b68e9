import type { Translate } from '@/lib/i18n';
import { countRows, DEFAULT_LIMITS, findTablesInSlices, SLICE_MS } from '@/lib/table-reader';
import { button, el, onTrustedClick } from './dom';
import { trackBoxes, type Overlay } from './overlay';
import { sliceHost } from './page';

/** Tables outlined at most; a page with more is a page of layout tables. */
const MAX_CANDIDATES = 50;

/**
 * Outlines every table on the page and waits for the rep to click one (or to
 * press Tab to reach it and Enter). Resolves with the table, or null when the
 * rep cancels or there is none.
 */
export async function pickTable(overlay: Overlay, t: Translate, numbers: Intl.NumberFormat): Promise<Element | null> {
  const tables = await findTablesInSlices(document.documentElement, overlay.host, sliceHost(), SLICE_MS, MAX_CANDIDATES);
  return new Promise((resolve) => {
    const boxes: { element: Element; box: HTMLElement }[] = [];
    const cancel = button(t('table.close'), '', () => finish(null));
    if (tables.length === 0) {
      overlay.show(overlay.title(t('app.title')), el('p', {}, t('table.none')), el('div', { class: 'actions' }, cancel));
      cancel.focus();
      return;
    }
    for (const table of tables) {
      // Counted up to one past what a pass reads: "5,000+" says enough about a 50,000-row table.
      const count = countRows(table, DEFAULT_LIMITS.maxRowsPerPass + 1);
      const label = t('table.candidate', { count: count > DEFAULT_LIMITS.maxRowsPerPass ? `${numbers.format(DEFAULT_LIMITS.maxRowsPerPass)}+` : count });
      const box = el('button', { type: 'button', class: 'box', 'aria-label': label }, el('span', { 'aria-hidden': 'true' }, label));
      onTrustedClick(box, () => finish(table));
      boxes.push({ element: table, box });
      overlay.layer.append(box);
    }
    const stopTracking = trackBoxes(overlay, boxes);
    overlay.show(overlay.title(t('app.title')), el('p', {}, t('table.choose')), el('div', { class: 'actions' }, cancel));
    boxes[0]?.box.focus();

    function finish(table: Element | null) {
      stopTracking();
      for (const { box } of boxes) box.remove();
      resolve(table);
    }
  });
}
