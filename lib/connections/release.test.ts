import { describe, expect, it } from 'vitest';
import { releasablePermissions } from './release';
import type { Connection } from './types';

const base = { connectedAt: 0, auth: { kind: 'session' } } as const;
const pipedrive = (account: string): Connection => ({
  ...base,
  source: `pipedrive:${account}`,
  crm: 'pipedrive',
  account,
  apiBase: `https://${account}.pipedrive.com/api`,
  appUrl: `https://${account}.pipedrive.com`,
});
const kommo = (host: string): Connection => ({
  ...base,
  source: `kommo:${host}`,
  crm: 'kommo',
  account: host,
  apiBase: `https://${host}/api/v4`,
  appUrl: `https://${host}`,
});
const sfSession: Connection = {
  ...base,
  source: 'salesforce:acme',
  crm: 'salesforce',
  account: 'acme',
  apiBase: 'https://acme.my.salesforce.com',
  appUrl: 'https://acme.lightning.force.com',
};
const sfOauth: Connection = {
  ...sfSession,
  source: 'salesforce:beta',
  account: 'beta',
  apiBase: 'https://beta.my.salesforce.com',
  appUrl: 'https://beta.lightning.force.com',
  auth: { kind: 'bearer', token: 't' },
  oauth: { clientId: 'c', loginUrl: 'https://login.salesforce.com' },
};
const granted = {
  origins: [
    'https://*.pipedrive.com/*',
    'https://acme.kommo.com/*',
    'https://beta.kommo.com/*',
    'https://*.force.com/*',
    'https://*.salesforce.com/*',
    'http://127.0.0.1/*',
  ],
  permissions: ['storage', 'cookies', 'identity'],
};

describe('permissions released on disconnect', () => {
  it('gives back the CRM hosts once no connection of that CRM is left, never the sandbox', () => {
    expect(releasablePermissions(pipedrive('acme'), [], granted)).toEqual({ origins: ['https://*.pipedrive.com/*'], permissions: [] });
    expect(releasablePermissions(pipedrive('acme'), [pipedrive('beta')], granted)).toEqual({ origins: [], permissions: [] });
  });

  it('gives back just the account host where access was per account', () => {
    expect(releasablePermissions(kommo('acme.kommo.com'), [kommo('beta.kommo.com')], granted).origins).toEqual(['https://acme.kommo.com/*']);
  });

  it('gives back cookies with the last session connection of Salesforce, identity with the last OAuth one', () => {
    expect(releasablePermissions(sfSession, [sfOauth], granted)).toEqual({ origins: [], permissions: ['cookies'] });
    expect(releasablePermissions(sfOauth, [sfSession], granted)).toEqual({ origins: [], permissions: ['identity'] });
    expect(releasablePermissions(sfOauth, [], granted)).toEqual({
      origins: ['https://*.force.com/*', 'https://*.salesforce.com/*'],
      permissions: ['cookies', 'identity'],
    });
  });

  it('never touches anything for the sandbox', () => {
    expect(releasablePermissions({ ...pipedrive('x'), crm: 'sandbox' }, [], granted)).toEqual({ origins: [], permissions: [] });
  });
});
