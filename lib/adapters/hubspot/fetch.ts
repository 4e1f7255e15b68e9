import { z } from '../../model/zod';
import { CrmError, isCrmError } from '../errors';
import { mapItems, type Mapped } from '../map';
import { Pager } from '../pager';
import type { FetchedPage } from '../types';
import { HUBSPOT_LABEL, hubspotRequest, type HubspotContext } from './client';
import { mapCall, mapEmail, mapMeeting } from './map-activities';
import { type MapContext } from './map-common';
import { mapDeal } from './map-deals';
import { mapCompany, mapContact, mapGoal, mapOwner, mapPipeline } from './map-records';
import type { HubspotObject } from './objects';
import { associations, lineItemsByDeal } from './related';
import { archivedPage } from './archived';
import { pageLimit, parseList } from './list';
import { pipelinesSchema } from './schemas';
import { dealStageIds, stageDateProperties } from './stage-history';
import { unreadableHistoryNote } from '../stage-visits';

/**
 * Where a chain stands: HubSpot's `after` token, the window start of a search
 * (`since`, ms; null = full list), the newest last-modified value read, and
 * whether the archived ones are being read: for owners the inactive owners
 * (kept), for CRM objects the second pass, the deleted ones (removed locally;
 * there `since` is the run's own, see archived.ts).
 */
export const cursorSchema = z.lazy(() =>
  z.object({
    after: z.string().max(200).optional(),
    since: z.number().nullable().default(null),
    last: z.number().optional(),
    archived: z.boolean().optional(),
    /** Deals: the pipeline stage ids whose date-entered properties the chain asks for (stage-history.ts), read once per chain. */
    stages: z.array(z.string().min(1).max(100)).max(2000).optional(),
  }),
);
export type HubspotCursor = z.infer<typeof cursorSchema>;

/** The search API refuses to page past 10,000 results per query. */
export const SEARCH_CAP = 10_000;

function ids(items: readonly unknown[]): string[] {
  return items.flatMap((raw) => {
    const id = (raw as { id?: unknown } | null)?.id;
    return typeof id === 'string' && /^\d{1,20}$/.test(id) ? [id] : [];
  });
}

/**
 * A page of a CRM object: the list endpoint for a full sync, the search API
 * with `modified >= since` sorted ascending for an incremental one. Near the
 * search cap the window moves forward to the newest modified value read and
 * paging starts over, so no query ever pages past 10,000 results.
 */
async function crmPage(ctx: HubspotContext, spec: HubspotObject, state: HubspotCursor, extra: readonly string[] = []) {
  const props = [...(spec.properties ?? []), ...extra];
  if (state.since === null) {
    const size = pageLimit(ctx, 100);
    const query = new URLSearchParams({ limit: String(size), properties: props.join(','), archived: 'false' });
    if (state.after) query.set('after', state.after);
    const { body, budget } = await hubspotRequest(ctx, 'GET', `/crm/v3/objects/${spec.type}?${query}`);
    const list = parseList(body, spec.type ?? '');
    const next = list.paging?.next?.after;
    return { items: list.results, budget, total: list.total ?? undefined, next: next ? { ...state, after: next } : null };
  }
  const size = pageLimit(ctx, 200);
  const modified = spec.modified ?? 'hs_lastmodifieddate';
  const { body, budget } = await hubspotRequest(
    ctx,
    'POST',
    `/crm/v3/objects/${spec.type}/search`,
    searchBody(modified, state.since, props, size, state.after),
  );
  const list = parseList(body, `${spec.type ?? ''} search`);
  let last = state.last;
  for (const raw of list.results) {
    const value = (raw as { properties?: Record<string, unknown> } | null)?.properties?.[modified];
    const ms = typeof value === 'string' ? (/^\d+$/.test(value) ? Number(value) : Date.parse(value)) : Number.NaN;
    if (Number.isFinite(ms) && (last === undefined || ms > last)) last = ms;
  }
  const after = list.paging?.next?.after;
  let next: HubspotCursor | null = null;
  if (after) {
    // Records modified at the window's very start would repeat forever; step past that millisecond.
    if (Number(after) + size > SEARCH_CAP) next = { since: last !== undefined && last > state.since ? last : state.since + 1 };
    else next = { ...state, after, last };
  }
  return { items: list.results, budget, total: list.total ?? undefined, next };
}

/**
 * The search request, in the one form HubSpot's guide, its API reference and
 * its official client all accept (each conflict, its sources and why this form,
 * in contract.test.ts): every field the reference requires, `sorts` as a
 * property name (ascending; the reference types sorts as strings, the guide
 * shows objects, the client documents both), and an explicit first `after` of
 * "0" (the reference requires it, the guide's minimal request omits it, the
 * client says to start at 0).
 */
export function searchBody(modified: string, since: number, properties: readonly string[], limit: number, after: string | undefined) {
  return {
    filterGroups: [{ filters: [{ propertyName: modified, operator: 'GTE', value: String(since) }] }],
    sorts: [modified],
    properties: [...properties],
    limit,
    after: after ?? '0',
  };
}

/** Where the deleted-objects pass of a run starts: the archive's first page, reporting objects archived since the run's `since`. */
function archivedPass(runSince: number | null): HubspotCursor {
  return { archived: true, since: runSince };
}

async function crmObjects(ctx: HubspotContext, mctx: MapContext, spec: HubspotObject, state: HubspotCursor, runSince: number | null): Promise<FetchedPage> {
  // At most 500 stage ids ride in the cursor; the URL budget (stage-history.ts) asks for fewer anyway.
  const stages = spec.name === 'deals' ? (state.stages ?? (await dealStageIds(ctx)).slice(0, 500)) : undefined;
  const page = await crmPage(ctx, spec, state, stages ? stageDateProperties(stages) : []);
  const pageIds = ids(page.items);
  const related = new Map<string, Map<string, string[]>>();
  for (const target of spec.associations ?? []) related.set(target, await associations(ctx, spec.type ?? '', target, pageIds));
  let mapper: (raw: unknown) => Mapped;
  const extraRejects: FetchedPage['rejects'] = [];
  const unreadableStageDates: unknown[] = [];
  const firstOf = (target: string) =>
    new Map([...(related.get(target) ?? new Map<string, string[]>())].flatMap(([id, to]) => (to[0] ? [[id, to[0]] as const] : [])));
  if (spec.name === 'deals') {
    // Only string ids can have line items (see `ids`); String() of an object id such as {"toString":1} would throw.
    const currencies = new Map(
      page.items.map((raw) => [(raw as { id?: unknown } | null)?.id, (raw as { properties?: Record<string, unknown> } | null)?.properties?.deal_currency_code]),
    );
    const { lines, rejects } = await lineItemsByDeal(ctx, related.get('line_items') ?? new Map(), (id) => {
      const code = currencies.get(id);
      return typeof code === 'string' && code ? code : mctx.currency;
    });
    extraRejects.push(...rejects);
    const companies = firstOf('companies');
    mapper = (raw) => mapDeal(raw, mctx, { lines, companies, stages: stages ?? [], unreadable: unreadableStageDates });
  } else {
    const deals = firstOf('deals');
    const byName: Record<string, (raw: unknown) => Mapped> = {
      calls: (raw) => mapCall(raw, mctx, deals),
      emails: (raw) => mapEmail(raw, mctx, deals),
      meetings: (raw) => mapMeeting(raw, mctx, deals),
      companies: (raw) => mapCompany(raw, mctx),
      contacts: (raw) => mapContact(raw, mctx),
    };
    mapper = byName[spec.name] ?? (() => ({ type: 'unknown', reject: `no mapper for ${spec.name}` }));
  }
  const { records, rejects } = mapItems(page.items, mapper);
  extraRejects.push(...unreadableHistoryNote(HUBSPOT_LABEL, unreadableStageDates));
  // The search window may have moved past the run's `since` (see crmPage); the deleted pass asks from the run's own.
  const next = page.next ? { ...page.next, stages } : archivedPass(runSince);
  return {
    records,
    rejects: [...rejects, ...extraRejects],
    nextCursor: JSON.stringify(next),
    pageKey: pageKey(next),
    totalEstimate: page.total,
    budget: page.budget,
  };
}

async function ownersPage(ctx: HubspotContext, mctx: MapContext, state: HubspotCursor): Promise<FetchedPage> {
  const query = new URLSearchParams({ limit: String(pageLimit(ctx, 500)), archived: String(state.archived === true) });
  if (state.after) query.set('after', state.after);
  const { body, budget } = await hubspotRequest(ctx, 'GET', `/crm/v3/owners?${query}`);
  const list = parseList(body, 'owners');
  const { records, rejects } = mapItems(list.results, (raw) => mapOwner(raw, mctx));
  const after = list.paging?.next?.after;
  const next = after ? { ...state, after } : state.archived ? null : { since: null, archived: true };
  return { records, rejects, nextCursor: next ? JSON.stringify(next) : null, budget };
}

/** Owners by HubSpot user id, for goals (assigned to users, not owners). */
async function ownerIdsByUser(ctx: HubspotContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const pager = new Pager(HUBSPOT_LABEL, 'owners');
  let after: string | undefined;
  do {
    const { body } = await hubspotRequest(ctx, 'GET', `/crm/v3/owners?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    const list = parseList(body, 'owners');
    for (const raw of list.results) {
      const o = raw as { id?: unknown; userId?: unknown } | null;
      if (typeof o?.id === 'string' && typeof o.userId === 'number') out.set(String(o.userId), o.id);
    }
    after = list.paging?.next?.after;
  } while (pager.next(after));
  return out;
}

/** What the next request asks (the newest modified value read, `last`, rides along but asks nothing). */
function pageKey(cursor: HubspotCursor): string {
  return JSON.stringify({ archived: cursor.archived === true, since: cursor.since, after: cursor.after ?? null });
}

/**
 * One page of one object. CRM objects and goals run in two passes: the live
 * records changed in the window, then the archived (deleted) ones since
 * `runSince` (the `since` the engine gave the run; null for a full one).
 */
export async function fetchHubspotPage(
  ctx: HubspotContext,
  mctx: MapContext,
  spec: HubspotObject,
  state: HubspotCursor,
  runSince: number | null,
): Promise<FetchedPage> {
  switch (spec.kind) {
    case 'owners':
      return ownersPage(ctx, mctx, state);
    case 'pipelines': {
      const { body, budget } = await hubspotRequest(ctx, 'GET', '/crm/v3/pipelines/deals');
      const parsed = pipelinesSchema.safeParse(body);
      if (!parsed.success)
        throw new CrmError(
          'bad-response',
          `${HUBSPOT_LABEL}'s pipelines answer is not shaped as documented`,
          'If this repeats, report it to KPI Lens with the sync log.',
        );
      return { ...mapItems(parsed.data.results, (raw) => mapPipeline(raw, mctx)), nextCursor: null, budget };
    }
    case 'goals':
      try {
        if (state.archived) return await archivedPage(ctx, spec, state);
        const page = await crmPage(ctx, spec, { ...state, since: null });
        const owners = await ownerIdsByUser(ctx);
        const next = page.next ?? archivedPass(runSince);
        return { ...mapItems(page.items, (raw) => mapGoal(raw, mctx, owners)), nextCursor: JSON.stringify(next), pageKey: pageKey(next), budget: page.budget };
      } catch (error) {
        // Accounts without goals (or a token without the goals scope) have no quotas to read.
        if (isCrmError(error) && error.kind === 'forbidden') return { records: {}, rejects: [], nextCursor: null };
        throw error;
      }
    default:
      return state.archived ? archivedPage(ctx, spec, state) : crmObjects(ctx, mctx, spec, state, runSince);
  }
}
