import type { SliceHost } from './slices';
import { hasDataRow, isTableCandidate } from './structure';

/** Elements looked at between two checks of the time budget. */
const CHECK_EVERY = 256;

/**
 * Like `findTables`, for the live page: walks the elements in page order,
 * never going into a table or grid once found (their rows are most of a big
 * page), and gives the thread back whenever the slice's time is up, so a page
 * of 300,000 elements is searched without a long task. At most `max` tables.
 */
export async function findTablesInSlices(root: Element, exclude: Element | undefined, host: SliceHost, budgetMs: number, max = 50): Promise<Element[]> {
  const found: Element[] = [];
  let node: Element | null = root;
  while (node && found.length < max) {
    const deadline = host.now() + budgetMs;
    for (let seen = 0; node && found.length < max; seen += 1) {
      if (seen % CHECK_EVERY === CHECK_EVERY - 1 && host.now() >= deadline) break;
      const current: Element = node;
      const candidate = current !== exclude && isTableCandidate(current);
      if (candidate && hasDataRow(current)) found.push(current);
      // Never into the excluded element, nor into a grid (a table inside is the grid's own markup);
      // into a native table only when it nests another (old CRMs lay pages out with tables).
      const enter = current !== exclude && (!candidate || (current.localName === 'table' && current.querySelector('table') !== null));
      node = enter ? (current.firstElementChild ?? nextOutside(current, root)) : nextOutside(current, root);
    }
    if (node && found.length < max) await host.pause();
  }
  return found;
}

/** The next element in page order after `node` and everything inside it, within `root`. */
function nextOutside(node: Element, root: Element): Element | null {
  for (let at: Element | null = node; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}
