import { describe, expect, it } from 'vitest';
import { firstPageOf, NOW, okExamples, pipedriveContext, routedFetch } from '../../../test/contracts/pipedrive';
import { encodeCursor } from '../cursor';
import { pipedriveAdapter } from './index';

type Row = Record<string, unknown>;
const rows = (example: unknown): Row[] => (example as { data: Row[] }).data;
const APP = 'https://acme.pipedrive.com';
/** Midnight in Berlin in winter is 23:00 UTC the day before (UTC+1). */
const berlinMidnight = (date: string) => Date.parse(`${date}T00:00:00+01:00`);
const products = okExamples('v2', '/deals/products')[0];

describe('Pipedrive v2 response examples → canonical records', () => {
  for (const [path, cursor] of [
    ['/deals', null],
    ['/deals/archived', encodeCursor({ phase: 1, since: null })],
  ] as const) {
    it.each(okExamples('v2', path).map((e, i) => [i, e]))(`${path} example %i: every deal maps, values equal the example`, async (_, example) => {
      const fetch = routedFetch({ [`v2 ${path}`]: example, 'v2 /deals/products': firstPageOf(products) });
      const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'deals', cursor, null);
      const deals = page.records.deal ?? [];
      expect(deals.length + page.rejects.filter((r) => r.recordType === 'deal' && r.raw !== undefined).length).toBe(rows(example).length);
      for (const ex of rows(example)) {
        const deal = deals.find((d) => d.externalId === String(ex.id));
        expect(deal, `deal ${String(ex.id)}`).toBeDefined();
        expect(deal?.status).toBe(ex.status);
        expect(['USD', 'EUR']).toContain(ex.currency); // 2-decimal currencies: minor = major × 100
        expect(deal?.amount).toEqual({ minor: Math.round((ex.value as number) * 100), currency: ex.currency });
        expect(deal?.ownerId).toBe(String(ex.owner_id));
        expect(deal?.customerId).toBe(String(ex.org_id));
        expect([deal?.stageId, deal?.pipelineId]).toEqual([String(ex.stage_id), String(ex.pipeline_id)]);
        expect(deal?.probability).toBe(ex.probability);
        expect(deal?.createdAt).toBe(Date.parse(ex.add_time as string));
        expect(deal?.updatedAt).toBe(Date.parse(ex.update_time as string));
        expect(deal?.expectedCloseAt).toBe(berlinMidnight(ex.expected_close_date as string));
        // an open deal has no close time even when the example carries won/lost times
        expect(deal?.closedAt).toBe(
          ex.status === 'won' ? Date.parse(ex.won_time as string) : ex.status === 'lost' ? Date.parse(ex.lost_time as string) : undefined,
        );
        expect(deal?.channelRaw).toBe(ex.origin);
        expect(deal?.mrr).toEqual({ minor: Math.round((ex.mrr as number) * 100), currency: ex.currency });
        expect(deal?.url).toBe(`${APP}/deal/${String(ex.id)}`);
        const lines = rows(products).filter((p) => p.deal_id === ex.id);
        expect(deal?.lineItems).toEqual(
          lines.map((p) => ({
            productId: String(p.product_id),
            name: p.name,
            quantity: p.quantity,
            unitPrice: { minor: Math.round((p.item_price as number) * 100), currency: p.currency }, // discount 0 in the example
          })),
        );
      }
    });
  }

  it('deals deleted within 30 days are reported in `deleted`, not stored', async () => {
    const example = okExamples('v2', '/deals')[0];
    const calls: { url: URL }[] = [];
    const fetch = routedFetch({ 'v2 /deals': example, 'v2 /deals/products': firstPageOf(products) }, calls);
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'deals', encodeCursor({ phase: 2, since: null }), null);
    expect(calls[0]?.url.searchParams.get('status')).toBe('deleted');
    expect(page.deleted?.deal).toEqual(rows(example).map((d) => String(d.id)));
    expect(page.records.deal ?? []).toEqual([]);
  });

  it.each(okExamples('v2', '/activities').map((e, i) => [i, e]))('/activities example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v2 /activities': example })), 'activities', null, null);
    for (const ex of rows(example)) {
      const a = page.records.activity?.find((r) => r.externalId === String(ex.id));
      expect(a?.subtype).toBe(ex.type);
      expect(a?.done).toBe(ex.done);
      expect(a?.occurredAt).toBe(Date.parse(ex.marked_as_done_time as string)); // done: when marked done
      expect(a?.createdAt).toBe(Date.parse(ex.add_time as string));
      expect([a?.ownerId, a?.dealId, a?.leadId, a?.customerId]).toEqual([String(ex.owner_id), String(ex.deal_id), ex.lead_id, String(ex.org_id)]);
      expect(a?.durationSec).toBe(3600); // "01:00:00" = 1 × 3600 s
      expect(a?.title).toBe(ex.subject);
    }
    expect(page.rejects).toEqual([]);
  });

  it.each(okExamples('v2', '/organizations').map((e, i) => [i, e]))('/organizations example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v2 /organizations': example })), 'organizations', null, null);
    for (const ex of rows(example)) {
      const c = page.records.customer?.find((r) => r.externalId === String(ex.id));
      const address = ex.address as Row;
      expect([c?.name, c?.ownerId, c?.country, c?.region]).toEqual([ex.name, String(ex.owner_id), address.country, address.admin_area_level_1]);
      expect(c?.url).toBe(`${APP}/organization/${String(ex.id)}`);
    }
  });

  it.each(okExamples('v2', '/pipelines').map((e, i) => [i, e]))('/pipelines example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v2 /pipelines': example })), 'pipelines', null, null);
    expect(page.records.pipeline?.map((p) => [p.externalId, p.name, p.order])).toEqual(rows(example).map((p) => [String(p.id), p.name, p.order_nr]));
  });

  it.each(okExamples('v2', '/stages').map((e, i) => [i, e]))('/stages example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v2 /stages': example })), 'stages', null, null);
    expect(page.records.stage?.map((s) => [s.externalId, s.pipelineId, s.name, s.order, s.probability])).toEqual(
      rows(example).map((s) => [String(s.id), String(s.pipeline_id), s.name, s.order_nr, s.deal_probability]),
    );
  });

  it.each(okExamples('v2', '/products').map((e, i) => [i, e]))('/products example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v2 /products': example })), 'products', null, NOW);
    for (const ex of rows(example)) {
      const p = page.records.product?.find((r) => r.externalId === String(ex.id));
      const price = (ex.prices as Row[])[0] as Row;
      expect(p?.unitPrice).toEqual({ minor: Math.round((price.price as number) * 100), currency: price.currency });
      expect(p?.unitCost).toEqual({ minor: Math.round((price.cost as number) * 100), currency: price.currency });
      expect([p?.name, p?.code, p?.category]).toEqual([ex.name, ex.code, ex.category]);
    }
  });
});
