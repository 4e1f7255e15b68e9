import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATABASE_DISCARDED_KEY } from '@/lib/db';
import { I18nProvider } from '../common/i18n';
import { Options } from './Options';
import { emptyData, fakeOptionsApi, noConnectionsApi } from './test-api';

configure({ asyncUtilTimeout: 10_000 });
beforeEach(() => fakeBrowser.reset());

const connections = noConnectionsApi();

const stored = async () => (await fakeBrowser.storage.local.get(DATABASE_DISCARDED_KEY))[DATABASE_DISCARDED_KEY];

describe('options: the notice that the browser discarded KPI Lens’s data', () => {
  it('is shown where the rep adds connections and files again, and dismissing it removes it for every page', async () => {
    await fakeBrowser.storage.local.set({ [DATABASE_DISCARDED_KEY]: { at: Date.UTC(2017, 5, 15, 9) } });
    render(
      <I18nProvider locale="en" timeZone="UTC">
        <Options api={fakeOptionsApi(emptyData())} connections={connections} />
      </I18nProvider>,
    );
    const title = await screen.findByText(/The browser discarded KPI Lens’s local data/);
    expect(title.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByText(/need to be added again in Options/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByText(/The browser discarded KPI Lens’s local data/)).toBeNull());
    expect(await stored()).toBeUndefined();
  });

  it('appears when a worker start records it while the page is open, in Russian too', async () => {
    render(
      <I18nProvider locale="ru" timeZone="UTC">
        <Options api={fakeOptionsApi(emptyData())} connections={connections} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/Браузер удалил локальные данные KPI Lens/)).toBeNull();
    await fakeBrowser.storage.local.set({ [DATABASE_DISCARDED_KEY]: { at: Date.UTC(2017, 5, 15, 9) } });
    expect(await screen.findByText(/Браузер удалил локальные данные KPI Lens/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Понятно' })).toBeTruthy();
  });
});
