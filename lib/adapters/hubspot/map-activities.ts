import { clip, type Mapped } from '../map';
import { compact, numeric, readObject, recordLink, text, time, type MapContext } from './map-common';

export const CALL_PROPERTIES = [
  'hs_timestamp',
  'hs_call_direction',
  'hs_call_duration',
  'hs_call_status',
  'hs_call_title',
  'hubspot_owner_id',
  'hs_createdate',
  'hs_lastmodifieddate',
] as const;
export const EMAIL_PROPERTIES = [
  'hs_timestamp',
  'hs_email_direction',
  'hs_email_subject',
  'hs_email_status',
  'hs_email_open_count',
  'hs_email_reply_count',
  'hubspot_owner_id',
  'hs_createdate',
  'hs_lastmodifieddate',
] as const;
export const MEETING_PROPERTIES = [
  'hs_timestamp',
  'hs_meeting_start_time',
  'hs_meeting_end_time',
  'hs_meeting_title',
  'hs_meeting_outcome',
  'hs_activity_type',
  'hubspot_owner_id',
  'hs_createdate',
  'hs_lastmodifieddate',
] as const;

/** Object type ids in HubSpot record URLs. */
const RECORD_KIND = { call: 'record/0-48', email: 'record/0-49', meeting: 'record/0-47' } as const;
/** Call statuses of a dial that never happened (or has not yet). */
const NOT_PLACED = new Set(['CANCELED', 'QUEUED', 'CONNECTING', 'RINGING', 'IN_PROGRESS', 'CALLING_CRM_USER', 'FAILED']);
/** Meetings that did not take place. */
const NOT_HELD = new Set(['CANCELED', 'NO_SHOW', 'RESCHEDULED']);

type Kind = keyof typeof RECORD_KIND;

function base(raw: unknown, kind: Kind, ctx: MapContext, dealIds: ReadonlyMap<string, string>) {
  const read = readObject(raw, 'activity', kind);
  if (!read.ok) return read;
  const o = read.item;
  const updatedAt = time(o, 'hs_lastmodifieddate') ?? (o.updatedAt ? Date.parse(o.updatedAt) : undefined);
  const ownerId = text(o, 'hubspot_owner_id');
  const reject = (reason: string) => ({ ok: false as const, mapped: { type: 'activity' as const, reject: reason, externalId: o.id } });
  if (updatedAt === undefined || Number.isNaN(updatedAt)) return reject(`the ${kind} has no readable hs_lastmodifieddate`);
  if (!ownerId) return reject(`the ${kind} has no owner (hubspot_owner_id is empty)`);
  const common = {
    source: ctx.source,
    externalId: o.id,
    updatedAt,
    url: recordLink(ctx, RECORD_KIND[kind], o.id),
    ownerId,
    createdAt: time(o, 'hs_createdate'),
    dealId: dealIds.get(o.id),
  };
  return { ok: true as const, o, common };
}

/** A call: direction from hs_call_direction, duration from hs_call_duration (milliseconds). */
export function mapCall(raw: unknown, ctx: MapContext, dealIds: ReadonlyMap<string, string>): Mapped {
  const b = base(raw, 'call', ctx, dealIds);
  if (!b.ok) return b.mapped;
  const occurredAt = time(b.o, 'hs_timestamp');
  if (occurredAt === undefined) return { type: 'activity', reject: 'the call has no readable hs_timestamp', externalId: b.o.id };
  const direction = text(b.o, 'hs_call_direction');
  const durationMs = numeric(b.o, 'hs_call_duration');
  return {
    type: 'activity',
    candidate: compact({
      ...b.common,
      type: 'call',
      subtype: 'call',
      direction: direction === 'INBOUND' ? 'inbound' : direction === 'OUTBOUND' ? 'outbound' : undefined,
      title: clip(text(b.o, 'hs_call_title'), 500),
      occurredAt,
      done: !NOT_PLACED.has(text(b.o, 'hs_call_status') ?? ''),
      durationSec: typeof durationMs === 'number' && durationMs >= 0 ? Math.round(durationMs / 1000) : undefined,
    }),
  };
}

/** An email: INCOMING_EMAIL is inbound, EMAIL and FORWARDED_EMAIL outbound; opens and replies where HubSpot tracked them. */
export function mapEmail(raw: unknown, ctx: MapContext, dealIds: ReadonlyMap<string, string>): Mapped {
  const b = base(raw, 'email', ctx, dealIds);
  if (!b.ok) return b.mapped;
  const occurredAt = time(b.o, 'hs_timestamp');
  if (occurredAt === undefined) return { type: 'activity', reject: 'the email has no readable hs_timestamp', externalId: b.o.id };
  const direction = text(b.o, 'hs_email_direction');
  const opens = numeric(b.o, 'hs_email_open_count');
  const replies = numeric(b.o, 'hs_email_reply_count');
  const email = compact({ opened: typeof opens === 'number' ? opens > 0 : undefined, replied: typeof replies === 'number' ? replies > 0 : undefined });
  return {
    type: 'activity',
    candidate: compact({
      ...b.common,
      type: 'email',
      subtype: 'email',
      direction: direction === 'INCOMING_EMAIL' ? 'inbound' : direction ? 'outbound' : undefined,
      title: clip(text(b.o, 'hs_email_subject'), 500),
      occurredAt,
      done: text(b.o, 'hs_email_status') !== 'SCHEDULED',
      email: Object.keys(email).length ? email : undefined,
    }),
  };
}

/**
 * A meeting at its start time. Cancelled, no-show and rescheduled meetings did
 * not happen; scheduled and completed ones count as held at their time (HubSpot
 * leaves most past meetings "scheduled"). A demo or trial in the title or
 * activity type makes the subtype `demo`/`trial`.
 */
export function mapMeeting(raw: unknown, ctx: MapContext, dealIds: ReadonlyMap<string, string>): Mapped {
  const b = base(raw, 'meeting', ctx, dealIds);
  if (!b.ok) return b.mapped;
  const occurredAt = time(b.o, 'hs_meeting_start_time') ?? time(b.o, 'hs_timestamp');
  if (occurredAt === undefined) return { type: 'activity', reject: 'the meeting has no readable start time', externalId: b.o.id };
  const end = time(b.o, 'hs_meeting_end_time');
  const label = `${text(b.o, 'hs_meeting_title') ?? ''} ${text(b.o, 'hs_activity_type') ?? ''}`.toLowerCase();
  return {
    type: 'activity',
    candidate: compact({
      ...b.common,
      type: 'meeting',
      subtype: /\bdemo|демо/.test(label) ? 'demo' : /\btrial/.test(label) ? 'trial' : (clip(text(b.o, 'hs_activity_type')?.toLowerCase(), 100) ?? 'meeting'),
      title: clip(text(b.o, 'hs_meeting_title'), 500),
      occurredAt,
      done: !NOT_HELD.has(text(b.o, 'hs_meeting_outcome') ?? ''),
      durationSec: end !== undefined && end >= occurredAt ? Math.round((end - occurredAt) / 1000) : undefined,
    }),
  };
}
