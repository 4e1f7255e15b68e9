import type { ActivityType } from '../../model';
import { clip, parseTimestamp, type Mapped } from '../map';
import { compact, dateAt, readItem, recordLink, type MapContext } from './map-common';
import { eventSchema, taskSchema, type RawTask } from './schemas';

/** Record id prefixes: 006 Opportunity, 00Q Lead. WhatId/WhoId are polymorphic, the prefix says what they point to. */
const isOpportunity = (id: string | null | undefined) => !!id && id.startsWith('006');
const isLead = (id: string | null | undefined) => !!id && id.startsWith('00Q');

/** TaskSubtype (Call, Email, ListEmail, Task, Cadence, LinkedIn) first, then the Type picklist. */
function taskType(t: RawTask): ActivityType {
  const kind = (t.TaskSubtype ?? t.Type ?? '').toLowerCase();
  if (kind === 'call') return 'call';
  if (kind === 'email' || kind === 'listemail') return 'email';
  if (kind === 'task' || kind === 'cadence' || kind === '') return 'task';
  if (kind === 'meeting') return 'meeting';
  return 'other';
}

function direction(callType: string | null | undefined): 'inbound' | 'outbound' | undefined {
  const value = callType?.toLowerCase();
  return value === 'inbound' ? 'inbound' : value === 'outbound' ? 'outbound' : undefined;
}

/**
 * A Task: calls, emails and to-dos. Done when Salesforce closed it (IsClosed);
 * a done task happened at CompletedDateTime, falling back to its due date
 * (ActivityDate, a date in the rep's zone); an open one is placed at its due date.
 */
export function mapTask(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(taskSchema, raw, 'activity', 'Task');
  if (!read.ok) return read.mapped;
  const t = read.item;
  const updatedAt = parseTimestamp(t.SystemModstamp);
  if (updatedAt === undefined) return { type: 'activity', reject: 'the task has no readable SystemModstamp', externalId: t.Id };
  const due = dateAt(t.ActivityDate, ctx.timeZone);
  const occurredAt = (t.IsClosed ? parseTimestamp(t.CompletedDateTime) : undefined) ?? due ?? parseTimestamp(t.CreatedDate);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the task has no completion, due or created date', externalId: t.Id };
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId: t.Id,
      updatedAt,
      url: recordLink(ctx, 'Task', t.Id),
      ownerId: t.OwnerId,
      type: taskType(t),
      direction: direction(t.CallType),
      subtype: clip((t.TaskSubtype ?? t.Type)?.toLowerCase(), 100),
      title: clip(t.Subject, 500),
      occurredAt,
      createdAt: parseTimestamp(t.CreatedDate),
      done: t.IsClosed,
      dealId: isOpportunity(t.WhatId) ? (t.WhatId ?? undefined) : undefined,
      leadId: isLead(t.WhoId) ? (t.WhoId ?? undefined) : undefined,
      customerId: t.AccountId ?? undefined,
      durationSec: t.CallDurationInSeconds ?? undefined,
    }),
  };
}

/**
 * An Event: a meeting on the calendar. Its Type or Subject naming a demo or
 * trial makes the subtype `demo`/`trial`. Events carry no status, and a
 * meeting booked ahead is not re-sent by Salesforce once it has taken place,
 * so events are stored as done at their start time; KPIs count them by
 * `occurredAt` against the as-of date.
 */
export function mapEvent(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(eventSchema, raw, 'activity', 'Event');
  if (!read.ok) return read.mapped;
  const e = read.item;
  const updatedAt = parseTimestamp(e.SystemModstamp);
  if (updatedAt === undefined) return { type: 'activity', reject: 'the event has no readable SystemModstamp', externalId: e.Id };
  const occurredAt =
    (e.IsAllDayEvent ? dateAt(e.ActivityDate, ctx.timeZone) : undefined) ?? parseTimestamp(e.ActivityDateTime) ?? dateAt(e.ActivityDate, ctx.timeZone);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the event has no readable start', externalId: e.Id };
  const label = `${e.Type ?? ''} ${e.Subject ?? ''}`.toLowerCase();
  const subtype = /\bdemo|демо/.test(label) ? 'demo' : /\btrial/.test(label) ? 'trial' : e.Type?.toLowerCase();
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId: e.Id,
      updatedAt,
      url: recordLink(ctx, 'Event', e.Id),
      ownerId: e.OwnerId,
      type: 'meeting',
      subtype: clip(subtype, 100),
      title: clip(e.Subject, 500),
      occurredAt,
      createdAt: parseTimestamp(e.CreatedDate),
      done: true,
      dealId: isOpportunity(e.WhatId) ? (e.WhatId ?? undefined) : undefined,
      leadId: isLead(e.WhoId) ? (e.WhoId ?? undefined) : undefined,
      customerId: e.AccountId ?? undefined,
      durationSec: e.DurationInMinutes === null || e.DurationInMinutes === undefined ? undefined : e.DurationInMinutes * 60,
    }),
  };
}
