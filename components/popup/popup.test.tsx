import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SourceStatus } from '@/lib/messaging';
import { I18nProvider } from '../common/i18n';
import { SyncStatusBar } from '../sidebar/SyncStatusBar';
import { Popup } from './Popup';

const IMPORTED_AT = Date.UTC(2026, 10, 20, 9, 30);
const SYNCED_AT = Date.UTC(2026, 11, 5, 8, 0);
const SOURCES: SourceStatus[] = [
  { source: 'pipedrive:acme', crm: 'pipedrive', label: 'acme', records: 1_200, quarantined: 0, syncing: false, lastSyncAt: SYNCED_AT },
  { source: 'pipedrive:beta', crm: 'pipedrive', label: 'beta', records: 0, quarantined: 0, syncing: false },
  { source: 'csv:pipeline', crm: 'csv', label: 'pipeline.csv', records: 8_800, quarantined: 3, syncing: false, importedAt: IMPORTED_AT },
  { source: 'table:crm.example', crm: 'table', label: 'crm.example', records: 40, quarantined: 0, syncing: false },
  { source: 'demo', crm: 'demo', label: 'Demo data', records: 37_000, quarantined: 0, syncing: false },
];

/** A background that answers status/get with SOURCES. */
function background() {
  fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, reply) => {
    if (message.type === 'status/get') reply({ ok: true, value: { sources: SOURCES } });
    return true;
  });
}

const renderIn = (locale: 'en' | 'ru', node: React.ReactNode) =>
  render(
    <I18nProvider locale={locale} timeZone="UTC">
      {node}
    </I18nProvider>,
  );
const lineOf = (source: string) => document.querySelector(`[data-source="${source}"] [data-status-line]`)?.textContent;

describe('the toolbar popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background();
  });
  afterEach(() => fakeBrowser.reset());

  it('lists each source with what its data is: synced, never synced, imported on a date, made up', async () => {
    renderIn('en', <Popup />);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(lineOf('pipedrive:acme')).toBe('Synced Dec 5, 2026, 8:00 AM');
    expect(lineOf('pipedrive:beta')).toBe('Not synced yet');
    // A file is imported, never synced: no "Not synced yet" and no "Sync now" for it.
    expect(lineOf('csv:pipeline')).toBe('Imported Nov 20, 2026, 9:30 AM');
    expect(lineOf('table:crm.example')).toBe('Imported from a file');
    expect(lineOf('demo')).toBe('Made-up records for trying KPI Lens');
    expect(screen.queryByText(/Sync now/)).toBeNull();
    expect(within(list).getByText('3 records could not be read')).toBeTruthy();
  });

  it('offers its actions as one family of buttons, named apart, in a labelled group', async () => {
    renderIn('en', <Popup />);
    await screen.findByRole('list');
    const actions = screen.getByRole('navigation', { name: 'Actions' });
    const names = within(actions)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Show or hide the sidebar', 'Read a table on this page', 'Open in side panel', 'Options']);
    // Every action is a button, the first one primary (how they are laid out is checked in Chromium).
    expect(within(actions).queryAllByRole('link')).toHaveLength(0);
    expect(within(actions).getAllByRole('button')[0]!.className).toBe('primary');
  });

  it('speaks Russian', async () => {
    renderIn('ru', <Popup />);
    await screen.findByRole('list');
    expect(screen.getByRole('heading', { name: 'Ваши данные' })).toBeTruthy();
    expect(lineOf('csv:pipeline')).toMatch(/^Импортировано 20 нояб\. 2026 г\./);
    expect(lineOf('demo')).toBe('Вымышленные записи, чтобы попробовать KPI Lens');
  });
});

describe("the sidebar's status line", () => {
  it('says when a file was imported, and has no "Sync now" for it', () => {
    renderIn('en', <SyncStatusBar status={SOURCES[2]} />);
    expect(screen.getByText('Imported Nov 20, 2026, 9:30 AM')).toBeTruthy();
    expect(screen.queryByText('Not synced yet')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps "Sync now" and the last sync for a CRM', () => {
    renderIn('en', <SyncStatusBar status={SOURCES[0]} onSyncNow={() => undefined} />);
    expect(screen.getByText('Synced Dec 5, 2026, 8:00 AM')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });
});
