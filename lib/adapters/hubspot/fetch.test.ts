import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { CrmError } from '../errors';
import { SEARCH_CAP } from './fetch';
import { hubspotAdapter } from './index';

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}
const company = (id: string, modified: string) => H.crmObject(id, { name: `Co ${id}`, hs_lastmodifieddate: modified });

describe('HubSpot paging', () => {
  it('full sync: list endpoint with properties, `after` passed back until no paging.next', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /crm/v3/objects/companies': (url) =>
          url.searchParams.get('after') === 'abc'
            ? H.wire.list({ results: [company('2', '2024-01-02T00:00:00Z')] })
            : H.wire.list({ results: [company('1', '2024-01-01T00:00:00Z')], paging: { next: { after: 'abc' } } }),
      },
      calls,
    );
    const ctx = H.hsContext(fetch);
    const first = await hubspotAdapter.fetchPage(ctx, 'companies', null, null);
    expect(calls[0]?.url.searchParams.get('properties')).toContain('hs_lastmodifieddate');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer pat-na1-test');
    const second = await hubspotAdapter.fetchPage(ctx, 'companies', first.nextCursor, null);
    expect(calls[1]?.url.searchParams.get('after')).toBe('abc');
    expect([first.records.customer?.[0]?.externalId, second.records.customer?.[0]?.externalId]).toEqual(['1', '2']);
    // the live list is done: the archived (deleted) pass comes next, over every archived company (a full run)
    expect(JSON.parse(second.nextCursor ?? 'null')).toEqual({ archived: true, since: null });
  });

  it('incremental: search with hs_lastmodifieddate GTE since, ascending; contacts search on lastmodifieddate', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'POST /crm/v3/objects/companies/search': () => H.wire.search({ total: 0, results: [] }),
        'POST /crm/v3/objects/contacts/search': () => H.wire.search({ total: 0, results: [] }),
      },
      calls,
    );
    const since = Date.parse('2024-02-01T00:00:00Z');
    await hubspotAdapter.fetchPage(H.hsContext(fetch), 'companies', null, since);
    expect(calls[0]?.body).toMatchObject({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(since) }] }],
      sorts: ['hs_lastmodifieddate'], // a bare property name sorts ascending (see contract.test.ts)
      limit: 200,
      after: '0',
    });
    await hubspotAdapter.fetchPage(H.hsContext(fetch), 'contacts', null, since);
    expect(calls[1]?.body).toMatchObject({ filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate' }] }] });
  });

  it('near the 10,000-result cap the search window moves to the newest modified date read and paging restarts', async () => {
    const calls: H.HsCall[] = [];
    const newest = '2024-02-15T08:00:00Z';
    const fetch = H.hsFetch(
      {
        'POST /crm/v3/objects/companies/search': (_, body) => {
          const after = (body as { after?: string }).after;
          const next = after === '0' ? '200' : String(SEARCH_CAP - 100);
          return H.wire.search({ total: 25_000, results: [company('1', '2024-02-10T00:00:00Z'), company('2', newest)], paging: { next: { after: next } } });
        },
      },
      calls,
    );
    const ctx = H.hsContext(fetch);
    const since = Date.parse('2024-02-01T00:00:00Z');
    const first = await hubspotAdapter.fetchPage(ctx, 'companies', null, since);
    expect(JSON.parse(first.nextCursor ?? '{}')).toMatchObject({ after: '200', since });
    const second = await hubspotAdapter.fetchPage(ctx, 'companies', first.nextCursor, since);
    // after 9,900 + 200 per page would pass 10,000: a new window from the newest hs_lastmodifieddate, no `after`
    expect(JSON.parse(second.nextCursor ?? '{}')).toEqual({ since: Date.parse(newest) });
    await hubspotAdapter.fetchPage(ctx, 'companies', second.nextCursor, since);
    expect(calls[2]?.body).toMatchObject({ filterGroups: [{ filters: [{ value: String(Date.parse(newest)) }] }] });
    expect((calls[2]?.body as { after?: string }).after).toBe('0'); // a new window starts at its first page
    expect(first.totalEstimate).toBe(25_000);
  });

  it('owners: active ones, then archived ones (inactive, kept)', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /crm/v3/owners': (url) =>
          H.wire.owners({ results: url.searchParams.get('archived') === 'true' ? [{ ...H.OWNER, id: '599', archived: true, teams: [] }] : [H.OWNER] }),
      },
      calls,
    );
    const first = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'owners', null, null);
    const second = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'owners', first.nextCursor, null);
    expect(second.records.owner?.[0]).toMatchObject({ externalId: '599', active: false });
    expect(second.nextCursor).toBeNull();
  });
});

describe('HubSpot failures and budget', () => {
  it('reports the daily allocation from X-HubSpot-RateLimit-Daily headers', async () => {
    const fetch = H.hsFetch({
      'GET /crm/v3/pipelines/deals': () =>
        jsonResponse(H.wire.pipelines(H.PIPELINES), 200, { 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '249000' }),
    });
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'pipelines', null, null);
    expect(page.budget).toEqual({ label: 'API requests (day)', remaining: 249000, limit: 250000 });
  });

  it('429 in the 10-second window → rate-limit with Retry-After; the DAILY policy → budget-exhausted', async () => {
    const secondly = H.hsFetch({
      'GET /crm/v3/pipelines/deals': () =>
        jsonResponse(
          { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
          429,
          { 'retry-after': '1' },
        ),
    });
    expect(await failure(hubspotAdapter.fetchPage(H.hsContext(secondly), 'pipelines', null, null))).toMatchObject({ kind: 'rate-limit', retryAfterMs: 1000 });
    const daily = H.hsFetch({
      'GET /crm/v3/pipelines/deals': () =>
        jsonResponse({ status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY' }, 429),
    });
    const error = await failure(hubspotAdapter.fetchPage(H.hsContext(daily), 'pipelines', null, null));
    // HubSpot renews the day at midnight in the account's zone, which the token does not tell: ask again at the next whole hour.
    expect([error.kind, error.retryAfterMs]).toEqual(['budget-exhausted', 3600_000]); // 12:00 UTC → 13:00
  });

  it('401 → auth asking for a valid private app token; 403 on goals skips them quietly', async () => {
    const expired = H.hsFetch({
      'GET /crm/v3/owners': () => jsonResponse({ status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }, 401),
    });
    const error = await failure(hubspotAdapter.fetchPage(H.hsContext(expired), 'owners', null, null));
    expect(error.kind).toBe('auth');
    expect(error.userAction).toMatch(/private app token/);
    const noScope = H.hsFetch({
      'GET /crm/v3/objects/goal_targets': () =>
        jsonResponse({ status: 'error', message: 'This app hasn’t been granted all required scopes', category: 'MISSING_SCOPES' }, 403),
    });
    expect(await hubspotAdapter.fetchPage(H.hsContext(noScope), 'goals', null, null)).toEqual({ records: {}, rejects: [], nextCursor: null });
  });

  it('a garbage body is a bad response; a malformed item is rejected and the rest kept', async () => {
    const garbage = H.hsFetch({ 'GET /crm/v3/objects/companies': () => new Response('<html>', { status: 200 }) });
    expect((await failure(hubspotAdapter.fetchPage(H.hsContext(garbage), 'companies', null, null))).kind).toBe('bad-response');
    const mixed = H.hsFetch({
      'GET /crm/v3/objects/companies': () => ({
        results: [company('1', '2024-01-01T00:00:00Z'), { id: 'x1', properties: 'none' }, company('3', '2024-01-03T00:00:00Z')],
      }),
    });
    const page = await hubspotAdapter.fetchPage(H.hsContext(mixed), 'companies', null, null);
    expect(page.records.customer?.map((c) => c.externalId)).toEqual(['1', '3']);
    expect(page.rejects).toHaveLength(1);
    expect(page.rejects[0]?.reason).toMatch(/not a HubSpot company as documented/);
  });
});
