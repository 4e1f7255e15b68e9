import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { intlTag, resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import {
  cellText,
  countRows,
  createTableReader,
  dataRows,
  dateOrderFor,
  DEFAULT_LIMITS,
  placeCells,
  recallMapping,
  rememberMapping,
  suggestMapping,
} from '@/lib/table-reader';
import { confirmMapping } from './confirm';
import { createOverlay } from './overlay';
import { headerTexts } from './page';
import { pickTable } from './pick';
import { readTable } from './session';

/**
 * "Read a table on this page": injected by the background only when the rep
 * asks from the popup (never registered on pages). The rep picks a table,
 * confirms the columns, and the rows are read into the `table:<host>` source.
 */
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  // executeScript waits for what the script returns: main returns at once, the picker lives on by itself.
  main(ctx) {
    void pickAndRead(ctx);
  },
});

async function pickAndRead(ctx: ContentScriptContext): Promise<void> {
  // The rep's settings and this site's remembered mapping come from the background: storage.local is closed to content scripts.
  const settings = await send({ type: 'table/setup' }).catch(() => undefined);
  if (!settings) return;
  const locale = resolveLocale(settings.locale, navigator.language);
  const t = translator(locale);
  const numbers = new Intl.NumberFormat(intlTag(locale));
  const overlay = createOverlay();
  const close = () => overlay.remove();
  ctx.onInvalidated(close);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.isTrusted) close();
  };
  window.addEventListener('keydown', onKey, true);
  overlay.onRemove(() => window.removeEventListener('keydown', onKey, true));

  const host = location.host;
  const source = `table:${host}`;
  for (;;) {
    const table = await pickTable(overlay, t, numbers);
    if (!table || !overlay.host.isConnected) return close();
    const [firstRow] = dataRows(table, 1);
    const first = firstRow ? placeCells(firstRow, (cell) => cellText(cell, 200).text, '') : [];
    const rowCount = countRows(table, DEFAULT_LIMITS.maxRowsPerPass + 1);
    const reader = createTableReader(table);
    const headers = reader.headers(first.length);
    const recalled = recallMapping(settings.remembered, headers);
    const answer = await confirmMapping(overlay, t, {
      headers,
      examples: first,
      rows: rowCount > DEFAULT_LIMITS.maxRowsPerPass ? `${numbers.format(DEFAULT_LIMITS.maxRowsPerPass)}+` : rowCount,
      source,
      remembered: recalled !== null,
      initial: recalled ?? { mapping: suggestMapping(headers), dateOrder: dateOrderFor(document.documentElement.lang || navigator.language) },
    });
    if (answer === 'another') continue;
    if (!answer || !overlay.host.isConnected) return close();
    await send({ type: 'table/remember', mapping: rememberMapping(headers, answer.mapping, answer.dateOrder) }).catch(() => undefined);
    const idColumn = answer.mapping.fields.indexOf('id');
    reader.useIdColumn(idColumn >= 0 ? idColumn : undefined);
    await readTable(overlay, t, {
      reader,
      headers,
      headerTexts: headerTexts(table),
      confirmed: answer,
      source,
      timeZone: settings.timeZone,
      currency: settings.currency,
      pageLocale: document.documentElement.lang || navigator.language,
    });
    return close();
  }
}
