import { clip, type Mapped } from '../map';
import { pipedriveChannel } from './channel';
import { compact, firstTime, readItem, type MapContext } from './map-common';
import { leadSchema, organizationSchema, userSchema } from './schemas';

/** A Pipedrive user (v1) as an owner; admins of the sales app are `admin`. */
export function mapUser(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(userSchema, raw, 'owner');
  if (!read.ok) return read.mapped;
  const u = read.item;
  const updatedAt = firstTime(u.modified, u.created);
  if (updatedAt === undefined) return { type: 'owner', reject: 'the user has no readable modified or created time', externalId: u.id };
  const admin = (u.access ?? []).some((a) => a.app === 'sales' && a.admin === true);
  return {
    type: 'owner',
    candidate: compact({
      source: ctx.source,
      externalId: u.id,
      updatedAt,
      url: `${ctx.appUrl}/users/details/${u.id}`,
      name: clip(u.name?.trim() || u.email || `User ${u.id}`, 200),
      email: clip(u.email, 320),
      role: admin ? 'admin' : 'rep',
      active: u.active_flag !== false && u.is_deleted !== true,
    }),
  };
}

/** A Pipedrive organization as a customer; the address gives the country and region (state/province). */
export function mapOrganization(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(organizationSchema, raw, 'customer');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const updatedAt = firstTime(o.update_time, o.add_time);
  if (updatedAt === undefined) return { type: 'customer', reject: 'the organization has no readable update_time', externalId: o.id };
  const address = typeof o.address === 'object' && o.address ? o.address : undefined;
  return {
    type: 'customer',
    candidate: compact({
      source: ctx.source,
      externalId: o.id,
      updatedAt,
      url: `${ctx.appUrl}/organization/${o.id}`,
      name: clip(o.name?.trim() || `Organization ${o.id}`, 300),
      ownerId: o.owner_id ?? undefined,
      country: clip(address?.country, 200),
      region: clip(address?.admin_area_level_1, 200),
    }),
  };
}

/**
 * A Pipedrive lead (v1). Leads in the inbox are open; archived leads left the
 * inbox without becoming a deal, so they count as disqualified. A lead turned
 * into a deal leaves the inbox in Pipedrive; the deal keeps `source_lead_id`.
 */
export function mapLead(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(leadSchema, raw, 'lead');
  if (!read.ok) return read.mapped;
  const l = read.item;
  const externalId = l.id.slice(0, 200);
  const createdAt = firstTime(l.add_time);
  if (createdAt === undefined) return { type: 'lead', reject: 'the lead has no readable add_time', externalId };
  const channelRaw = l.source_name ?? l.origin ?? undefined;
  return {
    type: 'lead',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: firstTime(l.update_time) ?? createdAt,
      url: `${ctx.appUrl}/leads/inbox/${encodeURIComponent(l.id)}`,
      name: clip(l.title, 300),
      ownerId: l.owner_id ?? undefined,
      createdAt,
      status: l.is_archived ? 'disqualified' : 'open',
      channel: pipedriveChannel(channelRaw),
      channelRaw: clip(channelRaw, 200),
    }),
  };
}
