import { CrmError } from '../errors';
import { mapItems, type Mapped } from '../map';
import type { AdapterContext, FetchedPage } from '../types';
import { closeGet, type CloseCursor, decodeCursor, encodeCursor, isoInstant, type Params, pageParams, readList } from './client';
import { deletedPage, type DeletedPlan } from './deleted';
import { CLOSE_APP_URL } from './detect';
import { mapCall, mapEmail, mapMeeting } from './map-activities';
import type { CloseMapContext } from './map-common';
import { mapOpportunity } from './map-deals';
import { mapLead, mapPipeline, mapUser } from './map-people';
import { meSchema } from './schemas';

const DAY = 86_400_000;

/**
 * How each object is read. Activity lists filter by creation date only (Close
 * has no `date_updated` filter there), so an incremental chain looks back a
 * little further than `since`: far enough to see a call end (2 days) or an
 * email get opened or answered (14 days). Later edits to older activities wait
 * for the next full sync. Leads, users, pipelines and meetings have no usable
 * date filter and are read whole each time (meetings change status long after
 * they were booked).
 */
type ObjectPlan = {
  path: string;
  map: (raw: unknown, ctx: CloseMapContext, index: number) => Mapped | Mapped[];
  extra?: Params;
  sinceParam?: (since: number) => Params;
  /** Where an incremental run learns what the rep deleted (see deleted.ts). */
  deleted?: DeletedPlan;
};

const PLANS: Record<string, ObjectPlan> = {
  users: { path: '/user/', map: mapUser },
  pipelines: { path: '/pipeline/', map: mapPipeline },
  leads: { path: '/lead/', map: mapLead, deleted: { objectType: 'lead', recordType: 'customer' }, extra: { _fields: 'id,display_name,name,html_url,date_created,date_updated,addresses' } },
  // Ordered by creation: an opportunity edited while the chain pages keeps its place, so none is skipped.
  opportunities: { path: '/opportunity/', map: mapOpportunity, deleted: { objectType: 'opportunity', recordType: 'deal' }, extra: { _order_by: 'date_created' }, sinceParam: (since) => ({ date_updated__gte: isoInstant(since) }) },
  calls: { path: '/activity/call/', map: mapCall, deleted: { objectType: 'activity.call', recordType: 'activity' }, sinceParam: (since) => ({ date_created__gte: isoInstant(since - 2 * DAY) }) },
  emails: { path: '/activity/email/', map: mapEmail, deleted: { objectType: 'activity.email', recordType: 'activity' }, sinceParam: (since) => ({ date_created__gte: isoInstant(since - 14 * DAY) }) },
  meetings: { path: '/activity/meeting/', map: mapMeeting, deleted: { objectType: 'activity.meeting', recordType: 'activity' } },
};

export const CLOSE_OBJECT_NAMES = Object.keys(PLANS);

function mapContext(ctx: AdapterContext): CloseMapContext {
  const appUrl = ctx.appUrl ?? (new URL(ctx.baseUrl).hostname === 'api.close.com' ? CLOSE_APP_URL : new URL(ctx.baseUrl).origin);
  return { source: ctx.source, appUrl: appUrl.replace(/\/+$/, ''), timeZone: ctx.timeZone };
}

/**
 * Where an object goes once its changed records are read: an incremental run
 * (one with a `since`) goes on to the deletions logged since then. A full run
 * is done: it has no `since` to ask the event log from, and it only upserts,
 * so a record deleted in Close before it stays locally until an incremental
 * run sees its deletion event (Close keeps events for 30 days).
 */
function afterChanged(plan: ObjectPlan, since: number | null): string | null {
  return plan.deleted && since !== null ? encodeCursor({ pass: 'deleted', since, events: null }) : null;
}

export async function fetchClosePage(ctx: AdapterContext, object: string, cursor: string | null, since: number | null): Promise<FetchedPage> {
  const plan = PLANS[object];
  if (!plan) throw new CrmError('bad-response', `Close has no object ${object} in KPI Lens`, 'This is a bug in KPI Lens.');
  const stored = decodeCursor(cursor);
  if (stored && 'pass' in stored) {
    if (!plan.deleted) throw new CrmError('bad-response', `the saved Close sync position of ${object} is unreadable`, 'Start a full sync again from KPI Lens options.');
    return deletedPage(ctx, plan.deleted, stored);
  }
  const position: CloseCursor = stored ?? { skip: 0, since: plan.sinceParam ? since : null };
  const params: Params = { ...plan.extra, ...pageParams(ctx, position), ...(position.since !== null && plan.sinceParam ? plan.sinceParam(position.since) : {}) };
  const list = readList(await closeGet(ctx, plan.path, params), object);
  const mapCtx = mapContext(ctx);
  let index = position.skip;
  const page = mapItems(list.items, (raw) => plan.map(raw, mapCtx, index++));
  return {
    ...page,
    nextCursor: list.hasMore ? encodeCursor({ ...position, skip: position.skip + list.items.length }) : afterChanged(plan, since),
    totalEstimate: list.total,
  };
}

export async function closeWhoAmI(ctx: AdapterContext): Promise<{ ownerId: string; name: string }> {
  const me = meSchema.safeParse(await closeGet(ctx, '/me/'));
  if (!me.success) throw new CrmError('bad-response', 'Close did not say who owns the API key', 'Check the API key in KPI Lens options.');
  const name = [me.data.first_name, me.data.last_name].filter((part) => part && part.trim()).join(' ') || me.data.email || me.data.id;
  return { ownerId: me.data.id, name };
}
