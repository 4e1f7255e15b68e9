import type { Translate } from '@/lib/i18n';
import { TABLE_BATCH_MAX, send } from '@/lib/messaging';
import { isLocale } from '@/lib/import';
import { convertRows, DEFAULT_LIMITS, runInSlices, type ReadRow, type RecordLists, type RowProblem, type TableReader } from '@/lib/table-reader';
import type { Confirmed } from './confirm';
import { button, el } from './dom';
import { trackBoxes, type Overlay } from './overlay';
import { relocateTable, sliceHost } from './page';

/** Changes to the page are gathered for this long before the table is read again (a list re-renders in bursts). */
const SETTLE_MS = 300;
const SHOWN_PROBLEMS = 5;

export type ReadingInput = {
  reader: TableReader;
  headers: string[];
  /** The header row's own texts, to find the table again if the page replaces it; empty when it has none. */
  headerTexts: string[];
  confirmed: Confirmed;
  source: string;
  timeZone: string;
  currency: string;
  /** The page's language: how amount and date columns its rows leave open are read. */
  pageLocale: string;
};

/**
 * Reads the confirmed table now and again whenever the page changes it (the
 * rep goes to the next page, the list loads more), in slices that leave the
 * page responsive, and sends new and changed rows to the background as
 * records. Resolves when the rep closes the panel.
 */
export function readTable(overlay: Overlay, t: Translate, input: ReadingInput): Promise<void> {
  const { reader, headers, confirmed } = input;
  const host = sliceHost();
  const totals = { imported: 0, rejected: 0, overLimit: false };
  const problems: RowProblem[] = [];
  let error: string | undefined;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const outline = el('div', { class: 'chosen' });
  overlay.layer.append(outline);
  const stopOutline = trackBoxes(overlay, [{ element: reader.table(), box: outline }]);
  const status = el('p', { role: 'status' });
  const notes = el('div');
  const list = el('ul');
  const problem = el('p', { class: 'problem', role: 'alert' });
  const actions = el('div', { class: 'actions' });

  const render = () => {
    const stats = reader.stats();
    status.textContent = t('table.progress', { read: stats.read, imported: totals.imported, rejected: totals.rejected });
    notes.replaceChildren(
      el('p', { class: 'note' }, t('table.pageHint')),
      totals.overLimit ? el('p', { class: 'note' }, t('table.limit', { count: DEFAULT_LIMITS.maxRowsPerPass })) : '',
      stats.cut > 0 ? el('p', { class: 'note' }, t('table.cut', { count: stats.cut, max: DEFAULT_LIMITS.maxCellChars })) : '',
    );
    list.replaceChildren(...problems.slice(0, SHOWN_PROBLEMS).map((entry) => el('li', {}, t('table.row', { position: entry.position, reason: entry.reason }))));
    problem.textContent = error ?? '';
    problem.hidden = error === undefined;
  };

  const sendRows = async (batch: RecordLists, rows: number, rejected: number) => {
    totals.rejected += (await send({ type: 'table/rows', kind: confirmed.mapping.kind, batch, rows, rejected })).rejected;
  };

  const convert = async (rows: ReadRow[]) => {
    const primary: keyof RecordLists = confirmed.mapping.kind;
    const converted = await convertRows(headers, confirmed.mapping, rows, {
      source: input.source,
      timeZone: input.timeZone,
      currency: input.currency,
      dateOrder: confirmed.dateOrder,
      locale: isLocale(input.pageLocale) ? input.pageLocale : undefined,
      importedAt: Date.now(),
      maxCellChars: DEFAULT_LIMITS.maxCellChars,
      pause: host.pause,
      batchMax: TABLE_BATCH_MAX,
      onBatch: (batch) => sendRows(batch, batch[primary]?.length ?? 0, 0),
    });
    totals.imported += converted.imported;
    totals.rejected += converted.rejected;
    problems.push(...converted.problems.slice(0, SHOWN_PROBLEMS - problems.length));
    if (converted.rejected > 0) await sendRows({}, 0, converted.rejected);
  };

  /** One pass over the table; passes never overlap, and a change during one asks for another. */
  const pass = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (!reader.table().isConnected) {
          const moved = input.headerTexts.length ? await relocateTable(input.headerTexts, overlay.host) : null;
          if (!moved) break;
          reader.retarget(moved);
        }
        totals.overLimit = reader.beginPass().overLimit;
        const rows: ReadRow[] = [];
        await runInSlices((stop) => {
          const slice = reader.readSome(stop);
          rows.push(...slice.rows);
          return slice.done || stopped;
        }, host);
        if (rows.length && !stopped) await convert(rows);
        render();
      } while (again && !stopped);
    } catch (failure) {
      error = t('table.error', { reason: failure instanceof Error ? failure.message : String(failure) });
      stop();
    } finally {
      running = false;
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) if (reader.table().contains(record.target)) reader.touched(record.target);
    clearTimeout(timer);
    timer = setTimeout(() => void pass(), SETTLE_MS);
  });

  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const closeButton = button(t('table.close'), 'primary', () => {
    stop();
    stopOutline();
    outline.remove();
    finish();
  });

  function stop() {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
    actions.replaceChildren(closeButton);
    render();
  }

  actions.replaceChildren(button(t('table.stop'), 'primary', stop), closeButton);
  overlay.show(overlay.title(t('table.readingTitle')), status, notes, list, problem, actions);
  overlay.onRemove(() => {
    stop();
    finish();
  });
  render();
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  void pass();
  return done;
}
