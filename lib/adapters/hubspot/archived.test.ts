import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { CrmError } from '../errors';
import { fakePortal } from './test-fake-portal';
import { hubspotAdapter } from './index';

const FULL = JSON.stringify({ archived: true, since: null });
const archivedDeal = (id: string, archivedAt?: string) => ({
  ...H.crmObject(id, { dealname: `Deal ${id}` }),
  archived: true,
  archivedAt: archivedAt === undefined ? undefined : new Date(archivedAt),
});

describe('HubSpot archived (deleted) objects', () => {
  it('pages through the archived list with `after` and reports each page’s ids as deleted records of the object’s type', async () => {
    const portal = fakePortal();
    for (const id of ['9001', '9002', '9003']) portal.archive('deals', id, Date.parse('2024-03-09T00:00:00Z'));
    const ctx = H.hsContext(portal.fetch, { pageSize: 2 });
    const first = await hubspotAdapter.fetchPage(ctx, 'deals', FULL, null);
    expect(first.deleted).toEqual({ deal: ['9001', '9002'] });
    expect(first.records).toEqual({});
    expect(JSON.parse(first.nextCursor ?? 'null')).toEqual({ archived: true, since: null, after: '2' });
    const second = await hubspotAdapter.fetchPage(ctx, 'deals', first.nextCursor, null);
    expect([second.deleted, second.nextCursor]).toEqual([{ deal: ['9003'] }, null]);
    const asked = portal.calls.map((c) => [
      c.method,
      c.url.pathname,
      c.url.searchParams.get('archived'),
      c.url.searchParams.get('limit'),
      c.url.searchParams.get('after'),
    ]);
    expect(asked).toEqual([
      ['GET', '/crm/v3/objects/deals', 'true', '2', null],
      ['GET', '/crm/v3/objects/deals', 'true', '2', '2'],
    ]);
  });

  it('calls, emails and meetings are activities, contacts leads, companies customers, goals quotas', async () => {
    const portal = fakePortal();
    const at = Date.parse('2024-03-09T00:00:00Z');
    portal.archive('calls', '7001', at);
    portal.archive('emails', '7002', at);
    portal.archive('meetings', '7003', at);
    portal.archive('contacts', '3001', at);
    portal.archive('companies', '4001', at);
    portal.archive('goal_targets', '6001', at);
    const ctx = H.hsContext(portal.fetch);
    const deleted = async (object: string) => (await hubspotAdapter.fetchPage(ctx, object, FULL, null)).deleted;
    expect(await deleted('calls')).toEqual({ activity: ['7001'] });
    expect(await deleted('emails')).toEqual({ activity: ['7002'] });
    expect(await deleted('meetings')).toEqual({ activity: ['7003'] });
    expect(await deleted('contacts')).toEqual({ lead: ['3001'] });
    expect(await deleted('companies')).toEqual({ customer: ['4001'] });
    expect(await deleted('goals')).toEqual({ quota: ['6001'] });
  });

  it('incremental: only objects archived at or after the run’s since (or with no readable archivedAt); full: all of them', async () => {
    const since = Date.parse('2024-03-01T00:00:00Z');
    const results = [
      archivedDeal('1', '2024-02-29T23:59:59.999Z'),
      archivedDeal('2', '2024-03-01T00:00:00Z'),
      archivedDeal('3', '2024-03-05T10:00:00Z'),
      archivedDeal('4'),
    ];
    const fetch = H.hsFetch({ 'GET /crm/v3/objects/deals': () => H.wire.list({ results }) });
    const incremental = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', JSON.stringify({ archived: true, since }), since);
    expect(incremental.deleted).toEqual({ deal: ['2', '3', '4'] });
    const full = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', FULL, null);
    expect(full.deleted).toEqual({ deal: ['1', '2', '3', '4'] });
  });

  it('the last changed-records page leads to the archive with the run’s since, even after the search window moved', async () => {
    const since = Date.parse('2024-02-01T00:00:00Z');
    const moved = Date.parse('2024-02-15T08:00:00Z');
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch({ 'POST /crm/v3/objects/companies/search': () => H.wire.search({ total: 1, results: [H.COMPANY] }) }, calls);
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'companies', JSON.stringify({ since: moved }), since);
    expect(page.records.customer?.map((c) => c.externalId)).toEqual(['4001']);
    expect(JSON.parse(page.nextCursor ?? 'null')).toEqual({ archived: true, since });
    expect(calls[0]?.body).toMatchObject({ filterGroups: [{ filters: [{ value: String(moved) }] }] });
  });

  it('malformed items are rejects (kept locally, explained); an item marked live is never deleted; a broken page is a bad response', async () => {
    const wire = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    const results = [
      wire(archivedDeal('11', '2024-03-09T00:00:00Z')),
      { id: 'x1', archived: true },
      'junk',
      { id: '12', archived: false, properties: {} },
      wire(archivedDeal('13')),
    ];
    const fetch = H.hsFetch({ 'GET /crm/v3/objects/deals': () => ({ results }) });
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', FULL, null);
    expect(page.deleted).toEqual({ deal: ['11', '13'] });
    expect(page.rejects.map((r) => [r.recordType, r.externalId, r.reason])).toEqual([
      ['deal', 'x1', expect.stringMatching(/^an archived HubSpot deals item is not as documented .*expected a numeric HubSpot id/)],
      ['deal', undefined, expect.stringMatching(/^an archived HubSpot deals item is not as documented/)],
      ['deal', '12', 'HubSpot listed deals 12 among the archived ones but marked it live: kept'],
    ]);
    const broken = H.hsFetch({ 'GET /crm/v3/objects/deals': () => new Response('<html>', { status: 200 }) });
    const error = await hubspotAdapter.fetchPage(H.hsContext(broken), 'deals', FULL, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'bad-response' });
  });

  it('no archived object: an empty page and the object is done; a repeated `after` goes on to the pager guard, not taken for the end', async () => {
    const empty = H.hsFetch({ 'GET /crm/v3/objects/calls': () => H.wire.list({ results: [] }) });
    expect(await hubspotAdapter.fetchPage(H.hsContext(empty), 'calls', FULL, null)).toEqual({
      records: {},
      rejects: [],
      deleted: undefined,
      nextCursor: null,
      budget: undefined,
    });
    const stuck = H.hsFetch({ 'GET /crm/v3/objects/calls': () => H.wire.list({ results: [], paging: { next: { after: 'same' } } }) });
    const sent = JSON.stringify({ archived: true, since: null, after: 'same' });
    const page = await hubspotAdapter.fetchPage(H.hsContext(stuck), 'calls', sent, null);
    // The same position again: the engine's guard (lib/adapters/endless-pagers.test.ts) stops the chain with a clear error.
    expect(JSON.parse(page.nextCursor ?? 'null')).toEqual(JSON.parse(sent));
  });

  it('goals: the archive follows the goal list; a token without the goals scope skips it quietly', async () => {
    const fetch = H.hsFetch({
      'GET /crm/v3/objects/goal_targets': () => H.wire.list({ results: [H.GOAL] }),
      'GET /crm/v3/owners': () => H.wire.owners({ results: [H.OWNER] }),
    });
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'goals', null, null);
    expect(page.records.quota?.map((q) => q.externalId)).toEqual(['6001']);
    expect(page.nextCursor).toBe(FULL);
    const noScope = H.hsFetch({
      'GET /crm/v3/objects/goal_targets': () =>
        jsonResponse({ status: 'error', message: 'This app hasn’t been granted all required scopes', category: 'MISSING_SCOPES' }, 403),
    });
    expect(await hubspotAdapter.fetchPage(H.hsContext(noScope), 'goals', FULL, null)).toEqual({ records: {}, rejects: [], nextCursor: null });
  });
});
