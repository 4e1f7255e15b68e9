import type { Mapped } from '../map';
import {
  compact,
  clipText,
  companyRef,
  contactRef,
  fromUnix,
  type KommoMapContext,
  LOST_STATUS_ID,
  readItem,
  stageRef,
  userRef,
  WON_STATUS_ID,
} from './map-common';
import { groupSchema, partySchema, pipelineSchema, statusSchema, userSchema } from './schemas';

/**
 * amoCRM statuses carry no win probability. Won is 100 %, lost 0 %, and an open
 * stage gets its position among the pipeline's open stages, evenly spread
 * between them: with three open stages, 25, 50 and 75 %. A deal-level
 * probability, where a CRM has one, always overrides this.
 */
export function positionalProbability(index: number, openCount: number): number {
  return Math.round((100 * (index + 1)) / (openCount + 1));
}

/** A pipeline with its statuses (`_embedded.statuses`) → one pipeline record and one stage per status. */
export function mapPipeline(raw: unknown, ctx: KommoMapContext, updatedAt: number): Mapped[] {
  const read = readItem(pipelineSchema, raw, 'pipeline', 'pipeline');
  if (!read.ok) return [read.mapped];
  const pipeline = read.item;
  const out: Mapped[] = [
    {
      type: 'pipeline',
      candidate: compact({
        source: ctx.source,
        externalId: pipeline.id,
        updatedAt,
        url: `${ctx.appUrl}/leads/pipeline/${pipeline.id}`,
        name: clipText(pipeline.name, 200),
        order: pipeline.sort ?? 0,
      }),
    },
  ];
  const statuses = (pipeline._embedded?.statuses ?? []).map((status) => readItem(statusSchema, status, 'stage', `status of pipeline ${pipeline.id}`));
  const open = statuses
    .flatMap((status) => (status.ok ? [status.item] : []))
    .filter((status) => status.id !== WON_STATUS_ID && status.id !== LOST_STATUS_ID)
    .sort((a, b) => a.sort - b.sort);
  for (const status of statuses) {
    if (!status.ok) {
      out.push(status.mapped);
      continue;
    }
    const { id, name, sort } = status.item;
    const probability =
      id === WON_STATUS_ID
        ? 100
        : id === LOST_STATUS_ID
          ? 0
          : positionalProbability(
              open.findIndex((s) => s.id === id),
              open.length,
            );
    out.push({
      type: 'stage',
      candidate: compact({
        source: ctx.source,
        externalId: stageRef(pipeline.id, id),
        updatedAt,
        pipelineId: pipeline.id,
        name: clipText(name, 200),
        order: sort,
        probability,
      }),
    });
  }
  return out;
}

export function mapUser(raw: unknown, ctx: KommoMapContext, updatedAt: number): Mapped {
  const read = readItem(userSchema, raw, 'owner', 'user');
  if (!read.ok) return read.mapped;
  const user = read.item;
  const name = user.name?.trim() || user.email?.trim() || `#${user.id}`;
  return {
    type: 'owner',
    candidate: compact({
      source: ctx.source,
      externalId: user.id,
      updatedAt,
      name: clipText(name, 200),
      email: clipText(user.email, 320),
      teamId: user.rights?.group_id ?? undefined,
      role: user.rights?.is_admin ? 'admin' : 'rep',
      active: user.rights?.is_active ?? true,
    }),
  };
}

/** A users group ("отдел") of the account is a sales team; group 0 is the account's default group. */
export function mapGroup(raw: unknown, ctx: KommoMapContext, updatedAt: number): Mapped {
  const read = readItem(groupSchema, raw, 'team', 'users group');
  if (!read.ok) return read.mapped;
  const group = read.item;
  return { type: 'team', candidate: { source: ctx.source, externalId: group.id, updatedAt, name: clipText(group.name?.trim() || `#${group.id}`, 200) } };
}

export type PartyKind = 'company' | 'contact';

/**
 * Companies and contacts are both customers: companies for B2B, contacts for
 * people who buy on their own. Each keeps its kind in the id (`company:7`,
 * `contact:7`) because the two id sequences overlap. Deleted ones are reported
 * as deleted.
 */
export function mapParty(raw: unknown, kind: PartyKind, ctx: KommoMapContext): { mapped: Mapped } | { deleted: string } {
  const read = readItem(partySchema, raw, 'customer', kind);
  if (!read.ok) return { mapped: read.mapped };
  const party = read.item;
  const externalId = kind === 'company' ? companyRef(party.id) : contactRef(party.id);
  if (party.is_deleted) return { deleted: externalId };
  const fullName = [party.first_name, party.last_name].filter((part) => part && part.trim()).join(' ');
  const name = party.name?.trim() || fullName || `#${party.id}`;
  return {
    mapped: {
      type: 'customer',
      candidate: compact({
        source: ctx.source,
        externalId,
        updatedAt: fromUnix(party.updated_at),
        url: `${ctx.appUrl}/${kind === 'company' ? 'companies' : 'contacts'}/detail/${party.id}`,
        name: clipText(name, 300),
        ownerId: userRef(party.responsible_user_id),
      }),
    },
  };
}
