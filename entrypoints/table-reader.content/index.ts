import { browser } from 'wxt/browser';
import { resolveLocale } from '../../lib/i18n/locale';
import { translator } from '../../lib/i18n/messages';
import { effectiveTimeZone } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { cellText, createTableReader, dataRows, dateOrderFor, placeCells, recallMapping, rememberMapping, suggestMapping } from '../../lib/table-reader';
import { confirmMapping } from './confirm';
import { createOverlay } from './overlay';
import { headerTexts } from './page';
import { pickTable } from './pick';
import { readTable } from './session';

/** storage.local key of the mapping the rep confirmed on a site (column names → fields, never rows). */
const mappingKey = (host: string) => `table-mapping:${host}`;

/**
 * "Read a table on this page": injected by the background only when the rep
 * asks from the popup (never registered on pages). The rep picks a table,
 * confirms the columns, and the rows are read into the `table:<host>` source.
 */
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const settings = await loadSettings();
    const t = translator(resolveLocale(settings.locale, navigator.language));
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
      const table = await pickTable(overlay, t);
      if (!table || !overlay.host.isConnected) return close();
      const rows = dataRows(table);
      const first = rows[0] ? placeCells(rows[0], (cell) => cellText(cell, 200).text, '') : [];
      const reader = createTableReader(table);
      const headers = reader.headers(first.length);
      const stored = (await browser.storage.local.get(mappingKey(host)))[mappingKey(host)];
      const recalled = recallMapping(stored, headers);
      const answer = await confirmMapping(overlay, t, {
        headers,
        examples: first,
        rows: rows.length,
        source,
        remembered: recalled !== null,
        initial: recalled ?? { mapping: suggestMapping(headers), dateOrder: dateOrderFor(document.documentElement.lang || navigator.language) },
      });
      if (answer === 'another') continue;
      if (!answer || !overlay.host.isConnected) return close();
      await browser.storage.local.set({ [mappingKey(host)]: rememberMapping(headers, answer.mapping, answer.dateOrder) });
      const idColumn = answer.mapping.fields.indexOf('id');
      reader.useIdColumn(idColumn >= 0 ? idColumn : undefined);
      await readTable(overlay, t, {
        reader,
        headers,
        headerTexts: headerTexts(table),
        confirmed: answer,
        source,
        timeZone: effectiveTimeZone(settings, Intl.DateTimeFormat().resolvedOptions().timeZone),
        currency: settings.reportingCurrency,
      });
      return close();
    }
  },
});
