import type { Translate } from '../../lib/i18n/messages';
import { countRows, findTables } from '../../lib/table-reader';
import { button, el, onTrustedClick } from './dom';
import { trackBoxes, type Overlay } from './overlay';

/** Tables outlined at most; a page with more is a page of layout tables. */
const MAX_CANDIDATES = 50;

/**
 * Outlines every table on the page and waits for the rep to click one (or to
 * press Tab to reach it and Enter). Resolves with the table, or null when the
 * rep cancels or there is none.
 */
export function pickTable(overlay: Overlay, t: Translate): Promise<Element | null> {
  return new Promise((resolve) => {
    const tables = findTables(document, overlay.host).slice(0, MAX_CANDIDATES);
    const boxes: { element: Element; box: HTMLElement }[] = [];
    const cancel = button(t('table.close'), '', () => finish(null));
    if (tables.length === 0) {
      overlay.show(overlay.title(t('app.title')), el('p', {}, t('table.none')), el('div', { class: 'actions' }, cancel));
      cancel.focus();
      return;
    }
    for (const table of tables) {
      const label = t('table.candidate', { count: countRows(table) });
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
