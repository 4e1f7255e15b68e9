import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { CrmError } from '../errors';
import { readAccountInfo } from './account';
import { ObjectSerializer as OwnersSerializer } from '@hubspot/api-client/lib/codegen/crm/owners/models/ObjectSerializer';
import { hubspotAdapter } from './index';

describe('HubSpot account and signed-in user', () => {
  it('reads the portal id, company currency and app domain', async () => {
    const fetch = H.hsFetch({
      'GET /account-info/v3/details': () => ({
        portalId: 1234567,
        companyCurrency: 'EUR',
        timeZone: 'Europe/Berlin',
        uiDomain: 'app-eu1.hubspot.com',
        dataHostingLocation: 'eu1',
      }),
    });
    await expect(readAccountInfo(H.hsContext(fetch))).resolves.toEqual({
      portalId: '1234567',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      appUrl: 'https://app-eu1.hubspot.com',
    });
  });

  it('whoAmI: the OAuth token’s user, as the owner with that user id', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /oauth/v1/access-tokens/pat-na1-test': () => ({
          token: 'pat-na1-test',
          user: 'alex@acme.example',
          hub_id: 1234567,
          user_id: 88001,
          token_type: 'access',
        }),
        'GET /crm/v3/owners/88001': () => OwnersSerializer.serialize(H.OWNER, 'PublicOwner', '') as unknown,
      },
      calls,
    );
    await expect(hubspotAdapter.whoAmI(H.hsContext(fetch))).resolves.toEqual({ ownerId: '501', name: 'Alex Rep' });
    expect(calls[1]?.url.searchParams.get('idProperty')).toBe('userId');
  });

  it('whoAmI with a private app token HubSpot cannot resolve → a clear error, no crash', async () => {
    const fetch = H.hsFetch({ 'GET /oauth/v1/access-tokens/pat-na1-test': () => jsonResponse({ status: 'error', message: 'not an OAuth token' }, 404) });
    const error = await hubspotAdapter.whoAmI(H.hsContext(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('bad-response');
  });
});
