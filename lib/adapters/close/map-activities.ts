import type { Mapped } from '../map';
import { clipText, closeTime, type CloseMapContext, compact, leadUrl, readItem } from './map-common';
import { callSchema, emailSchema, meetingSchema } from './schemas';

/** A Close lead is a company: an activity on a lead is an activity with that customer. */
function base(ctx: CloseMapContext, id: string, leadId: string | null | undefined, updatedAt: string) {
  return { source: ctx.source, externalId: id, updatedAt: closeTime(updatedAt), url: leadUrl(ctx, leadId), customerId: leadId ?? undefined };
}

function direction(value: string | null | undefined): 'inbound' | 'outbound' | undefined {
  if (value === 'outbound' || value === 'outgoing') return 'outbound';
  if (value === 'inbound' || value === 'incoming') return 'inbound';
  return undefined;
}

/** Call statuses after which the call is over, answered or not: each is a dial the rep made or took. */
const FINISHED_CALL = new Set(['completed', 'no-answer', 'busy', 'failed', 'cancel', 'timeout']);

/**
 * A call counts as done once it is over, answered or not (a dial is a dial);
 * a call still ringing or in progress is not done yet. The disposition
 * (`answered`, `no-answer`, `vm-left`…) is kept as the subtype.
 */
export function mapCall(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(callSchema, raw, 'activity', 'call');
  if (!read.ok) return read.mapped;
  const call = read.item;
  if (!call.user_id) return { type: 'activity', reject: 'the call has no user', externalId: call.id };
  const duration = call.duration;
  return {
    type: 'activity',
    candidate: compact({
      ...base(ctx, call.id, call.lead_id, call.date_updated),
      ownerId: call.user_id,
      type: 'call',
      direction: direction(call.direction),
      subtype: clipText(call.disposition ?? undefined, 100),
      occurredAt: closeTime(call.activity_at) ?? closeTime(call.date_created),
      createdAt: closeTime(call.date_created),
      done: FINISHED_CALL.has(call.status ?? 'completed'),
      durationSec: duration !== null && duration !== undefined && duration >= 0 && Number.isFinite(duration) ? Math.round(duration) : undefined,
    }),
  };
}

/**
 * An email is done once sent (outgoing) or received (incoming); drafts and
 * scheduled or failed sends are not. Close tracks opens (`opens`) and replies
 * (`has_reply`) on outgoing email, which feed the 30/30/50 benchmark.
 */
export function mapEmail(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(emailSchema, raw, 'activity', 'email');
  if (!read.ok) return read.mapped;
  const email = read.item;
  if (!email.user_id) return { type: 'activity', reject: 'the email has no user', externalId: email.id };
  const dir = direction(email.direction);
  return {
    type: 'activity',
    candidate: compact({
      ...base(ctx, email.id, email.lead_id, email.date_updated),
      ownerId: email.user_id,
      type: 'email',
      direction: dir,
      subtype: clipText(email.status ?? undefined, 100),
      title: clipText(email.subject, 500),
      occurredAt: closeTime(email.date_sent) ?? closeTime(email.activity_at) ?? closeTime(email.date_created),
      createdAt: closeTime(email.date_created),
      done: email.status === 'sent' || email.status === 'inbox',
      email: dir === 'outbound' ? compact({ opened: email.opens ? email.opens.length > 0 : undefined, replied: email.has_reply ?? undefined }) : undefined,
    }),
  };
}

/**
 * A meeting happens at its start and is done once Close marks it completed;
 * upcoming, cancelled and declined meetings are not. Its creation date is when
 * it was booked (demos booked are counted by it).
 */
export function mapMeeting(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(meetingSchema, raw, 'activity', 'meeting');
  if (!read.ok) return read.mapped;
  const meeting = read.item;
  if (!meeting.user_id) return { type: 'activity', reject: 'the meeting has no user', externalId: meeting.id };
  const duration = meeting.actual_duration ?? meeting.duration;
  return {
    type: 'activity',
    candidate: compact({
      ...base(ctx, meeting.id, meeting.lead_id, meeting.date_updated),
      ownerId: meeting.user_id,
      type: 'meeting',
      title: clipText(meeting.title, 500),
      occurredAt: closeTime(meeting.starts_at) ?? closeTime(meeting.activity_at) ?? closeTime(meeting.date_created),
      createdAt: closeTime(meeting.date_created),
      done: meeting.status === 'completed',
      durationSec: duration !== null && duration !== undefined && duration >= 0 && Number.isFinite(duration) ? Math.round(duration) : undefined,
    }),
  };
}
