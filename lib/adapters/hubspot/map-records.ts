import { DAY_MS } from '../../period/units';
import { describeIssues } from '../../model';
import { instantToLocalDate } from '../../period/local-date';
import { clip, parseTimestamp, type Mapped } from '../map';
import { analyticsChannel, compact, numeric, readObject, recordLink, text, time, toMoney, type MapContext } from './map-common';
import { ownerSchema, pipelineSchema, stageSchema } from './schemas';

export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'createdate',
  'lastmodifieddate',
  'hubspot_owner_id',
  'lifecyclestage',
  'hs_lead_status',
  'hs_lifecyclestage_marketingqualifiedlead_date',
  'hs_lifecyclestage_salesqualifiedlead_date',
  'hs_lifecyclestage_opportunity_date',
  'hs_lifecyclestage_customer_date',
  'hs_analytics_source',
  'associatedcompanyid',
  'state',
  'country',
] as const;
export const COMPANY_PROPERTIES = ['name', 'hubspot_owner_id', 'country', 'state', 'hs_lastmodifieddate', 'hs_lifecyclestage_customer_date'] as const;
export const GOAL_PROPERTIES = [
  'hs_goal_name',
  'hs_target_amount',
  'hs_start_datetime',
  'hs_end_datetime',
  'hs_assignee_user_id',
  'hs_assignee_team_id',
  'hubspot_owner_id',
  'hs_goal_type',
  'hs_milestone',
  'hs_lastmodifieddate',
] as const;

/**
 * A contact as a lead. MQL and SQL dates come from the lifecycle stage date
 * properties; the contact converted when it first became an opportunity or a
 * customer. An UNQUALIFIED lead status disqualifies it.
 */
export function mapContact(raw: unknown, ctx: MapContext): Mapped {
  const read = readObject(raw, 'lead', 'contact');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const createdAt = time(o, 'createdate') ?? parseTimestamp(o.createdAt);
  if (createdAt === undefined) return { type: 'lead', reject: 'the contact has no readable createdate', externalId: o.id };
  const updatedAt = time(o, 'lastmodifieddate') ?? parseTimestamp(o.updatedAt) ?? createdAt;
  const converted = [time(o, 'hs_lifecyclestage_opportunity_date'), time(o, 'hs_lifecyclestage_customer_date')].filter((t): t is number => t !== undefined);
  const convertedAt = converted.length ? Math.min(...converted) : undefined;
  const name = [text(o, 'firstname'), text(o, 'lastname')].filter(Boolean).join(' ') || text(o, 'email');
  const channelRaw = text(o, 'hs_analytics_source');
  return {
    type: 'lead',
    candidate: compact({
      source: ctx.source,
      externalId: o.id,
      updatedAt,
      url: recordLink(ctx, 'contact', o.id),
      name: clip(name, 300),
      ownerId: text(o, 'hubspot_owner_id'),
      createdAt,
      status: convertedAt !== undefined ? 'converted' : text(o, 'hs_lead_status') === 'UNQUALIFIED' ? 'disqualified' : 'open',
      channel: analyticsChannel(channelRaw),
      channelRaw: clip(channelRaw, 200),
      mqlAt: time(o, 'hs_lifecyclestage_marketingqualifiedlead_date'),
      sqlAt: time(o, 'hs_lifecyclestage_salesqualifiedlead_date'),
      convertedAt,
      convertedCustomerId: convertedAt !== undefined ? text(o, 'associatedcompanyid') : undefined,
      region: clip(text(o, 'state') ?? text(o, 'country'), 200),
    }),
  };
}

/** A company as a customer; acquired when its lifecycle stage became customer. */
export function mapCompany(raw: unknown, ctx: MapContext): Mapped {
  const read = readObject(raw, 'customer', 'company');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const updatedAt = time(o, 'hs_lastmodifieddate') ?? parseTimestamp(o.updatedAt);
  if (updatedAt === undefined) return { type: 'customer', reject: 'the company has no readable hs_lastmodifieddate', externalId: o.id };
  return {
    type: 'customer',
    candidate: compact({
      source: ctx.source,
      externalId: o.id,
      updatedAt,
      url: recordLink(ctx, 'company', o.id),
      name: clip(text(o, 'name') ?? `Company ${o.id}`, 300),
      ownerId: text(o, 'hubspot_owner_id'),
      country: clip(text(o, 'country'), 200),
      region: clip(text(o, 'state'), 200),
      acquiredAt: time(o, 'hs_lifecyclestage_customer_date'),
    }),
  };
}

/** An owner, and its teams; the primary team is the owner's team. Archived owners are inactive, not gone. */
export function mapOwner(raw: unknown, ctx: MapContext): Mapped[] {
  const parsed = ownerSchema.safeParse(raw);
  if (!parsed.success) return [{ type: 'owner', reject: `not a HubSpot owner as documented: ${describeIssues(parsed.error)}` }];
  const o = parsed.data;
  const updatedAt = parseTimestamp(o.updatedAt) ?? parseTimestamp(o.createdAt);
  if (updatedAt === undefined) return [{ type: 'owner', reject: 'the owner has no readable updatedAt', externalId: o.id }];
  const teams = o.teams ?? [];
  const primary = teams.find((t) => t.primary) ?? teams[0];
  const name = [o.firstName, o.lastName].filter(Boolean).join(' ').trim() || o.email || `Owner ${o.id}`;
  return [
    {
      type: 'owner',
      candidate: compact({
        source: ctx.source,
        externalId: o.id,
        updatedAt,
        name: clip(name, 200),
        email: clip(o.email, 320) ?? undefined,
        teamId: primary?.id,
        active: o.archived !== true,
      }),
    },
    ...teams.map((t) => ({
      type: 'team' as const,
      candidate: { source: ctx.source, externalId: t.id, updatedAt, name: clip(t.name?.trim() || `Team ${t.id}`, 200) },
    })),
  ];
}

/** A deal pipeline and its stages; stage metadata gives the probability (0–1) used to weight open deals. */
export function mapPipeline(raw: unknown, ctx: MapContext): Mapped[] {
  const parsed = pipelineSchema.safeParse(raw);
  if (!parsed.success) return [{ type: 'pipeline', reject: `not a HubSpot pipeline as documented: ${describeIssues(parsed.error)}` }];
  const p = parsed.data;
  const updatedAt = parseTimestamp(p.updatedAt) ?? parseTimestamp(p.createdAt) ?? 0;
  const out: Mapped[] = [
    {
      type: 'pipeline',
      candidate: { source: ctx.source, externalId: p.id, updatedAt, name: clip(p.label?.trim() || `Pipeline ${p.id}`, 200), order: p.displayOrder ?? 0 },
    },
  ];
  for (const rawStage of p.stages) {
    const s = stageSchema.safeParse(rawStage);
    if (!s.success) {
      out.push({ type: 'stage', reject: `a stage of pipeline ${p.id} is not as documented: ${describeIssues(s.error)}` });
      continue;
    }
    const probability = Number(s.data.metadata?.probability ?? Number.NaN);
    if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
      out.push({ type: 'stage', reject: 'the stage has no probability between 0 and 1 in its metadata', externalId: s.data.id });
      continue;
    }
    out.push({
      type: 'stage',
      candidate: {
        source: ctx.source,
        externalId: s.data.id,
        updatedAt: parseTimestamp(s.data.updatedAt) ?? updatedAt,
        pipelineId: p.id,
        name: clip(s.data.label?.trim() || s.data.id, 200),
        order: s.data.displayOrder ?? 0,
        probability: Math.round(probability * 10_000) / 100,
      },
    });
  }
  return out;
}

const MILESTONE_KIND: Readonly<Record<string, 'month' | 'quarter' | 'year'>> = { monthly: 'month', quarterly: 'quarter', yearly: 'year', annually: 'year' };

/**
 * A goal target as a quota. Only revenue goals (a quota goal type, or none
 * given) are quotas. The period runs from the start to the end instant as UTC
 * calendar dates, the end made exclusive (an end at 23:59:59.999 becomes the
 * next day). Assignees are users, mapped to owners through `ownerByUser`.
 */
export function mapGoal(raw: unknown, ctx: MapContext, ownerByUser: ReadonlyMap<string, string>): Mapped {
  const read = readObject(raw, 'quota', 'goal target');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const goalType = text(o, 'hs_goal_type');
  if (goalType && !/quota|revenue/i.test(goalType))
    return { type: 'quota', reject: `goal type ${goalType.slice(0, 50)} is not a revenue quota`, externalId: o.id };
  const start = time(o, 'hs_start_datetime');
  const end = time(o, 'hs_end_datetime');
  const target = numeric(o, 'hs_target_amount');
  if (start === undefined || end === undefined) return { type: 'quota', reject: 'the goal has no readable start or end', externalId: o.id };
  if (typeof target !== 'number') return { type: 'quota', reject: 'the goal has no numeric hs_target_amount', externalId: o.id };
  const amount = toMoney(target, ctx.currency);
  if (!amount) return { type: 'quota', reject: 'the account currency is not known: reconnect HubSpot so KPI Lens reads it', externalId: o.id };
  const endDate = instantToLocalDate(end % DAY_MS === 0 ? end : end + DAY_MS, 'UTC');
  const user = text(o, 'hs_assignee_user_id');
  const ownerId = text(o, 'hubspot_owner_id') ?? (user ? ownerByUser.get(user) : undefined);
  const teamId = ownerId ? undefined : text(o, 'hs_assignee_team_id');
  if (!ownerId && !teamId) return { type: 'quota', reject: `the goal's assignee (user ${user ?? 'none'}) is not a known owner or team`, externalId: o.id };
  return {
    type: 'quota',
    candidate: compact({
      source: ctx.source,
      externalId: o.id,
      updatedAt: time(o, 'hs_lastmodifieddate') ?? parseTimestamp(o.updatedAt) ?? start,
      ownerId,
      teamId,
      periodKind: MILESTONE_KIND[text(o, 'hs_milestone')?.toLowerCase() ?? ''] ?? 'custom',
      startDate: instantToLocalDate(start, 'UTC'),
      endDate,
      amount,
    }),
  };
}
