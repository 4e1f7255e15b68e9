import { describeIssues, type RecordType } from '../../model';
import { CrmError } from '../errors';
import type { AdapterContext, FetchedPage, Reject } from '../types';
import { closeGet, type CloseDeletedCursor, encodeCursor, isoInstant, type Params } from './client';
import { eventListSchema, eventSchema } from './schemas';

/** The event log's largest page (Close caps `_limit` at 50 there). */
export const CLOSE_EVENT_MAX_LIMIT = 50;

/** Which event log object type reports the deletions of a synced object, and the record type it maps to. */
export type DeletedPlan = { objectType: string; recordType: RecordType };

function rawObjectId(raw: unknown): string | undefined {
  const value = raw && typeof raw === 'object' ? (raw as { object_id?: unknown }).object_id : undefined;
  return typeof value === 'string' ? value.slice(0, 200) : undefined;
}

/**
 * The second pass of an incremental object: what the rep deleted. The
 * changed-records pass filters by date, so a deleted opportunity, activity or
 * lead simply stops appearing and would keep counting locally; Close's event
 * log lists `deleted` events per object type. This pass reads those updated at
 * or after the run's `since` and reports their `object_id`s, which are the
 * externalIds the mappers give live records (Close ids, unprefixed), and the
 * sync removes them in the same step as the cursor. Close keeps 30 days of
 * events: a deletion older than that, not seen by an incremental run in time,
 * is only caught by a full sync. Close ids are never reused, so deleting after
 * the changed pass cannot remove a live record.
 */
export async function deletedPage(ctx: AdapterContext, plan: DeletedPlan, position: CloseDeletedCursor): Promise<FetchedPage> {
  // Close wants the filters again with every `_cursor`, except the date_updated ones (the cursor
  // carries them). Without the date on later pages the worst case is older deletions reported
  // again, which removes nothing that is still live: Close never reuses ids.
  const params: Params = {
    object_type: plan.objectType,
    action: 'deleted',
    ...(position.events === null ? { date_updated__gte: isoInstant(position.since) } : {}),
    _limit: Math.max(1, Math.min(ctx.pageSize ?? CLOSE_EVENT_MAX_LIMIT, CLOSE_EVENT_MAX_LIMIT)),
    ...(position.events !== null ? { _cursor: position.events } : {}),
  };
  const list = eventListSchema.safeParse(await closeGet(ctx, '/event/', params));
  if (!list.success) {
    throw new CrmError(
      'bad-response',
      `Close sent a ${plan.objectType} event log page without its data list`,
      'KPI Lens retries; if this repeats, the rest of the data still syncs.',
    );
  }
  const deleted: string[] = [];
  const rejects: Reject[] = [];
  for (const raw of list.data.data) {
    const event = eventSchema.safeParse(raw);
    if (!event.success) {
      const reason = `a Close ${plan.objectType} deletion event is not as documented (${describeIssues(event.error)}): the record stays in KPI Lens`;
      rejects.push({ recordType: plan.recordType, externalId: rawObjectId(raw), raw, reason });
      continue;
    }
    const { object_type: objectType, object_id: objectId, action } = event.data;
    if (objectType !== plan.objectType || action !== 'deleted') {
      // Removing a record on an event that is not its deletion would lose it; keep it and say so.
      rejects.push({
        recordType: plan.recordType,
        externalId: objectId,
        raw,
        reason: `Close listed a ${objectType} ${action} event among the ${plan.objectType} deletions: the record is kept`,
      });
      continue;
    }
    deleted.push(objectId);
  }
  // Filtered pages may come back short, even empty, with a cursor: the cursor alone says more follows.
  // One Close already sent goes on as it is, and the pager guard (pager.ts) stops the chain.
  const next = list.data.cursor_next;
  const more = typeof next === 'string' && next !== '';
  return {
    records: {},
    rejects,
    deleted: deleted.length ? { [plan.recordType]: deleted } : undefined,
    nextCursor: more ? encodeCursor({ ...position, events: next }) : null,
  };
}
