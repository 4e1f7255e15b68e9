import type { SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/deals';
import * as H from '../../../test/contracts/hubspot';
import type { FetchLike } from '../types';

/**
 * Test support: a small HubSpot portal that changes between syncs. Objects
 * live or archived per type; the list endpoint honours `archived`, `limit`
 * and `after`; the search API filters on the last-modified property (GTE) and
 * sorts ascending; associations and line items as the contract fixtures have
 * them. Wire JSON comes from `@hubspot/api-client`'s own serializer.
 */
type HsObject = SimplePublicObjectWithAssociations;

const SEED: Record<string, HsObject[]> = {
  companies: [H.COMPANY],
  deals: [H.DEAL_WON, H.DEAL_LOST, H.DEAL_OPEN],
  calls: [H.CALL],
  emails: [H.EMAIL],
  meetings: [H.MEETING],
  contacts: [H.CONTACT],
  goal_targets: [H.GOAL],
};

const modifiedProperty = (type: string) => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

export type FakePortal = {
  fetch: FetchLike;
  calls: H.HsCall[];
  /** Adds or replaces a live object. */
  put(type: string, object: HsObject): void;
  /** The rep deletes an object: HubSpot archives it at `at`. */
  archive(type: string, id: string, at: number): void;
  /** HubSpot restores an archived object; the restore modifies it at `at`. */
  restore(type: string, id: string, at: number): void;
  /** The rep edits a live object at `at`. */
  touch(type: string, id: string, at: number, properties?: Record<string, string | null>): void;
  /** Replaces the deal pipelines the portal answers with. */
  setPipelines(pipelines: typeof H.PIPELINES): void;
  /** Answers the next `times` archived lists of `type` with `body` (a broken page). */
  breakArchive(type: string, body: unknown, times: number): void;
};

function page<T>(items: readonly T[], start: number, limit: number): { results: T[]; next?: string } {
  const results = items.slice(start, start + limit);
  return start + limit < items.length ? { results, next: String(start + limit) } : { results };
}

export function fakePortal(): FakePortal {
  const live = new Map(Object.entries(SEED).map(([type, list]) => [type, new Map(list.map((o) => [o.id, o]))]));
  const archived = new Map(Object.keys(SEED).map((type) => [type, new Map<string, HsObject>()]));
  const broken = new Map<string, { body: unknown; times: number }>();
  const calls: H.HsCall[] = [];
  let pipelines = H.PIPELINES;
  const sorted = (table: Map<string, HsObject> | undefined) => [...(table?.values() ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
  const modifiedMs = (type: string, o: HsObject) => Date.parse(o.properties[modifiedProperty(type)] ?? '');

  const routes: Record<string, (url: URL, body: unknown) => unknown> = {
    'GET /crm/v3/owners': (url) => H.wire.owners({ results: url.searchParams.get('archived') === 'true' ? [] : [H.OWNER] }),
    'GET /crm/v3/pipelines/deals': () => H.wire.pipelines(pipelines),
    'POST /crm/v4/associations/deals/line_items/batch/read': () => H.wire.associations(H.associationsOf({ 9001: ['8001', '8002'] })),
    'POST /crm/v4/associations/deals/companies/batch/read': () => H.wire.associations(H.associationsOf({ 9001: ['4001'] })),
    'POST /crm/v4/associations/calls/deals/batch/read': () => H.wire.associations(H.associationsOf({ 7001: ['9003'] })),
    'POST /crm/v4/associations/emails/deals/batch/read': () => H.wire.associations(H.associationsOf({})),
    'POST /crm/v4/associations/meetings/deals/batch/read': () => H.wire.associations(H.associationsOf({})),
    'POST /crm/v3/objects/line_items/batch/read': () => H.wire.lineItems(H.LINE_ITEMS),
  };
  for (const type of Object.keys(SEED)) {
    routes[`GET /crm/v3/objects/${type}`] = (url) => {
      const inArchive = url.searchParams.get('archived') === 'true';
      const fault = inArchive ? broken.get(type) : undefined;
      if (fault && fault.times > 0) {
        fault.times -= 1;
        return fault.body;
      }
      const { results, next } = page(
        sorted((inArchive ? archived : live).get(type)),
        Number(url.searchParams.get('after') ?? 0),
        Number(url.searchParams.get('limit') ?? 10),
      );
      return H.wire.list({ results, paging: next ? { next: { after: next } } : undefined });
    };
    routes[`POST /crm/v3/objects/${type}/search`] = (_, raw) => {
      const body = raw as { filterGroups: { filters: { value: string }[] }[]; after?: string; limit: number };
      const since = Number(body.filterGroups[0]?.filters[0]?.value);
      const matching = sorted(live.get(type))
        .filter((o) => modifiedMs(type, o) >= since)
        .sort((a, b) => modifiedMs(type, a) - modifiedMs(type, b));
      const { results, next } = page(matching, Number(body.after ?? 0), body.limit);
      return H.wire.search({ total: matching.length, results, paging: next ? { next: { after: next } } : undefined });
    };
  }

  const move = (
    from: Map<string, Map<string, HsObject>>,
    to: Map<string, Map<string, HsObject>>,
    type: string,
    id: string,
    change: (o: HsObject) => HsObject,
  ) => {
    const object = from.get(type)?.get(id);
    if (!object) throw new Error(`fake portal: no ${type} ${id} to move`);
    from.get(type)!.delete(id);
    to.get(type)!.set(id, change(object));
  };
  const stamp = (type: string, o: HsObject, at: number, properties: Record<string, string | null> = {}): HsObject => ({
    ...o,
    updatedAt: new Date(at),
    properties: { ...o.properties, ...properties, [modifiedProperty(type)]: new Date(at).toISOString() },
  });

  return {
    fetch: H.hsFetch(routes, calls),
    calls,
    put: (type, object) => void live.get(type)!.set(object.id, object),
    archive: (type, id, at) => move(live, archived, type, id, (o) => ({ ...o, archived: true, archivedAt: new Date(at) })),
    restore: (type, id, at) => move(archived, live, type, id, (o) => stamp(type, { ...o, archived: false, archivedAt: undefined }, at)),
    touch: (type, id, at, properties) => move(live, live, type, id, (o) => stamp(type, o, at, properties)),
    setPipelines: (next) => {
      pipelines = next;
    },
    breakArchive: (type, body, times) => void broken.set(type, { body, times }),
  };
}
