import type { CollectionResponsePipelineNoPaging } from '@hubspot/api-client/lib/codegen/crm/pipelines';
import { PublicObjectSearchRequest, SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/deals';
import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import { stageAt } from '../test-stage-at';
import { fakePortal } from './test-fake-portal';
import { hubspotAdapter } from './index';
import { dealVisits, STAGE_PROPERTIES_MAX_CHARS, stageDateProperties } from './stage-history';

/**
 * Stage history from HubSpot's date-entered deal properties. HubSpot's OpenAPI files are not in the
 * repository (not licensed for redistribution); the request and object shapes are checked against
 * `@hubspot/api-client`'s generated models (ISC), as contract.test.ts does:
 * - SimplePublicObjectWithAssociations.properties is `{ [key: string]: string | null }`: every
 *   property, `hs_v2_date_entered_<stageId>` included, arrives as a string (or null when never set);
 * - PublicObjectSearchRequest.properties is `Array<string>`: the property names asked for;
 * - the list endpoint takes `properties` as a comma-separated query parameter (client:
 *   `getPage(limit, after, properties, propertiesWithHistory, associations, archived)`).
 * The property names per stage: HubSpot knowledge base, "Deal properties": "Date entered (stage)",
 * internal name `hs_v2_date_entered_{stageId}`, and the older `hs_date_entered_{stageId}`.
 */

const ms = (iso: string) => Date.parse(iso);
const attributes = (model: { getAttributeTypeMap(): { baseName: string; type: string }[] }) =>
  new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));

const SALES: CollectionResponsePipelineNoPaging = {
  results: [
    {
      id: 'default',
      label: 'Sales',
      displayOrder: 0,
      archived: false,
      createdAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-01-01T00:00:00Z'),
      stages: [
        {
          id: 'qualifiedtobuy',
          label: 'Qualified',
          displayOrder: 0,
          archived: false,
          createdAt: new Date('2024-01-01T00:00:00Z'),
          updatedAt: new Date('2024-01-01T00:00:00Z'),
          metadata: { isClosed: 'false', probability: '0.2' },
        },
        {
          id: 'presentationscheduled',
          label: 'Proposal',
          displayOrder: 1,
          archived: false,
          createdAt: new Date('2024-01-01T00:00:00Z'),
          updatedAt: new Date('2024-01-01T00:00:00Z'),
          metadata: { isClosed: 'false', probability: '0.6' },
        },
        {
          id: 'closedwon',
          label: 'Won',
          displayOrder: 2,
          archived: false,
          createdAt: new Date('2024-01-01T00:00:00Z'),
          updatedAt: new Date('2024-01-01T00:00:00Z'),
          metadata: { isClosed: 'true', probability: '1.0' },
        },
      ],
    },
  ],
};

/** A deal that moved Qualified (1 Feb) → Proposal (10 Feb) → Won (20 Feb), as HubSpot returns it. */
const MOVED: SimplePublicObjectWithAssociations = H.crmObject('9100', {
  dealname: 'Umbrella renewal',
  amount: '5000',
  deal_currency_code: 'USD',
  closedate: '2024-02-20T15:00:00Z',
  createdate: '2024-02-01T09:00:00Z',
  dealstage: 'closedwon',
  pipeline: 'default',
  hubspot_owner_id: '501',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  hs_lastmodifieddate: '2024-02-20T15:00:01Z',
  hs_v2_date_entered_qualifiedtobuy: '2024-02-01T09:00:00Z',
  hs_v2_date_entered_presentationscheduled: '2024-02-10T09:00:00Z',
  hs_v2_date_entered_closedwon: '2024-02-20T15:00:00Z',
  hs_date_entered_qualifiedtobuy: '2024-02-01T09:00:00Z',
  hs_date_entered_presentationscheduled: '2024-02-10T09:00:00Z',
  hs_date_entered_closedwon: '2024-02-20T15:00:00Z',
});

describe('HubSpot stage history: the requests (checked against @hubspot/api-client models)', () => {
  it('a full sync lists deals with both date-entered properties of every pipeline stage; the pipelines are read once per chain', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /crm/v3/pipelines/deals': () => H.wire.pipelines(SALES),
        'GET /crm/v3/objects/deals': (url) =>
          H.wire.list(url.searchParams.get('after') ? { results: [H.DEAL_LOST] } : { results: [MOVED], paging: { next: { after: '1' } } }),
      },
      calls,
    );
    const ctx = H.hsContext(fetch, { pageSize: 1 });
    const first = await hubspotAdapter.fetchPage(ctx, 'deals', null, null);
    await hubspotAdapter.fetchPage(ctx, 'deals', first.nextCursor, null);
    expect(calls.filter((c) => c.url.pathname === '/crm/v3/pipelines/deals')).toHaveLength(1); // the second page's cursor carries the stage ids
    const lists = calls.filter((c) => c.url.pathname === '/crm/v3/objects/deals');
    for (const list of lists) {
      const asked = list.url.searchParams.get('properties')!.split(',');
      for (const stage of ['qualifiedtobuy', 'presentationscheduled', 'closedwon'])
        expect(asked).toEqual(expect.arrayContaining([`hs_v2_date_entered_${stage}`, `hs_date_entered_${stage}`]));
    }
    expect(attributes(SimplePublicObjectWithAssociations).get('properties')).toBe('{ [key: string]: string | null; }');
  });

  it('an incremental sync asks the search API for them in its body, a PublicObjectSearchRequest', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /crm/v3/pipelines/deals': () => H.wire.pipelines(SALES),
        'POST /crm/v3/objects/deals/search': () => H.wire.search({ total: 1, results: [MOVED] }),
      },
      calls,
    );
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', null, ms('2024-02-01T00:00:00Z'));
    const body = calls.find((c) => c.url.pathname.endsWith('/search'))?.body as { properties: string[] };
    expect(attributes(PublicObjectSearchRequest).get('properties')).toBe('Array<string>');
    expect(body.properties).toEqual(expect.arrayContaining(['hs_v2_date_entered_presentationscheduled', 'hs_date_entered_presentationscheduled']));
    expect(page.records.deal?.[0]?.stageHistory).toEqual([
      { stageId: 'qualifiedtobuy', enteredAt: ms('2024-02-01T09:00:00Z') },
      { stageId: 'presentationscheduled', enteredAt: ms('2024-02-10T09:00:00Z') },
      { stageId: 'closedwon', enteredAt: ms('2024-02-20T15:00:00Z') },
    ]);
  });

  it('keeps the stage properties within the URL budget: 1,000 stages are not all asked for', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `${1_000_000 + i}`);
    const props = stageDateProperties(ids);
    expect(props.reduce((n, p) => n + p.length + 3, 0)).toBeLessThanOrEqual(STAGE_PROPERTIES_MAX_CHARS);
    // each stage costs "hs_v2_date_entered_1000000%2C" (29) + "hs_date_entered_1000000%2C" (26) = 55 characters: ⌊4000 ÷ 55⌋ = 72 stages
    expect(props).toHaveLength(72 * 2);
  });
});

describe('HubSpot date-entered properties → stage visits', () => {
  const UPDATED = ms('2024-03-01T00:00:00Z');
  // As on the wire: the client's serializer turns the model's Dates into ISO strings.
  const deal = (properties: Record<string, string | null>) => (H.wire.list({ results: [H.crmObject('1', properties)] }) as { results: unknown[] }).results[0];
  const STAGES = ['a', 'b', 'c'];
  it.each([
    [
      'v2 values, in time order whatever the stage order',
      {
        dealstage: 'c',
        hs_v2_date_entered_b: '2024-01-01T00:00:00Z',
        hs_v2_date_entered_a: '2024-01-05T00:00:00Z',
        hs_v2_date_entered_c: '2024-02-01T00:00:00Z',
      },
      [
        ['b', '2024-01-01T00:00:00Z'],
        ['a', '2024-01-05T00:00:00Z'],
        ['c', '2024-02-01T00:00:00Z'],
      ],
      0,
    ],
    [
      'v2 preferred over the older property; the older one where v2 is empty',
      {
        dealstage: 'b',
        hs_v2_date_entered_a: '2024-01-02T00:00:00Z',
        hs_date_entered_a: '2024-01-01T00:00:00Z',
        hs_v2_date_entered_b: null,
        hs_date_entered_b: '1706745600000',
      },
      [
        ['a', '2024-01-02T00:00:00Z'],
        ['b', '2024-02-01T00:00:00Z'],
      ],
      0,
    ],
    [
      'the current stage without a date: entered by the last change (updatedAt)',
      { dealstage: 'b', hs_v2_date_entered_a: '2024-01-02T00:00:00Z' },
      [
        ['a', '2024-01-02T00:00:00Z'],
        ['b', '2024-03-01T00:00:00Z'],
      ],
      0,
    ],
    [
      'an unreadable date is skipped and counted; the rest is kept',
      { dealstage: 'b', hs_v2_date_entered_a: 'last Tuesday', hs_v2_date_entered_b: '2024-01-09T00:00:00Z' },
      [['b', '2024-01-09T00:00:00Z']],
      1,
    ],
    ['no date at all: no history (the engine uses the current stage and says so)', { dealstage: 'b' }, undefined, 0],
  ])('%s', (_name, properties, expected, unreadable) => {
    const out = dealVisits(deal(properties as Record<string, string | null>), STAGES, UPDATED);
    expect(out.visits).toEqual(expected?.map(([stageId, at]) => ({ stageId, enteredAt: ms(at as string) })));
    expect(out.unreadable).toHaveLength(unreadable as number);
  });

  it('a page with unreadable dates carries one counted note and still maps the deal', async () => {
    const broken = H.crmObject('9101', {
      ...MOVED.properties,
      hs_v2_date_entered_presentationscheduled: 'soon',
      hs_date_entered_presentationscheduled: 'soon',
    });
    const fetch = H.hsFetch({
      'GET /crm/v3/pipelines/deals': () => H.wire.pipelines(SALES),
      'GET /crm/v3/objects/deals': () => H.wire.list({ results: [broken] }),
    });
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', null, null);
    expect(page.records.deal?.[0]?.stageHistory?.map((v) => v.stageId)).toEqual(['qualifiedtobuy', 'closedwon']);
    expect(page.rejects).toEqual([
      expect.objectContaining({ recordType: 'unknown', reason: expect.stringContaining('2 HubSpot stage history entries could not be read') }),
    ]);
  });
});

describe('HubSpot stage history through the sync engine and the KPI engine', () => {
  it('a deal that moved Qualified → Proposal → Won is, as of an instant between the moves, in the stage it was in then', async () => {
    const portal = fakePortal();
    portal.setPipelines(SALES);
    portal.put('deals', MOVED);
    const clock = fakeClock();
    const store = memorySyncStore();
    const ctx = H.hsContext(portal.fetch);
    expect(await runSync({ source: ctx.source, adapter: hubspotAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep })).toMatchObject({
      status: 'done',
    });
    const batch = store.snapshot();

    // 5 Feb: entered Qualified 1 Feb, Proposal only on the 10th
    const early = stageAt(batch, ms('2024-02-05T12:00:00Z'), '9100');
    expect(early.deal).toEqual({ stageId: 'qualifiedtobuy', known: true });
    // 15 Feb: in Proposal since the 10th; won on the 20th, so open then
    const mid = stageAt(batch, ms('2024-02-15T12:00:00Z'), '9100');
    expect(mid.deal).toEqual({ stageId: 'presentationscheduled', known: true });
    // Open on 15 Feb: 9100 (Proposal, from its history); DEAL_OPEN (9003) was created 20 Feb; the seed's
    // won and lost deals closed 28 and 10 Feb without date-entered values (their created dates: 5 Jan, 1 Dec)
    expect(mid.byStage.find(([stage]) => stage === 'presentationscheduled')).toEqual(['presentationscheduled', 1]);
    expect(mid.byStage.find(([stage]) => stage === 'qualifiedtobuy')).toBeUndefined();
  });
});
