import 'fake-indexeddb/auto';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KpiLensDb, SCHEMA_VERSIONS } from '@/lib/db';
import { readQuarantinePage } from '@/lib/export';
import type { SourceStatus } from '@/lib/messaging';
import { I18nProvider } from '../common/i18n';
import { rawPreview, RAW_PREVIEW_CHARS } from './data/QuarantineTable';
import { Options } from './Options';
import { createOptionsStore, QUARANTINE_PAGE } from './store';
import { emptyData, fakeOptionsApi, noConnectionsApi } from './test-api';

configure({ asyncUtilTimeout: 10_000 });

let db: KpiLensDb;
let counter = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new KpiLensDb(`options-quarantine-${++counter}`, SCHEMA_VERSIONS);
  const at = Date.UTC(2017, 5, 1, 12);
  // 60 entries: 58 of a CSV import, 2 of a CRM sync, one with markup in it (shown as text, never as HTML).
  for (let i = 0; i < 60; i += 1) {
    const crm = i >= 58;
    await db.quarantine.add({
      source: crm ? 'pipedrive:acme' : 'csv:q3',
      recordType: crm ? 'deal' : 'activity',
      externalId: `r${i}`,
      rawJson: i === 1 ? '{"title":"<img src=x onerror=alert(1)>"}' : JSON.stringify({ id: i, note: 'x'.repeat(300) }),
      reason: `row ${i}: occurredAt: expected a date`,
      at: at + i * 60_000,
    });
  }
});
afterEach(() => db.close());

const statuses: SourceStatus[] = [
  { source: 'csv:q3', crm: 'csv', label: 'q3.csv', records: 10, quarantined: 58, syncing: false, importedAt: 1 },
  { source: 'pipedrive:acme', crm: 'pipedrive', label: 'acme', records: 10, quarantined: 2, syncing: false },
];
const connections = noConnectionsApi();

function apiOverDb() {
  return {
    ...fakeOptionsApi(emptyData()),
    sources: vi.fn(async () => statuses),
    quarantinePage: vi.fn((after: number | undefined, limit: number) => readQuarantinePage(db, after, limit)),
  };
}

describe('options: the records that could not be read', () => {
  it('cuts a raw record to a one-line preview', () => {
    expect(rawPreview('{\n  "a": 1\n}')).toBe('{ "a": 1 }');
    const long = rawPreview('y'.repeat(500));
    expect(long).toHaveLength(RAW_PREVIEW_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('pages through them from the background, the store keeping where it is', async () => {
    const api = apiOverDb();
    const store = createOptionsStore(api, connections);
    const stop = store.start();
    await waitFor(() => expect(store.getState().answers.quarantine.value?.entries).toHaveLength(QUARANTINE_PAGE));
    expect(api.quarantinePage).toHaveBeenLastCalledWith(undefined, QUARANTINE_PAGE);
    const firstLast = store.getState().answers.quarantine.value!.next!;
    store.getState().actions.quarantinePage('next');
    await waitFor(() => expect(store.getState().answers.quarantine.value?.entries[0]?.externalId).toBe(`r${QUARANTINE_PAGE}`));
    expect(api.quarantinePage).toHaveBeenLastCalledWith(firstLast, QUARANTINE_PAGE);
    // On to the last page (60 entries, ten a page).
    for (let page = 2; page * QUARANTINE_PAGE < 60; page += 1) {
      store.getState().actions.quarantinePage('next');
      await waitFor(() => expect(store.getState().answers.quarantine.value?.entries[0]?.externalId).toBe(`r${page * QUARANTINE_PAGE}`));
    }
    expect(store.getState().answers.quarantine.value?.entries.at(-1)?.externalId).toBe('r59');
    const before = store.getState().quarantine.before.length;
    store.getState().actions.quarantinePage('previous');
    await waitFor(() => expect(store.getState().answers.quarantine.value?.entries[0]?.externalId).toBe(`r${(before - 1) * QUARANTINE_PAGE}`));
    store.getState().actions.quarantinePage('first');
    await waitFor(() => expect(store.getState().answers.quarantine.value?.entries[0]?.externalId).toBe('r0'));
    stop();
  });

  it('shows them in a table on the options page, with the download beside it, in English and Russian', async () => {
    const api = apiOverDb();
    const { unmount } = render(
      <I18nProvider locale="en" timeZone="UTC">
        <Options api={api} connections={connections} />
      </I18nProvider>,
    );
    const section = (await screen.findByRole('heading', { name: 'Records that could not be read' })).closest('.quarantine')! as HTMLElement;
    const table = await within(section).findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(QUARANTINE_PAGE + 1);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Why', 'Source', 'Record', 'As it came (start)', 'When']);
    const cells = within(rows[1]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(['row 0: occurredAt: expected a date', 'q3.csv', 'activityr0']);
    expect(cells[3]).toHaveLength(RAW_PREVIEW_CHARS);
    expect(cells[4]).toBe('Jun 1, 2017, 12:00 PM');
    // Markup in a record is text.
    expect(within(rows[2]!).getByText('{"title":"<img src=x onerror=alert(1)>"}')).toBeTruthy();
    expect(table.querySelector('img')).toBeNull();
    expect(within(section).getByRole('status').textContent).toBe(`Records 1–${QUARANTINE_PAGE} of 60`);
    expect(within(section).getByRole('button', { name: 'Download them all (CSV, with why)' })).toBeTruthy();
    const next = within(section).getByRole('button', { name: `Next ${QUARANTINE_PAGE}` }) as HTMLButtonElement;
    fireEvent.click(next);
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe(`Records ${QUARANTINE_PAGE + 1}–${2 * QUARANTINE_PAGE} of 60`));
    // Page on to the end, where the CRM's two records are.
    for (let shown = 2 * QUARANTINE_PAGE; shown < 60; shown += QUARANTINE_PAGE) {
      await waitFor(() => expect(next.disabled).toBe(false));
      fireEvent.click(next);
      await waitFor(() => expect(within(section).getByRole('status').textContent).toBe(`Records ${shown + 1}–${Math.min(60, shown + QUARANTINE_PAGE)} of 60`));
    }
    expect(
      within(section)
        .getAllByRole('row')
        .slice(-2)
        .map((row) => within(row).getAllByRole('cell')[1]!.textContent),
    ).toEqual(['acme', 'acme']);
    await waitFor(() => expect(next.disabled).toBe(true));
    unmount();

    render(
      <I18nProvider locale="ru" timeZone="UTC">
        <Options api={api} connections={connections} />
      </I18nProvider>,
    );
    const ru = (await screen.findByRole('heading', { name: 'Записи, которые не удалось прочитать' })).closest('.quarantine')! as HTMLElement;
    await within(ru).findByRole('table');
    expect(within(ru).getByRole('status').textContent).toBe(`Записи 1–${QUARANTINE_PAGE} из 60`);
    expect(within(ru).getByRole('button', { name: 'Скачать все (CSV, с причиной)' })).toBeTruthy();
  });
});
