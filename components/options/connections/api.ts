import { createContext, useContext } from 'react';
import { browser } from 'wxt/browser';
import {
  type TestOutcome,
  stillToRequest,
  type PermissionRequest,
  type ConnectInput,
  authorizeSalesforce,
  type OAuthCode,
  type ConnectionView,
} from '@/lib/connections';
import { dataVersionKey, statusVersionKey, type Responses, type ConnectReply, send as ask } from '@/lib/messaging';
import { onStorageChange } from '../../common/signals';

/**
 * Everything the Connections section asks of the browser and the background,
 * behind one object so component tests can hand in a fake background.
 */
export type ConnectionsApi = {
  list(): Promise<ConnectionView[]>;
  connect(input: ConnectInput, oauth?: OAuthCode): Promise<ConnectReply>;
  test(source: string): Promise<TestOutcome>;
  syncNow(source: string): Promise<Responses['sync/start']>;
  disconnect(source: string, deleteData: boolean): Promise<Responses['connections/disconnect']>;
  /** Must be the first thing a click handler awaits: browsers grant only during the rep's gesture. */
  requestPermissions(request: PermissionRequest): Promise<boolean>;
  authorizeSalesforce(p: { loginUrl: string; clientId: string }): Promise<OAuthCode>;
  /** The redirect URL a Salesforce connected app must allow (shown to the rep for their admin). */
  oauthRedirectUrl(): string | undefined;
  /** Calls back when a source's status moved (sync progress, data changed). */
  watch(onChange: () => void): () => void;
  /** TEST builds let a connection point at a fake CRM on loopback. */
  testBuild: boolean;
};

export const browserConnectionsApi: ConnectionsApi = {
  list: async () => (await ask({ type: 'connections/list' })).connections,
  connect: (input, oauth) => ask({ type: 'connections/connect', input, oauth }),
  test: (source) => ask({ type: 'connections/test', source }),
  syncNow: (source) => ask({ type: 'sync/start', source }),
  disconnect: (source, deleteData) => ask({ type: 'connections/disconnect', source, deleteData }),
  requestPermissions: (request) => {
    const wanted = stillToRequest(request, browser.runtime.getManifest());
    return wanted.origins.length || wanted.permissions.length ? browser.permissions.request(wanted) : Promise.resolve(true);
  },
  authorizeSalesforce: (p) =>
    authorizeSalesforce(p, {
      launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
      redirectUri: browser.identity.getRedirectURL('salesforce'),
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    }),
  // Before the identity permission is granted the API is absent; Chromium's redirect URL is this one.
  oauthRedirectUrl: () => browser.identity?.getRedirectURL('salesforce') ?? `https://${browser.runtime.id}.chromiumapp.org/salesforce`,
  watch: (onChange) => onStorageChange('session', (key) => key.startsWith(statusVersionKey('')) || key.startsWith(dataVersionKey('')), onChange),
  testBuild: import.meta.env.MODE === 'test',
};

export const ConnectionsApiContext = createContext<ConnectionsApi>(browserConnectionsApi);

export function useConnectionsApi(): ConnectionsApi {
  return useContext(ConnectionsApiContext);
}
