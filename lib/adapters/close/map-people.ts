import type { Mapped } from '../map';
import { clipText, closeTime, type CloseMapContext, compact, readItem } from './map-common';
import { leadSchema, pipelineSchema, statusSchema, userSchema } from './schemas';

/**
 * Close opportunity statuses carry no win probability (the rep's `confidence`
 * on each opportunity is the probability). A stage still needs one for deals
 * without it: won 100 %, lost 0 %, and an active status its position among the
 * pipeline's active statuses, evenly spread: with three, 25, 50 and 75 %.
 */
export function positionalProbability(index: number, openCount: number): number {
  return Math.round((100 * (index + 1)) / (openCount + 1));
}

/** A pipeline and its statuses in pipeline order → one pipeline record and one stage per status. */
export function mapPipeline(raw: unknown, ctx: CloseMapContext, order: number): Mapped[] {
  const read = readItem(pipelineSchema, raw, 'pipeline', 'pipeline');
  if (!read.ok) return [read.mapped];
  const pipeline = read.item;
  const updatedAt = closeTime(pipeline.date_updated) ?? 0;
  const out: Mapped[] = [
    { type: 'pipeline', candidate: { source: ctx.source, externalId: pipeline.id, updatedAt, name: clipText(pipeline.name, 200), order } },
  ];
  const statuses = (pipeline.statuses ?? []).map((status) => readItem(statusSchema, status, 'stage', `status of pipeline ${pipeline.id}`));
  const active = statuses.flatMap((status) => (status.ok && status.item.type === 'active' ? [status.item.id] : []));
  statuses.forEach((status, index) => {
    if (!status.ok) return void out.push(status.mapped);
    const { id, label, type } = status.item;
    const probability = type === 'won' ? 100 : type === 'lost' ? 0 : type === 'active' ? positionalProbability(active.indexOf(id), active.length) : undefined;
    if (probability === undefined) return void out.push({ type: 'stage', reject: `unknown status type ${clipText(type, 40)}`, externalId: id });
    out.push({
      type: 'stage',
      candidate: { source: ctx.source, externalId: id, updatedAt, pipelineId: pipeline.id, name: clipText(label, 200), order: index, probability },
    });
  });
  return out;
}

export function mapUser(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(userSchema, raw, 'owner', 'user');
  if (!read.ok) return read.mapped;
  const user = read.item;
  const fullName = [user.first_name, user.last_name].filter((part) => part && part.trim()).join(' ');
  return {
    type: 'owner',
    candidate: compact({
      source: ctx.source,
      externalId: user.id,
      updatedAt: closeTime(user.date_updated) ?? 0,
      name: clipText(fullName || user.email || user.id, 200),
      email: clipText(user.email, 320),
    }),
  };
}

/**
 * A Close lead is a company (its people are contacts), so it maps to a
 * customer, the id opportunities and activities point at. Prospects are
 * customers too; KPIs tell paying ones by their won deals.
 */
export function mapLead(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(leadSchema, raw, 'customer', 'lead');
  if (!read.ok) return read.mapped;
  const lead = read.item;
  const address = lead.addresses?.[0];
  const url = lead.html_url && /^https:\/\//.test(lead.html_url) ? lead.html_url : `${ctx.appUrl}/lead/${encodeURIComponent(lead.id)}/`;
  return {
    type: 'customer',
    candidate: compact({
      source: ctx.source,
      externalId: lead.id,
      updatedAt: closeTime(lead.date_updated),
      url,
      name: clipText(lead.display_name?.trim() || lead.name?.trim() || lead.id, 300),
      country: clipText(address?.country ?? undefined, 200),
      region: clipText(address?.state ?? undefined, 200),
    }),
  };
}
