import { DAY_MS } from '../../period/units';
import { CrmError } from '../errors';
import { mapItems, type Mapped } from '../map';
import type { AdapterContext, FetchedPage } from '../types';
import { closeGet, type CloseCursor, CloseSkipLimit, decodeCursor, encodeCursor, isoInstant, type Params, pageParams, readList } from './client';
import { deletedPage, type DeletedPlan } from './deleted';
import { CLOSE_APP_URL } from './detect';
import { mapCall, mapEmail, mapMeeting } from './map-activities';
import type { CloseMapContext } from './map-common';
import { mapOpportunity } from './map-deals';
import { mapLead, mapPipeline, mapUser } from './map-people';
import { meSchema } from './schemas';
import { narrow, observe, WINDOW_ITEMS, windowParams } from './window';

/**
 * How each object is read. Activity lists filter by creation date only (Close
 * has no `date_updated` filter there), so an incremental chain looks back a
 * little further than `since`: far enough to see a call end (2 days) or an
 * email get opened or answered (14 days). Later edits to older activities wait
 * for the next full sync. Leads, users, pipelines and meetings have no usable
 * date filter and are read whole each time (meetings change status long after
 * they were booked). Opportunities and activities, the lists that grow without
 * end, are read in `date_created` windows past Close's maximum `_skip`
 * (window.ts); leads have no date filter on their list, so a lead list longer
 * than Close's maximum skip stops with Close's own words.
 */
type ObjectPlan = {
  path: string;
  map: (raw: unknown, ctx: CloseMapContext, index: number) => Mapped | Mapped[];
  extra?: Params;
  /** The incremental filter: `date_updated__gte`, or a `date_created` lower bound looking back `lookBackMs`. */
  since?: { field: 'date_updated' } | { field: 'date_created'; lookBackMs: number };
  /** Paged in `date_created` windows (window.ts). */
  windowed?: boolean;
  /** Where an incremental run learns what the rep deleted (see deleted.ts). */
  deleted?: DeletedPlan;
};

const PLANS: Record<string, ObjectPlan> = {
  users: { path: '/user/', map: mapUser },
  pipelines: { path: '/pipeline/', map: mapPipeline },
  leads: {
    path: '/lead/',
    map: mapLead,
    deleted: { objectType: 'lead', recordType: 'customer' },
    extra: { _fields: 'id,display_name,name,html_url,date_created,date_updated,addresses' },
  },
  // Ordered by creation: an opportunity edited while the chain pages keeps its place, so none is skipped.
  opportunities: {
    path: '/opportunity/',
    map: mapOpportunity,
    deleted: { objectType: 'opportunity', recordType: 'deal' },
    extra: { _order_by: 'date_created' },
    since: { field: 'date_updated' },
    windowed: true,
  },
  calls: {
    path: '/activity/call/',
    map: mapCall,
    deleted: { objectType: 'activity.call', recordType: 'activity' },
    since: { field: 'date_created', lookBackMs: 2 * DAY_MS },
    windowed: true,
  },
  emails: {
    path: '/activity/email/',
    map: mapEmail,
    deleted: { objectType: 'activity.email', recordType: 'activity' },
    since: { field: 'date_created', lookBackMs: 14 * DAY_MS },
    windowed: true,
  },
  meetings: { path: '/activity/meeting/', map: mapMeeting, deleted: { objectType: 'activity.meeting', recordType: 'activity' }, windowed: true },
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
    if (!plan.deleted)
      throw new CrmError('bad-response', `the saved Close sync position of ${object} is unreadable`, 'Start a full sync again from KPI Lens options.');
    return deletedPage(ctx, plan.deleted, stored);
  }
  let position: CloseCursor = stored ?? { skip: 0, since: plan.since ? since : null };
  if (plan.windowed && !position.window) position = { ...position, window: {} };
  let body: unknown;
  try {
    body = await closeGet(ctx, plan.path, requestParams(ctx, plan, position));
  } catch (error) {
    // Close says the skip is past its maximum before the window filled: narrow now and ask again.
    const narrower = error instanceof CloseSkipLimit && position.window ? narrow(position.window) : undefined;
    if (!narrower) throw error;
    position = { ...position, skip: 0, window: narrower };
    body = await closeGet(ctx, plan.path, requestParams(ctx, plan, position));
  }
  const list = readList(body, object);
  const mapCtx = mapContext(ctx);
  let index = position.skip;
  const page = mapItems(list.items, (raw) => plan.map(raw, mapCtx, index++));
  const first = !position.window || (position.window.from === undefined && position.window.to === undefined);
  return { ...page, nextCursor: list.hasMore ? nextPosition(position, list.items) : afterChanged(plan, since), totalEstimate: first ? list.total : undefined };
}

/** The query of one page: the object's own parameters, the page, the incremental filter and the date window. */
function requestParams(ctx: AdapterContext, plan: ObjectPlan, position: CloseCursor): Params {
  const sinceFilter = position.since === null ? undefined : plan.since;
  const floor = sinceFilter?.field === 'date_created' ? position.since! - sinceFilter.lookBackMs : undefined;
  return {
    ...plan.extra,
    ...pageParams(ctx, position),
    ...(sinceFilter?.field === 'date_updated' ? { date_updated__gte: isoInstant(position.since!) } : {}),
    ...(position.window ? windowParams(position.window, floor) : floor !== undefined ? { date_created__gte: isoInstant(floor) } : {}),
  };
}

/** After a page that says more follows: the next skip, or, a window's worth read, the next window from skip 0. */
function nextPosition(position: CloseCursor, items: readonly unknown[]): string {
  const skip = position.skip + items.length;
  if (!position.window) return encodeCursor({ ...position, skip });
  const window = observe(position.window, items);
  const narrower = skip >= WINDOW_ITEMS ? narrow(window) : undefined;
  return encodeCursor(narrower ? { ...position, skip: 0, window: narrower } : { ...position, skip, window });
}

export async function closeWhoAmI(ctx: AdapterContext): Promise<{ ownerId: string; name: string }> {
  const me = meSchema.safeParse(await closeGet(ctx, '/me/'));
  if (!me.success) throw new CrmError('bad-response', 'Close did not say who owns the API key', 'Check the API key in KPI Lens options.');
  const name = [me.data.first_name, me.data.last_name].filter((part) => part && part.trim()).join(' ') || me.data.email || me.data.id;
  return { ownerId: me.data.id, name };
}
