import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '@/lib/connections';
import type { Locale } from '@/lib/i18n';
import { I18nProvider } from '../../common/i18n';
import { OptionsScope } from '../scope';
import { emptyData, fakeOptionsApi } from '../test-api';
import type { ConnectionsApi } from './api';
import { ConnectionsSection } from './index';

const PIPEDRIVE: ConnectionView = {
  source: 'pipedrive:acme',
  crm: 'pipedrive',
  label: 'Pipedrive',
  account: 'acme',
  method: 'token',
  credentialHint: '…9f3a',
  connectedAt: Date.parse('2024-03-01T09:00:00Z'),
  user: { ownerId: '17', name: 'Jo Seller', at: Date.parse('2024-03-01T09:00:00Z') },
  status: {
    records: 1234,
    quarantined: 2,
    syncing: false,
    lastSyncAt: Date.parse('2024-03-10T08:30:00Z'),
    problem: {
      message: 'Pipedrive has no /goals for this account (HTTP 402)',
      userAction: 'This Pipedrive plan or account does not offer this data; nothing to do.',
    },
  },
  objects: [
    { object: 'users', phase: 'done', records: 12, rejects: 0, lastCompletedAt: Date.parse('2024-03-10T08:30:00Z'), updatedAt: 1 },
    { object: 'deals', phase: 'done', records: 1200, rejects: 2, lastCompletedAt: Date.parse('2024-03-10T08:30:00Z'), updatedAt: 2 },
    { object: 'goals', phase: 'error', records: 0, rejects: 0, updatedAt: 3, problem: { message: 'no goals', userAction: 'nothing to do' } },
  ],
  budget: { label: 'daily token budget', remaining: 29_500, limit: 30_000, resetsAt: Date.parse('2024-03-11T00:00:00Z') },
  counts: { deal: 1200, owner: 12, activity: 22 },
};

function fakeApi(overrides: Partial<ConnectionsApi> = {}, connections: ConnectionView[] = [PIPEDRIVE]) {
  const calls: string[] = [];
  const api: ConnectionsApi = {
    list: vi.fn(async () => connections),
    connect: vi.fn(async (input) => {
      calls.push(`connect ${input.crm} ${input.method}`);
      return { ok: true as const, source: `${input.crm}:app.close.com`, user: { ownerId: 'u1', name: 'Dana Rep' } };
    }),
    test: vi.fn(async () => ({ ok: true as const, user: { ownerId: '17', name: 'Jo Seller' } })),
    syncNow: vi.fn(async () => ({ started: true })),
    disconnect: vi.fn(async () => ({ removed: true, dataDeleted: true, permissionsRemoved: [] })),
    requestPermissions: vi.fn(async (request) => {
      calls.push(`permissions ${request.origins.join(' ')} ${request.permissions.join(' ')}`.trim());
      return true;
    }),
    authorizeSalesforce: vi.fn(async () => ({ code: 'the-code', codeVerifier: 'v'.repeat(64), redirectUri: 'https://id.chromiumapp.org/salesforce' })),
    oauthRedirectUrl: () => 'https://id.chromiumapp.org/salesforce',
    watch: () => () => undefined,
    testBuild: false,
    ...overrides,
  };
  return { api, calls };
}

const show = (api: ConnectionsApi, locale: Locale = 'en') =>
  render(
    <I18nProvider locale={locale} timeZone="UTC">
      <OptionsScope api={fakeOptionsApi(emptyData())} connections={api}>
        <ConnectionsSection />
      </OptionsScope>
    </I18nProvider>,
  );

describe('Options → Connections', () => {
  it('shows each connection: how it signs in, its user, last sync, records, quarantine, budget, objects, problem', async () => {
    const { api } = fakeApi();
    show(api);
    const card = await screen.findByRole('article', { name: 'Pipedrive · acme' });
    expect(within(card).getByText(/Token …9f3a · Signed in as Jo Seller/)).toBeTruthy();
    expect(card.querySelector('.summary')?.textContent).toMatch(/^1,234 records · Synced Mar 10, 2024, 8:30\sAM · 2 records could not be read$/);
    expect(card.querySelector('[data-field="budget"]')?.textContent).toMatch(
      /^Daily API token budget: 29,500 of 30,000 left · renews Mar 11, 2024, 12:00\sAM$/,
    );
    expect(within(card).getByRole('alert').textContent).toContain('Pipedrive has no /goals for this account (HTTP 402)');
    const rows = within(card).getAllByRole('row').slice(1);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' ')),
    );
    expect(cells).toEqual([
      ['12', 'Mar 10, 2024, 8:30 AM', 'Done'],
      ['1,200', 'Mar 10, 2024, 8:30 AM', 'Done'],
      ['0', '—', 'Stopped'],
    ]);
  });

  it('Test, Sync now and Disconnect (which asks about the data) go to the background', async () => {
    const { api } = fakeApi();
    show(api);
    const card = await screen.findByRole('article', { name: 'Pipedrive · acme' });
    fireEvent.click(within(card).getByRole('button', { name: 'Test' }));
    expect(await within(card).findByText('Works: signed in as Jo Seller.')).toBeTruthy();
    expect(api.test).toHaveBeenCalledWith('pipedrive:acme');
    fireEvent.click(within(card).getByRole('button', { name: 'Sync now' }));
    expect(await within(card).findByText('Sync started.')).toBeTruthy();
    expect(api.syncNow).toHaveBeenCalledWith('pipedrive:acme');
    fireEvent.click(within(card).getByRole('button', { name: 'Disconnect' }));
    const ask = within(card).getByRole('group', { name: 'Disconnect' });
    expect(ask.textContent).toContain('Disconnect Pipedrive (acme)? Its data can stay in this browser or be deleted now.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Disconnect and delete its data' }));
    await waitFor(() => expect(api.disconnect).toHaveBeenCalledWith('pipedrive:acme', true));
  });

  it('a failed test says what went wrong and what to do', async () => {
    const { api } = fakeApi({
      test: vi.fn(async () => ({
        ok: false as const,
        problem: {
          kind: 'rate-limit',
          message: 'No Pipedrive tab is open',
          userAction: 'Open Pipedrive in a tab to sync, or use an API token in KPI Lens options → Connections.',
        },
      })),
    });
    show(api);
    const card = await screen.findByRole('article', { name: 'Pipedrive · acme' });
    fireEvent.click(within(card).getByRole('button', { name: 'Test' }));
    const note = (await within(card).findByText('No Pipedrive tab is open')).parentElement!;
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toBe('No Pipedrive tab is openOpen Pipedrive in a tab to sync, or use an API token in KPI Lens options → Connections.');
  });

  it('connect: checks the form, asks for host access first, then connects', async () => {
    const { api, calls } = fakeApi({}, []);
    show(api);
    expect(await screen.findByText('No CRM connected yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('CRM'), { target: { value: 'close' } });
    expect(screen.queryByRole('group', { name: 'Sign in with' })).toBeNull(); // Close has one way in
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    fireEvent.change(key, { target: { value: 'two words' } });
    fireEvent.submit(key.form!);
    expect(await screen.findByText('Paste the whole credential: one line, no spaces.')).toBeTruthy();
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
    fireEvent.change(key, { target: { value: 'api_key_123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('Connected Close (app.close.com), signed in as Dana Rep.')).toBeTruthy();
    expect(calls).toEqual(['permissions https://app.close.com/* https://api.close.com/*', 'connect close token']);
    expect(api.connect).toHaveBeenCalledWith({ crm: 'close', method: 'token', token: 'api_key_123', apiBase: undefined }, undefined);
  });

  it('connect: nothing is connected when the browser does not grant access', async () => {
    const { api } = fakeApi({ requestPermissions: vi.fn(async () => false) }, []);
    show(api);
    fireEvent.change(await screen.findByLabelText('Company domain (acme or acme.pipedrive.com)'), { target: { value: 'acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('The browser did not allow access to Pipedrive, so nothing was connected.')).toBeTruthy();
    expect(api.connect).not.toHaveBeenCalled();
  });

  it('connect Salesforce with OAuth: identity permission, the sign-in window, then the code to the background', async () => {
    const { api, calls } = fakeApi({}, []);
    show(api);
    fireEvent.change(await screen.findByLabelText('CRM'), { target: { value: 'salesforce' } });
    fireEvent.click(screen.getByRole('radio', { name: 'OAuth (connected app)' }));
    expect(screen.getByText(/this callback URL: https:\/\/id.chromiumapp.org\/salesforce/)).toBeTruthy();
    expect(screen.getByText(/paste the consumer secret below, or have the admin turn both off/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Consumer key (client id) of the connected app'), { target: { value: '3MVG9-app' } });
    const secret = screen.getByLabelText('Consumer secret of the connected app (optional)');
    expect(secret.getAttribute('type')).toBe('password');
    fireEvent.change(secret, { target: { value: 'app-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(api.connect).toHaveBeenCalled());
    expect(calls[0]).toBe('permissions https://*.force.com/* https://*.salesforce.com/* identity');
    expect(api.authorizeSalesforce).toHaveBeenCalledWith({ loginUrl: 'https://login.salesforce.com', clientId: '3MVG9-app' }); // the secret never goes to the sign-in window
    expect(api.connect).toHaveBeenCalledWith(
      expect.objectContaining({ crm: 'salesforce', method: 'oauth', clientId: '3MVG9-app', clientSecret: 'app-secret' }),
      { code: 'the-code', codeVerifier: 'v'.repeat(64), redirectUri: 'https://id.chromiumapp.org/salesforce' },
    );
  });

  it('speaks Russian, with Russian plural forms', async () => {
    const { api } = fakeApi();
    show(api, 'ru');
    const card = await screen.findByRole('article', { name: 'Pipedrive · acme' });
    expect(within(card).getByText('1 234 записи')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Проверить' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Подключить' })).toBeTruthy();
  });

  it('has no accessibility violations axe can see in a DOM', async () => {
    const { api } = fakeApi();
    const { container } = show(api);
    await screen.findByRole('article', { name: 'Pipedrive · acme' });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
