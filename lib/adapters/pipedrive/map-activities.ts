import type { ActivityType } from '../../model';
import { localDateToInstant } from '../../period/local-date';
import { clip, type Mapped } from '../map';
import { compact, firstTime, readItem, type MapContext } from './map-common';
import { activitySchema, callLogSchema, type RawActivity } from './schemas';

/** Pipedrive's built-in activity type keys; custom keys are `other` unless they plainly name a meeting or demo. */
const TYPE_BY_KEY: Readonly<Record<string, ActivityType>> = {
  call: 'call',
  email: 'email',
  meeting: 'meeting',
  lunch: 'meeting',
  task: 'task',
  deadline: 'task',
  sms: 'sms',
};

export function activityType(key: string | null | undefined): ActivityType {
  const k = (key ?? '').toLowerCase();
  const known = TYPE_BY_KEY[k];
  if (known) return known;
  if (/demo|trial|meeting/.test(k)) return 'meeting';
  return 'other';
}

/** `HH:MM[:SS]` (activity durations) or plain seconds (call logs) → whole seconds. */
export function durationSeconds(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const hms = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/.exec(value.trim());
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3] ?? 0);
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * When an activity is due. Pipedrive documents `due_time` in UTC, so a dated and
 * timed activity is that UTC instant; an activity with a date and no time is an
 * all-day item, midnight of that date in the rep's zone.
 */
function dueAt(a: RawActivity, timeZone: string): number | undefined {
  if (!a.due_date) return undefined;
  const time = a.due_time && /^\d{2}:\d{2}(:\d{2})?$/.test(a.due_time) ? a.due_time : undefined;
  if (time) return firstTime(`${a.due_date}T${time.length === 5 ? `${time}:00` : time}Z`);
  return localDateToInstant(a.due_date, timeZone);
}

/**
 * A Pipedrive activity. Done activities happened when they were marked done
 * (falling back to the due time); open ones are placed at their due time.
 * The Pipedrive type key is kept as the subtype, so demo meetings can be told apart.
 */
export function mapActivity(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(activitySchema, raw, 'activity');
  if (!read.ok) return read.mapped;
  const a = read.item;
  const updatedAt = firstTime(a.update_time, a.add_time);
  if (updatedAt === undefined) return { type: 'activity', reject: 'the activity has no readable update_time', externalId: a.id };
  const occurredAt = (a.done ? firstTime(a.marked_as_done_time) : undefined) ?? dueAt(a, ctx.timeZone) ?? firstTime(a.add_time);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the activity has neither a due date nor a done or add time', externalId: a.id };
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId: a.id,
      updatedAt,
      url: a.deal_id ? `${ctx.appUrl}/deal/${a.deal_id}` : `${ctx.appUrl}/activities/list`,
      ownerId: a.owner_id,
      type: activityType(a.type),
      subtype: clip(a.type, 100),
      title: clip(a.subject, 500),
      occurredAt,
      createdAt: firstTime(a.add_time),
      done: a.done,
      dealId: a.deal_id ?? undefined,
      leadId: a.lead_id || undefined,
      customerId: a.org_id ?? undefined,
      durationSec: durationSeconds(a.duration),
    }),
  };
}

/**
 * A Pipedrive call log (v1). A logged call is also an activity in Pipedrive
 * (`activity_id`), so the call log is stored under that activity's id: the
 * call is counted once, with its real duration. Call logs without an activity
 * get their own `call-log:` id. Pipedrive gives no direction field, so none is set.
 */
export function mapCallLog(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(callLogSchema, raw, 'activity');
  if (!read.ok) return read.mapped;
  const c = read.item;
  const externalId = c.activity_id ?? `call-log:${c.id}`;
  const occurredAt = firstTime(c.start_time, c.end_time);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the call log has no readable start_time', externalId };
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: firstTime(c.end_time, c.start_time) ?? occurredAt,
      url: c.deal_id ? `${ctx.appUrl}/deal/${c.deal_id}` : `${ctx.appUrl}/activities/list`,
      ownerId: c.user_id,
      type: 'call',
      subtype: 'call',
      title: clip(c.subject ?? (c.outcome ? `Call (${c.outcome})` : undefined), 500),
      occurredAt,
      done: true,
      dealId: c.deal_id ?? undefined,
      customerId: c.org_id ?? undefined,
      durationSec: durationSeconds(c.duration),
    }),
  };
}
