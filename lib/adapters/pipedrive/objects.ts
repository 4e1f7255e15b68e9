import type { RecordType } from '../../model';
import { CrmError } from '../errors';
import { mapItems, type Mapped } from '../map';
import type { FetchedPage, ObjectSpec } from '../types';
import type { PipedriveContext } from './client';
import { encodeCursor } from '../cursor';
import { fetchDeals } from './fetch-deals';
import { fetchGoals } from './fetch-goals';
import { mapActivity, mapCallLog } from './map-activities';
import { mapPipeline, mapProduct, mapStage } from './map-catalog';
import type { MapContext } from './map-common';
import { mapLead, mapOrganization, mapUser } from './map-people';
import { deletedId, pageLimit, rfc3339, v1Page, v2Page, type CursorState } from './paging';

/** Sync order: users, pipelines and stages first, as deals and activities refer to them. */
export const PIPEDRIVE_OBJECTS = [
  { name: 'users', produces: ['owner'], incremental: false },
  { name: 'pipelines', produces: ['pipeline'], incremental: false },
  { name: 'stages', produces: ['stage'], incremental: false },
  { name: 'products', produces: ['product'], incremental: true },
  { name: 'organizations', produces: ['customer'], incremental: true },
  { name: 'deals', produces: ['deal'], incremental: true },
  { name: 'activities', produces: ['activity'], incremental: true },
  { name: 'callLogs', produces: ['activity'], incremental: false },
  { name: 'leads', produces: ['lead'], incremental: true },
  { name: 'goals', produces: ['quota', 'target'], incremental: false },
] as const satisfies readonly ObjectSpec[];

/**
 * How a phase reads changes since the chain's `since`: with `updated_since`
 * where the endpoint declares it, or not at all (lists read whole each run).
 */
type Phase = { path: string; since: 'updated_since' | 'none' };

type ListSpec = {
  version: 'v1' | 'v2';
  /** v1 `/users` declares no `start` or `limit`: it answers every user at once. */
  unpaged?: boolean;
  /** One per pass (leads: the inbox, then the archive). */
  phases: readonly Phase[];
  recordType: RecordType;
  /** Pipedrive reports deletions of this object through `is_deleted`. */
  tracksDeletes: boolean;
  maxLimit: number;
  map: (raw: unknown, ctx: MapContext) => Mapped;
};

const whole = (path: string): Phase[] => [{ path, since: 'none' }];
const changed = (path: string): Phase[] => [{ path, since: 'updated_since' }];

const LISTS: Readonly<Record<string, ListSpec>> = {
  users: { version: 'v1', unpaged: true, phases: whole('/users'), recordType: 'owner', tracksDeletes: false, maxLimit: 500, map: mapUser },
  pipelines: { version: 'v2', phases: whole('/pipelines'), recordType: 'pipeline', tracksDeletes: true, maxLimit: 500, map: mapPipeline },
  stages: { version: 'v2', phases: whole('/stages'), recordType: 'stage', tracksDeletes: true, maxLimit: 500, map: mapStage },
  products: { version: 'v2', phases: changed('/products'), recordType: 'product', tracksDeletes: true, maxLimit: 500, map: mapProduct },
  organizations: { version: 'v2', phases: changed('/organizations'), recordType: 'customer', tracksDeletes: true, maxLimit: 500, map: mapOrganization },
  activities: { version: 'v2', phases: changed('/activities'), recordType: 'activity', tracksDeletes: true, maxLimit: 500, map: mapActivity },
  callLogs: { version: 'v1', phases: whole('/callLogs'), recordType: 'activity', tracksDeletes: false, maxLimit: 50, map: mapCallLog },
  // `/v1/leads/archived` declares no `updated_since` and no sort direction (shared/contracts/pipedrive/openapi-v1.yaml;
  // see contract-requests.test.ts), so the archive is read whole each run: a lead archived since the last one is seen.
  leads: {
    version: 'v1',
    phases: [
      { path: '/leads', since: 'updated_since' },
      { path: '/leads/archived', since: 'none' },
    ],
    recordType: 'lead',
    tracksDeletes: false,
    maxLimit: 500,
    map: mapLead,
  },
};

async function fetchList(ctx: PipedriveContext, mctx: MapContext, spec: ListSpec, state: CursorState): Promise<FetchedPage> {
  const phase = spec.phases[state.phase];
  if (!phase) return { records: {}, rejects: [], nextCursor: null };
  const query = {
    limit: spec.unpaged ? undefined : pageLimit(ctx.pageSize, spec.maxLimit),
    updated_since: phase.since === 'updated_since' && state.since !== null ? rfc3339(state.since) : undefined,
  };
  const page =
    spec.version === 'v2' ? await v2Page(ctx, phase.path, state.c, query) : await v1Page(ctx, phase.path, spec.unpaged ? undefined : (state.s ?? 0), query);
  const deleted: string[] = [];
  const live = page.items.filter((raw) => {
    const id = spec.tracksDeletes ? deletedId(raw) : undefined;
    if (id !== undefined) deleted.push(id);
    return id === undefined;
  });
  const { records, rejects } = mapItems(live, (raw) => spec.map(raw, mctx));
  const next: CursorState | null = page.next
    ? { ...state, ...page.next }
    : state.phase + 1 < spec.phases.length
      ? { phase: state.phase + 1, since: state.since }
      : null;
  return {
    records,
    rejects,
    deleted: deleted.length ? { [spec.recordType]: deleted } : undefined,
    nextCursor: next ? encodeCursor(next) : null,
    budget: page.budget,
  };
}

export async function fetchObject(ctx: PipedriveContext, mctx: MapContext, object: string, state: CursorState): Promise<FetchedPage> {
  if (object === 'deals') return fetchDeals(ctx, mctx, state);
  if (object === 'goals') return fetchGoals(ctx, mctx);
  const spec = LISTS[object];
  if (!spec)
    throw new CrmError('bad-response', `Pipedrive has no object "${object.slice(0, 50)}" in KPI Lens`, 'Update KPI Lens; this is a bug if it repeats.');
  return fetchList(ctx, mctx, spec, state);
}
