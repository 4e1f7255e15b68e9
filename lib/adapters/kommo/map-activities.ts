import type { Mapped } from '../map';
import { compact, clipText, companyRef, contactRef, fromUnix, type KommoMapContext, noteRef, readItem, taskRef, userRef } from './map-common';
import { noteSchema, taskSchema } from './schemas';

/** The entity a task or note hangs on, as canonical references. */
function links(entityType: string | null | undefined, entityId: string | null | undefined): { dealId?: string; customerId?: string } {
  if (!entityId || entityId === '0') return {};
  if (entityType === 'leads') return { dealId: entityId };
  if (entityType === 'companies') return { customerId: companyRef(entityId) };
  if (entityType === 'contacts') return { customerId: contactRef(entityId) };
  return {};
}

/**
 * A task is a planned activity: type 2 ("Встреча", Meeting) is a meeting;
 * type 1 ("Связаться", which Kommo's English docs call Follow-up) and every
 * other type is a task: a follow-up may be a call, an email or a message, so it
 * is not counted as a call (calls come from the telephony's call notes). It counts as done when
 * completed. amoCRM does not record when a task was completed, so the activity
 * happens at its deadline (`complete_till`), done or not.
 */
export function mapTask(raw: unknown, ctx: KommoMapContext): Mapped {
  const read = readItem(taskSchema, raw, 'activity', 'task');
  if (!read.ok) return read.mapped;
  const task = read.item;
  const externalId = taskRef(task.id);
  const ownerId = userRef(task.responsible_user_id) ?? userRef(task.created_by);
  if (!ownerId) return { type: 'activity', reject: 'the task has no responsible user', externalId };
  const occurredAt = fromUnix(task.complete_till) ?? fromUnix(task.created_at);
  if (occurredAt === undefined) return { type: 'activity', reject: 'the task has neither a deadline nor a creation time', externalId };
  const type = task.task_type_id === '2' ? 'meeting' : 'task';
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: fromUnix(task.updated_at),
      url: `${ctx.appUrl}/todo/line/`,
      ownerId,
      type,
      subtype: `task_type:${task.task_type_id}`,
      title: clipText(task.text, 500),
      occurredAt,
      createdAt: fromUnix(task.created_at),
      done: task.is_completed,
      ...links(task.entity_type, task.entity_id),
    }),
  };
}

/** Which entity's notes a page holds: the note itself does not say. */
export type NoteEntity = 'leads' | 'contacts' | 'companies';

/**
 * A call note (`call_in` / `call_out`, written by the telephony integration) is
 * a call that happened, with its direction and duration in seconds.
 */
export function mapCallNote(raw: unknown, entity: NoteEntity, ctx: KommoMapContext): Mapped {
  const read = readItem(noteSchema, raw, 'activity', 'note');
  if (!read.ok) return read.mapped;
  const note = read.item;
  const externalId = noteRef(note.id);
  if (note.note_type !== 'call_in' && note.note_type !== 'call_out') {
    return { type: 'activity', reject: `the note is a ${clipText(note.note_type, 40)}, not a call`, externalId };
  }
  const ownerId = userRef(note.responsible_user_id) ?? userRef(note.created_by);
  if (!ownerId) return { type: 'activity', reject: 'the call note has no responsible user', externalId };
  const occurredAt = fromUnix(note.created_at) ?? fromUnix(note.updated_at);
  const duration = Number(note.params?.duration);
  return {
    type: 'activity',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: fromUnix(note.updated_at),
      url: note.entity_id ? `${ctx.appUrl}/${entity}/detail/${note.entity_id}` : undefined,
      ownerId,
      type: 'call',
      direction: note.note_type === 'call_in' ? 'inbound' : 'outbound',
      occurredAt,
      createdAt: fromUnix(note.created_at),
      done: true,
      durationSec: Number.isFinite(duration) && duration >= 0 && duration < 1e9 ? Math.round(duration) : undefined,
      ...links(entity, note.entity_id),
    }),
  };
}
