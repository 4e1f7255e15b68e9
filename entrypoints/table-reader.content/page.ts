import { cellText, findTablesInSlices, headerRow, placeCells, SLICE_MS, type SliceHost } from '@/lib/table-reader';

/** The page gets the thread back between slices: when it is idle, or after 100 ms at the latest. */
export function sliceHost(): SliceHost {
  return {
    now: () => performance.now(),
    pause: () =>
      new Promise((resolve) => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 100 });
        else setTimeout(resolve, 0);
      }),
  };
}

export function headerTexts(table: Element): string[] {
  const header = headerRow(table);
  return header ? placeCells(header, (cell) => cellText(cell, 200).text, '') : [];
}

/**
 * The table the rep chose, after the page replaced it (many lists render the
 * next page as a new table): the first table on the page with the same
 * column names.
 */
export async function relocateTable(headers: readonly string[], exclude: Element): Promise<Element | null> {
  const wanted = headers.join('\u001f');
  const tables = await findTablesInSlices(document.documentElement, exclude, sliceHost(), SLICE_MS);
  return tables.find((table) => headerTexts(table).join('\u001f') === wanted) ?? null;
}
