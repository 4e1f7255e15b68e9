import 'fake-indexeddb/auto';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countAll, KpiLensDb, upsertRecords, readWholeTable, SCHEMA_VERSIONS } from '@/lib/db';
import { importRecords, parseDataExport, readQuarantinePage, readTablePage } from '@/lib/export';
import { RECORD_TYPES } from '@/lib/model';
import { loadSettings, saveSettings } from '@/lib/settings';
import { I18nProvider } from '../common/i18n';
import { OptionsApiContext, type OptionsApi } from './api';
import { DataSection } from './data/DataSection';
import type { QuarantineView } from './data/QuarantineTable';
import { emptyData, fakeOptionsApi } from './test-api';

// The machine running CI is shared and busy: give asynchronous UI updates time.
configure({ asyncUtilTimeout: 10_000 });

let counter = 0;
const opened: KpiLensDb[] = [];
const openDb = () => {
  const db = new KpiLensDb(`options-data-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
beforeEach(() => fakeBrowser.reset());

/** The fake background's export and import run the real lib/export code on a database of their own. */
function apiOver(db: KpiLensDb): OptionsApi {
  return {
    ...fakeOptionsApi(emptyData()),
    exportPage: (table, after, limit) => readTablePage(db, table, after, Math.min(limit, 7)), // small pages: the page loop is exercised
    quarantinePage: (after, limit) => readQuarantinePage(db, after, Math.min(limit, 2)),
    importRecords: (items, offset) => importRecords(db, items, offset),
  };
}

/** No records that could not be read (the table is tested in quarantine.test.tsx). */
const noQuarantine: QuarantineView = {
  page: { entries: [], next: null },
  loading: false,
  error: undefined,
  offset: 0,
  total: 0,
  sourceLabel: (source) => source,
  onPage: () => {},
};

async function show(api: OptionsApi) {
  const settings = await loadSettings();
  render(
    <OptionsApiContext.Provider value={api}>
      <I18nProvider locale="en" timeZone="UTC">
        <DataSection settings={settings} onChanged={() => {}} quarantine={noQuarantine} />
      </I18nProvider>
    </OptionsApiContext.Provider>,
  );
}

// Records as the model has them: a record's slot is where the column store keeps it, not part of it (an import may give others).
const allOf = async (db: KpiLensDb) => Object.fromEntries(await Promise.all(RECORD_TYPES.map(async (type) => [type, await readWholeTable(db, type)])));

describe('data: export and import through the options page', () => {
  it('exports everything as JSON and imports that file back into an empty database unchanged, settings too', async () => {
    const from = openDb();
    const deals = Array.from({ length: 23 }, (_, i) => ({
      source: i % 2 ? 'demo' : 'pipedrive:acme',
      externalId: `d${i}`,
      updatedAt: i,
      title: `Deal ${i} "quoted", with commas`,
      ownerId: 'u1',
      status: 'open' as const,
      lineItems: [],
    }));
    await upsertRecords(from, {
      deal: deals,
      owner: [{ source: 'demo', externalId: 'u1', updatedAt: 1, name: 'Анна', role: 'rep', active: true }],
      spend: [
        {
          source: 'demo',
          externalId: 'manual:spend:2017-05:sales:all',
          updatedAt: 1,
          month: '2017-05',
          kind: 'sales',
          amount: { minor: 100, currency: 'EUR' },
        },
      ],
    });
    await saveSettings({ staleDays: 33 });
    const exporting = apiOver(from);
    await show(exporting);
    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));
    await screen.findByText('Exported 25 records.');
    const [name, blob] = vi.mocked(exporting.download).mock.calls[0]!;
    expect(name).toBe('kpi-lens-export-2017-06-15.json');

    // Another browser: empty database, default settings.
    cleanup();
    fakeBrowser.reset();
    const to = openDb();
    await show(apiOver(to));
    const file = new File([await blob.text()], name, { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('KPI Lens export file'), { target: { files: [file] } });
    await screen.findByText(/25 records in the file/);
    fireEvent.click(screen.getByLabelText('Also restore the settings from the file'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('25 records imported.');
    expect(await allOf(to)).toEqual(await allOf(from));
    expect((await loadSettings()).staleDays).toBe(33);
  });

  it('lists the records a damaged file could not bring in, with their place and reason', async () => {
    const to = openDb();
    await show(apiOver(to));
    const text = JSON.stringify({
      format: 'kpi-lens-export',
      version: 1,
      records: {
        deal: [
          { source: 's', externalId: 'ok', updatedAt: 1, title: 't', ownerId: 'u', status: 'won', lineItems: [] },
          { source: 's', externalId: 'bad', updatedAt: 1, title: 't', ownerId: 'u', status: 'pending' },
        ],
      },
    });
    fireEvent.change(screen.getByLabelText('KPI Lens export file'), { target: { files: [new File([text], 'x.json')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText('1 record imported.');
    expect(screen.getByText('1 record was rejected.')).toBeTruthy();
    const row = screen.getByRole('row', { name: /bad/ });
    expect(row.textContent).toMatch(/^2deal.*bad.*status:/); // record #2 of the file
    expect(await countAll(to, 'deal')).toBe(1);
  });

  it('refuses a file that is not an export, saying why, and imports nothing', async () => {
    const api = apiOver(openDb());
    const spy = vi.spyOn(api, 'importRecords');
    await show(api);
    fireEvent.change(screen.getByLabelText('KPI Lens export file'), { target: { files: [new File(['a,b\n1,2'], 'deals.csv')] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This file cannot be imported: not JSON/);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  it('downloads one CSV per table', async () => {
    const db = openDb();
    await upsertRecords(db, { deal: [{ source: 's', externalId: '1', updatedAt: 1, title: '=cmd()', ownerId: 'u', status: 'open', lineItems: [] }] });
    const api = apiOver(db);
    await show(api);
    fireEvent.click(screen.getByRole('button', { name: 'deals.csv' }));
    await waitFor(() => expect(api.download).toHaveBeenCalled());
    const [name, blob] = vi.mocked(api.download).mock.calls[0]!;
    expect(name).toBe('kpi-lens-deals-2017-06-15.csv');
    // A UTF-8 byte-order mark first (spreadsheets then read Cyrillic right), then a formula kept as text.
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Columns in the order the store keeps a deal's fields (its key first).
    expect((await blob.text()).split('\r\n').slice(0, 2)).toEqual(['source,externalId,ownerId,status,updatedAt,title,lineItems', "s,1,u,open,1,'=cmd(),[]"]);
    fireEvent.click(screen.getByRole('button', { name: 'quotas.csv' }));
    await screen.findByText('That table is empty: nothing to export.');
  });

  it('downloads the records that could not be read, with why, and puts them in the JSON export (an import skips them)', async () => {
    const db = openDb();
    await upsertRecords(db, { deal: [{ source: 's', externalId: '1', updatedAt: 1, title: 'ok', ownerId: 'u', status: 'open', lineItems: [] }] });
    const at = Date.UTC(2017, 5, 1, 12);
    for (let i = 0; i < 5; i += 1) {
      await db.quarantine.add({
        source: 'pipedrive:acme',
        recordType: 'deal',
        externalId: `q${i}`,
        rawJson: `{"id":${i},"value":"=1+1"}`,
        reason: `status: "pending" is not one of won, lost, open (${i})`,
        at,
      });
    }
    const api = apiOver(db);
    await show(api);
    fireEvent.click(screen.getByRole('button', { name: 'Download them all (CSV, with why)' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledTimes(1));
    const [name, blob] = vi.mocked(api.download).mock.calls[0]!;
    expect(name).toBe('kpi-lens-not-read-2017-06-15.csv');
    const lines = (await blob.text())
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    // A header and the 5 entries, read over pages of 2 (2 + 2 + 1).
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('source,recordType,externalId,reason,at,raw');
    expect(lines[1]).toBe(
      'pipedrive:acme,deal,q0,"status: ""pending"" is not one of won, lost, open (0)",2017-06-01T12:00:00.000Z,"{""id"":0,""value"":""=1+1""}"',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledTimes(2));
    const json = JSON.parse(await vi.mocked(api.download).mock.calls[1]![1].text()) as { records: { deal: unknown[] }; quarantine: { externalId: string }[] };
    expect(json.records.deal).toHaveLength(1);
    expect(json.quarantine.map((entry) => entry.externalId)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
    // Read back, the file brings the record in and leaves the quarantine out.
    const parsed = parseDataExport(JSON.stringify(json));
    expect(parsed.ok && parsed.items.map((item) => item.type)).toEqual(['deal']);
  });
});

describe('data: storage and deleting', () => {
  it('shows storage used and asks the browser to keep the data', async () => {
    const api = fakeOptionsApi(emptyData());
    await show(api);
    expect((await screen.findByText('12.5 MB')).dataset.storage).toBe('usage');
    expect(screen.getByText('No: the browser may clear it when the disk is nearly full')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep it' }));
    await waitFor(() => expect(api.storage.persist).toHaveBeenCalledOnce());
  });

  it('deletes only after a confirmation that says what goes, at the level chosen', async () => {
    const api = fakeOptionsApi(emptyData());
    await show(api);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/settings and connections \(with their tokens\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.eraseEverything).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete synced data' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Connections and settings stay/);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('The synced data was deleted.');
    expect(api.deleteData).toHaveBeenCalledOnce();
    expect(api.eraseEverything).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('Everything was deleted.');
    expect(api.eraseEverything).toHaveBeenCalledOnce();
  });
});
