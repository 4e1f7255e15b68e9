/**
 * A page from saved HTML, as the picker would find it. Test files that use it
 * run in jsdom (`@vitest-environment jsdom`); DOMParser never runs the page's
 * scripts, as a saved page should not.
 */
export function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}
