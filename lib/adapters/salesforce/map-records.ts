import { clip, parseTimestamp, type Mapped } from '../map';
import { compact, currencyOf, dateAt, leadSourceChannel, money, readItem, recordLink, type MapContext } from './map-common';
import { OPPORTUNITY_PIPELINE_ID } from './map-opportunity';
import { accountSchema, leadSchema, productSchema, quotaSchema, roleSchema, stageSchema, userSchema } from './schemas';

type Stamped = { Id: string; SystemModstamp: string };
function stamp<T extends Stamped>(item: T, type: Mapped['type']): number | Mapped {
  return parseTimestamp(item.SystemModstamp) ?? { type, reject: 'no readable SystemModstamp', externalId: item.Id };
}

/** A Lead. Converted when IsConverted; "Closed - Not Converted" (and unqualified) statuses are disqualified. */
export function mapLead(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(leadSchema, raw, 'lead', 'Lead');
  if (!read.ok) return read.mapped;
  const l = read.item;
  const updatedAt = stamp(l, 'lead');
  if (typeof updatedAt !== 'number') return updatedAt;
  const createdAt = parseTimestamp(l.CreatedDate);
  if (createdAt === undefined) return { type: 'lead', reject: 'the lead has no readable CreatedDate', externalId: l.Id };
  const status = l.IsConverted ? 'converted' : /not converted|unqualified|disqualified/i.test(l.Status ?? '') ? 'disqualified' : 'open';
  return {
    type: 'lead',
    candidate: compact({
      source: ctx.source,
      externalId: l.Id,
      updatedAt,
      url: recordLink(ctx, 'Lead', l.Id),
      name: clip(l.Name, 300),
      ownerId: l.OwnerId ?? undefined,
      createdAt,
      status,
      channel: leadSourceChannel(l.LeadSource),
      channelRaw: clip(l.LeadSource, 200),
      convertedAt: l.IsConverted ? dateAt(l.ConvertedDate, ctx.timeZone) : undefined,
      convertedDealId: l.ConvertedOpportunityId ?? undefined,
      convertedCustomerId: l.ConvertedAccountId ?? undefined,
      region: clip(l.State ?? l.Country, 200),
    }),
  };
}

/** An Account as a customer; the billing address gives country and region. */
export function mapAccount(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(accountSchema, raw, 'customer', 'Account');
  if (!read.ok) return read.mapped;
  const a = read.item;
  const updatedAt = stamp(a, 'customer');
  if (typeof updatedAt !== 'number') return updatedAt;
  return {
    type: 'customer',
    candidate: compact({
      source: ctx.source,
      externalId: a.Id,
      updatedAt,
      url: recordLink(ctx, 'Account', a.Id),
      name: clip(a.Name?.trim() || `Account ${a.Id}`, 300),
      ownerId: a.OwnerId ?? undefined,
      country: clip(a.BillingCountry, 200),
      region: clip(a.BillingState, 200),
    }),
  };
}

/** A User as an owner; the role hierarchy stands in for teams (teamId = UserRoleId). */
export function mapUser(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(userSchema, raw, 'owner', 'User');
  if (!read.ok) return read.mapped;
  const u = read.item;
  const updatedAt = stamp(u, 'owner');
  if (typeof updatedAt !== 'number') return updatedAt;
  return {
    type: 'owner',
    candidate: compact({
      source: ctx.source,
      externalId: u.Id,
      updatedAt,
      url: recordLink(ctx, 'User', u.Id),
      name: clip(u.Name?.trim() || u.Email || `User ${u.Id}`, 200),
      email: clip(u.Email, 320),
      teamId: u.UserRoleId ?? undefined,
      active: u.IsActive !== false,
    }),
  };
}

export function mapRole(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(roleSchema, raw, 'team', 'UserRole');
  if (!read.ok) return read.mapped;
  const r = read.item;
  const updatedAt = stamp(r, 'team');
  if (typeof updatedAt !== 'number') return updatedAt;
  return { type: 'team', candidate: { source: ctx.source, externalId: r.Id, updatedAt, name: clip(r.Name?.trim() || `Role ${r.Id}`, 200) } };
}

/**
 * An OpportunityStage. Opportunity.StageName holds the stage's API name, so the
 * stage's id in KPI Lens is its ApiName (MasterLabel in older orgs).
 */
export function mapStage(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(stageSchema, raw, 'stage', 'OpportunityStage');
  if (!read.ok) return read.mapped;
  const s = read.item;
  const updatedAt = stamp(s, 'stage');
  if (typeof updatedAt !== 'number') return updatedAt;
  const key = s.ApiName?.trim() || s.MasterLabel?.trim();
  if (!key) return { type: 'stage', reject: 'the stage has neither ApiName nor MasterLabel', externalId: s.Id };
  if (s.DefaultProbability === null || s.DefaultProbability === undefined)
    return { type: 'stage', reject: 'the stage has no DefaultProbability', externalId: key };
  return {
    type: 'stage',
    candidate: compact({
      source: ctx.source,
      externalId: key,
      updatedAt,
      pipelineId: OPPORTUNITY_PIPELINE_ID,
      name: clip(s.MasterLabel?.trim() || key, 200),
      order: s.SortOrder ?? 0,
      probability: s.DefaultProbability,
    }),
  };
}

export function mapProduct(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(productSchema, raw, 'product', 'Product2');
  if (!read.ok) return read.mapped;
  const p = read.item;
  const updatedAt = stamp(p, 'product');
  if (typeof updatedAt !== 'number') return updatedAt;
  return {
    type: 'product',
    candidate: compact({
      source: ctx.source,
      externalId: p.Id,
      updatedAt,
      url: recordLink(ctx, 'Product2', p.Id),
      name: clip(p.Name?.trim() || `Product ${p.Id}`, 200),
      code: clip(p.ProductCode, 100),
      category: clip(p.Family, 200),
    }),
  };
}

function addMonths(date: string, months: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + months, Number(m[3]))).toISOString().slice(0, 10);
}

/**
 * A ForecastingQuota: a revenue quota of one user for one forecast period.
 * The period is the quota's Period (PeriodId) where known; else it starts at
 * StartDate and lasts the org's forecast period. Quantity quotas are not
 * revenue quotas and are rejected.
 */
export function mapQuota(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(quotaSchema, raw, 'quota', 'ForecastingQuota');
  if (!read.ok) return read.mapped;
  const q = read.item;
  const updatedAt = stamp(q, 'quota');
  if (typeof updatedAt !== 'number') return updatedAt;
  if (q.IsAmount === false || q.QuotaAmount === null || q.QuotaAmount === undefined)
    return { type: 'quota', reject: 'a quantity quota is not a revenue quota', externalId: q.Id };
  const currency = currencyOf(ctx, q.CurrencyIsoCode);
  const amount = currency ? money(q.QuotaAmount, currency) : undefined;
  if (!amount)
    return { type: 'quota', reject: currency ? `the QuotaAmount ${q.QuotaAmount} is not readable` : 'the quota currency is not known', externalId: q.Id };
  const period = q.PeriodId ? ctx.periods?.get(q.PeriodId) : undefined;
  const endDate = period?.endDate ?? addMonths(q.StartDate, ctx.forecastPeriod === 'quarter' ? 3 : 1);
  if (!endDate) return { type: 'quota', reject: `the StartDate ${q.StartDate.slice(0, 30)} is not a date`, externalId: q.Id };
  return {
    type: 'quota',
    candidate: {
      source: ctx.source,
      externalId: q.Id,
      updatedAt,
      ownerId: q.QuotaOwnerId,
      periodKind: period?.kind ?? ctx.forecastPeriod,
      startDate: period?.startDate ?? q.StartDate,
      endDate,
      amount,
    },
  };
}
