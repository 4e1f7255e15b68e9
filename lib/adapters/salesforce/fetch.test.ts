import { describe, expect, it } from 'vitest';
import * as F from '../../../test/contracts/salesforce';
import { CrmError } from '../errors';
import { salesforceAdapter } from './index';
import { readOrgSettings } from './org';

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}
const NEXT = '/services/data/v60.0/query/01gD0000002HU6KIAW-2000';

describe('Salesforce query paging', () => {
  it('follows nextRecordsUrl until done=true, with the SOQL window and the session as a Bearer token', async () => {
    const calls: F.SfCall[] = [];
    const gone = F.sobject('Opportunity', '0065e00000GoNeAAAV', { SystemModstamp: '2024-03-08T00:00:00.000+0000' });
    const fetch = F.sfFetch((url) => {
      if (url.pathname === NEXT) return F.limitResponse(F.queryResult([F.OPP_OPEN], undefined, 3));
      if (url.pathname.endsWith('/queryAll')) return F.limitResponse(F.queryResult([gone]));
      return F.limitResponse(F.queryResult([F.OPP_WON, F.OPP_LOST], NEXT, 3));
    }, calls);
    const ctx = F.sfContext(fetch);
    const since = Date.parse('2024-02-01T00:00:00.700Z');
    const first = await salesforceAdapter.fetchPage(ctx, 'opportunities', null, since);
    const soql = calls[0]?.url.searchParams.get('q') ?? '';
    expect(calls[0]?.url.pathname).toBe('/services/data/v60.0/query');
    expect(soql).toContain('FROM Opportunity WHERE SystemModstamp >= 2024-02-01T00:00:00Z ORDER BY SystemModstamp ASC, Id ASC');
    expect(soql).toContain('(SELECT Id, Product2Id, Name, Quantity, UnitPrice, TotalPrice FROM OpportunityLineItems)');
    expect(soql).not.toContain('CurrencyIsoCode'); // single-currency org
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer 00Dxx0000001gPL!session');
    expect([first.records.deal?.length, first.totalEstimate]).toEqual([2, 3]);
    expect(first.budget).toEqual({ label: 'API requests (24 h)', remaining: 14982, limit: 15000 }); // 15000 − 18
    const second = await salesforceAdapter.fetchPage(ctx, 'opportunities', first.nextCursor, since);
    expect(calls[1]?.url.pathname).toBe(NEXT);
    expect(second.records.deal?.map((d) => d.externalId)).toEqual(['0065e00000AbCdGAAV']);
    // done: incremental passes then read deletions with queryAll
    const third = await salesforceAdapter.fetchPage(ctx, 'opportunities', second.nextCursor, since);
    expect(calls[2]?.url.pathname).toBe('/services/data/v60.0/queryAll');
    expect(calls[2]?.url.searchParams.get('q')).toContain('IsDeleted = true AND SystemModstamp >= 2024-02-01T00:00:00Z');
    expect(third.deleted?.deal).toEqual(['0065e00000GoNeAAAV']);
    expect(third.nextCursor).toBeNull();
  });

  it('a full sync (no since) has no WHERE, selects CurrencyIsoCode in multi-currency orgs and ends at done=true', async () => {
    const calls: F.SfCall[] = [];
    const fetch = F.sfFetch(() => F.limitResponse(F.queryResult([])), calls);
    const page = await salesforceAdapter.fetchPage(F.sfContext(fetch, { multiCurrency: true }), 'opportunities', null, null);
    const soql = calls[0]?.url.searchParams.get('q') ?? '';
    expect(soql).not.toContain('WHERE');
    expect(soql).toContain('LeadSource, SystemModstamp, CurrencyIsoCode,');
    expect(page.nextCursor).toBeNull();
  });

  it.each(['tasks', 'events'])('%s are read with queryAll (archived activities count), without the deleted ones', async (object) => {
    const calls: F.SfCall[] = [];
    const fetch = F.sfFetch(() => F.limitResponse(F.queryResult([])), calls);
    await salesforceAdapter.fetchPage(F.sfContext(fetch), object, null, Date.parse('2024-02-01T00:00:00Z'));
    expect(calls[0]?.url.pathname).toBe('/services/data/v60.0/queryAll');
    expect(calls[0]?.url.searchParams.get('q')).toMatch(
      / WHERE SystemModstamp >= 2024-02-01T00:00:00Z AND IsDeleted = false ORDER BY SystemModstamp ASC, Id ASC$/,
    );
    await salesforceAdapter.fetchPage(F.sfContext(fetch), object, null, null);
    expect(calls[1]?.url.searchParams.get('q')).toMatch(/ WHERE IsDeleted = false ORDER BY/);
    await salesforceAdapter.fetchPage(F.sfContext(fetch), 'opportunities', null, null);
    expect(calls[2]?.url.pathname).toBe('/services/data/v60.0/query'); // other objects: query, which leaves the recycle bin out
  });

  it('an expired query locator restarts the pass from the last SystemModstamp read', async () => {
    const calls: F.SfCall[] = [];
    let expired = false;
    const fetch = F.sfFetch((url) => {
      if (url.pathname === NEXT) {
        expired = true;
        return F.limitResponse(F.sfError('INVALID_QUERY_LOCATOR', 'invalid query locator'), 400);
      }
      return F.limitResponse(expired ? F.queryResult([F.OPP_OPEN]) : F.queryResult([F.OPP_WON], NEXT, 2));
    }, calls);
    const ctx = F.sfContext(fetch);
    const first = await salesforceAdapter.fetchPage(ctx, 'opportunities', null, null);
    const second = await salesforceAdapter.fetchPage(ctx, 'opportunities', first.nextCursor, null);
    expect(calls[2]?.url.searchParams.get('q')).toContain('WHERE SystemModstamp >= 2024-03-01T09:15:22Z'); // OPP_WON's stamp
    expect(second.records.deal?.map((d) => d.externalId)).toEqual(['0065e00000AbCdGAAV']);
  });

  it('refuses a nextRecordsUrl that leaves the REST API', async () => {
    const fetch = F.sfFetch(() => F.limitResponse(F.queryResult([F.OPP_WON], 'https://evil.example/steal')));
    const first = await salesforceAdapter.fetchPage(F.sfContext(fetch), 'opportunities', null, null);
    const error = await failure(salesforceAdapter.fetchPage(F.sfContext(fetch), 'opportunities', first.nextCursor, null));
    expect(error.kind).toBe('bad-response');
  });
});

describe('Salesforce errors', () => {
  it('INVALID_SESSION_ID → auth, asking the rep to reload the Salesforce tab', async () => {
    const fetch = F.sfFetch(() => F.limitResponse(F.sfError('INVALID_SESSION_ID', 'Session expired or invalid'), 401));
    const error = await failure(salesforceAdapter.fetchPage(F.sfContext(fetch), 'users', null, null));
    expect(error.kind).toBe('auth');
    expect(error.userAction).toMatch(/Reload your Salesforce tab/);
  });

  it('API_DISABLED_FOR_ORG stops the whole run (auth), saying how API access and API Access Control orgs connect', async () => {
    const fetch = F.sfFetch(() => F.limitResponse(F.sfError('API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner'), 403));
    const error = await failure(salesforceAdapter.fetchPage(F.sfContext(fetch), 'users', null, null));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('Salesforce does not let this sign-in use its API (API_DISABLED_FOR_ORG: API is not enabled for this Organization or Partner)');
    expect(error.userAction).toContain('API Access Control');
    expect(error.userAction).toContain('connect with OAuth');
  });

  it('REQUEST_LIMIT_EXCEEDED (HTTP 403) → budget-exhausted, not forbidden', async () => {
    const fetch = F.sfFetch(() => F.limitResponse(F.sfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), 403, 15000, 15000));
    const error = await failure(salesforceAdapter.fetchPage(F.sfContext(fetch), 'accounts', null, null));
    expect([error.kind, error.retryAfterMs]).toEqual(['budget-exhausted', 3_600_000]);
  });

  it.each(['ConcurrentRequests (Concurrent API Requests) Limit exceeded.', 'ConcurrentPerOrgLongTxn Limit exceeded.'])(
    'REQUEST_LIMIT_EXCEEDED for long-running requests ("%s") waits half a minute, not an hour',
    async (message) => {
      const fetch = F.sfFetch(() => F.limitResponse(F.sfError('REQUEST_LIMIT_EXCEEDED', message), 403, 900, 15000));
      const error = await failure(salesforceAdapter.fetchPage(F.sfContext(fetch), 'accounts', null, null));
      expect([error.kind, error.retryAfterMs]).toEqual(['rate-limit', 30_000]);
    },
  );

  it('INVALID_TYPE for ForecastingQuota (no forecasting in the org) skips quotas quietly', async () => {
    const fetch = F.sfFetch(() => F.limitResponse(F.sfError('INVALID_TYPE', "sObject type 'ForecastingQuota' is not supported."), 400));
    const page = await salesforceAdapter.fetchPage(F.sfContext(fetch), 'quotas', null, null);
    expect(page).toEqual({ records: {}, rejects: [], nextCursor: null });
  });

  it('INVALID_TYPE elsewhere is forbidden; 429 is a rate limit; HTML is a bad response', async () => {
    const invalid = F.sfFetch(() => F.limitResponse(F.sfError('INVALID_TYPE', 'nope'), 400));
    expect((await failure(salesforceAdapter.fetchPage(F.sfContext(invalid), 'events', null, null))).kind).toBe('forbidden');
    const busy = F.sfFetch(() => new Response('', { status: 429, headers: { 'retry-after': '5' } }));
    expect((await failure(salesforceAdapter.fetchPage(F.sfContext(busy), 'events', null, null))).retryAfterMs).toBe(5000);
    const html = F.sfFetch(() => new Response('<html>Login</html>', { status: 200 }));
    expect((await failure(salesforceAdapter.fetchPage(F.sfContext(html), 'events', null, null))).kind).toBe('bad-response');
  });

  it('whoAmI and the org settings', async () => {
    const fetch = F.sfFetch((url, soql) => {
      if (url.pathname.endsWith('/chatter/users/me')) return F.limitResponse({ id: '0055e000001AbCdAAK', name: 'Alex Rep' });
      if (soql?.includes('FROM Organization')) return F.limitResponse(F.queryResult([{ attributes: { type: 'Organization' }, DefaultCurrencyIsoCode: 'EUR' }]));
      return F.limitResponse(F.sfError('INVALID_TYPE', "sObject type 'CurrencyType' is not supported."), 400);
    });
    const ctx = F.sfContext(fetch);
    await expect(salesforceAdapter.whoAmI(ctx)).resolves.toEqual({ ownerId: '0055e000001AbCdAAK', name: 'Alex Rep' });
    await expect(readOrgSettings(ctx)).resolves.toEqual({ currency: 'EUR', multiCurrency: false });
  });
});
