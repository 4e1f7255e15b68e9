import type { ActivityType } from '../../model';
import type { Mapped } from '../map';
import { type BitrixMapContext, bxTime, clipText, compact, entityUrl, readItem } from './map-common';
import { activitySchema } from './schemas';

const BY_TYPE: Record<string, ActivityType> = { '1': 'meeting', '2': 'call', '3': 'task', '4': 'email' };
/** Kinds written by Bitrix24's own providers under TYPE_ID 6. */
const BY_PROVIDER: Record<string, ActivityType> = {
  VOXIMPLANT_CALL: 'call',
  CRM_CALL_TRACKER: 'call',
  CRM_EMAIL: 'email',
  CRM_MEETING: 'meeting',
  CRM_TODO: 'task',
  CRM_TASKS_TASK: 'task',
  TASKS: 'task',
  CRM_SMS: 'sms',
  REST_APP: 'other',
};

/**
 * A Bitrix24 activity ("дело"): TYPE_ID 1 meeting, 2 call, 3 task, 4 email,
 * else by provider. DIRECTION 1 is incoming, 2 outgoing. It is done when
 * COMPLETED = Y, and happens at START_TIME (DEADLINE, then CREATED, when
 * absent). Calls and meetings last from START_TIME to END_TIME. An activity on
 * a deal or lead points at it; on a company, at that customer.
 */
export function mapActivity(raw: unknown, ctx: BitrixMapContext): Mapped {
  const read = readItem(activitySchema, raw, 'activity', 'activity');
  if (!read.ok) return read.mapped;
  const activity = read.item;
  const externalId = activity.ID;
  if (!activity.RESPONSIBLE_ID) return { type: 'activity', reject: 'the activity has no responsible user (RESPONSIBLE_ID)', externalId };
  const start = bxTime(activity.START_TIME);
  const occurredAt = start ?? bxTime(activity.DEADLINE) ?? bxTime(activity.CREATED);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the activity has no START_TIME, DEADLINE or CREATED time', externalId };
  const type = BY_TYPE[activity.TYPE_ID ?? ''] ?? BY_PROVIDER[activity.PROVIDER_ID?.toUpperCase() ?? ''] ?? 'other';
  const end = bxTime(activity.END_TIME);
  const timed = (type === 'call' || type === 'meeting') && start !== undefined && end !== undefined && end >= start;
  const owner = activity.OWNER_TYPE_ID;
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: bxTime(activity.LAST_UPDATED) ?? bxTime(activity.CREATED) ?? occurredAt,
      url: entityUrl(ctx, owner, activity.OWNER_ID),
      ownerId: activity.RESPONSIBLE_ID,
      type,
      direction: activity.DIRECTION === '1' ? 'inbound' : activity.DIRECTION === '2' ? 'outbound' : undefined,
      subtype: clipText(activity.PROVIDER_TYPE_ID || activity.PROVIDER_ID || undefined, 100),
      title: clipText(activity.SUBJECT || undefined, 500),
      occurredAt,
      createdAt: bxTime(activity.CREATED),
      done: activity.COMPLETED === 'Y',
      dealId: owner === '2' ? activity.OWNER_ID : undefined,
      leadId: owner === '1' ? activity.OWNER_ID : undefined,
      customerId: owner === '4' ? activity.OWNER_ID : undefined,
      durationSec: timed ? Math.round((end! - start!) / 1000) : undefined,
    }),
  };
}
