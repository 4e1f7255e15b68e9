/** Text the picker never reads as a cell's value: code and markup the page does not show. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'svg']);
/** Elements that start a new line on screen: their text does not run into what came before. */
const BLOCK_ELEMENTS = new Set(['div', 'p', 'br', 'li', 'ul', 'ol', 'dt', 'dd', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th']);
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
/** Nodes walked in one cell at most (a real cell has a handful). */
const MAX_NODES_PER_CELL = 5_000;
const TOO_MANY_NODES = Symbol('too many nodes');

export type CellText = { text: string; truncated: boolean };

/**
 * A cell's text as the rep sees it in a list: its text nodes (never its HTML)
 * with runs of white space, line breaks included, folded into one space, and
 * cut at `maxChars`. Text nodes are read one by one and reading stops at the
 * cap, so a hostile megabyte cell costs no more than a normal one.
 */
export function cellText(cell: Element, maxChars: number): CellText {
  let text = '';
  let visits = 0;
  const walker = cell.ownerDocument.createTreeWalker(cell, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) => {
      // Every node counts, shown or skipped: a cell of a million empty tags is cut like a cell of a million characters.
      visits += 1;
      if (visits > MAX_NODES_PER_CELL) throw TOO_MANY_NODES;
      if (node.nodeType === 3) return FILTER_ACCEPT;
      const name = (node as Element).localName;
      if (SKIPPED_ELEMENTS.has(name)) return FILTER_REJECT;
      if (BLOCK_ELEMENTS.has(name) && text !== '' && !text.endsWith(' ')) text += ' ';
      return FILTER_SKIP;
    },
  });
  // Room for the spaces that folding removes, so a cell just at the cap is not cut early.
  const rawCap = maxChars * 2 + 64;
  let truncated = false;
  try {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const textNode = node as Text;
      const room = rawCap - text.length;
      // Only the part that fits is copied out of the page: a megabyte text node never becomes a megabyte string here.
      if (textNode.length > room) {
        text += textNode.substringData(0, room);
        truncated = true;
        break;
      }
      text += textNode.data;
    }
  } catch (error) {
    if (error !== TOO_MANY_NODES) throw error;
    truncated = true;
  }
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length > maxChars) return { text: folded.slice(0, maxChars), truncated: true };
  return { text: folded, truncated };
}
