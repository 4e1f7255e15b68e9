import type { Mapped } from '../map';
import { type BitrixMapContext, bxTime, clipText, compact, positionalProbability, readItem } from './map-common';
import { categorySchema, companySchema, statusSchema, userSchema } from './schemas';

/** A deal funnel (crm.category.list, entityTypeId 2); category 0 is the default one. Funnels carry no modification time. */
export function mapCategory(raw: unknown, ctx: BitrixMapContext): Mapped {
  const read = readItem(categorySchema, raw, 'pipeline', 'deal category');
  if (!read.ok) return read.mapped;
  const category = read.item;
  const order = Number(category.sort ?? 0);
  return {
    type: 'pipeline',
    candidate: {
      source: ctx.source,
      externalId: category.id,
      updatedAt: 0,
      url: `${ctx.appUrl}/crm/deal/category/${category.id}/`,
      name: clipText(category.name.trim() || `#${category.id}`, 200),
      order: Number.isSafeInteger(order) ? order : 0,
    },
  };
}

/** The funnel a stage directory belongs to: DEAL_STAGE is category 0, DEAL_STAGE_9 category 9. */
function categoryOf(entityId: string, categoryId: string | undefined): string | undefined {
  if (categoryId !== undefined) return categoryId;
  if (entityId === 'DEAL_STAGE') return '0';
  return /^DEAL_STAGE_(\d+)$/.exec(entityId)?.[1];
}

/**
 * Deal stages of one funnel (crm.status.list, ENTITY_ID DEAL_STAGE[_n]) → stage
 * records. SEMANTICS S is success (100 %), F failure (0 %), empty in progress
 * (its position among the funnel's in-progress stages). A directory entry of
 * another kind (lead statuses, sources) is not a deal stage and is rejected.
 */
export function mapStages(items: readonly unknown[], ctx: BitrixMapContext): Mapped[] {
  const parsed = items.map((raw) => ({ read: readItem(statusSchema, raw, 'stage', 'deal stage') }));
  const open = new Map<string, string[]>();
  const ordered = parsed.flatMap((entry) => (entry.read.ok ? [entry.read.item] : [])).sort((a, b) => Number(a.SORT ?? 0) - Number(b.SORT ?? 0));
  for (const status of ordered) {
    const pipeline = categoryOf(status.ENTITY_ID, status.CATEGORY_ID);
    if (pipeline !== undefined && !status.SEMANTICS) open.set(pipeline, [...(open.get(pipeline) ?? []), status.STATUS_ID]);
  }
  return parsed.map(({ read }) => {
    if (!read.ok) return read.mapped;
    const status = read.item;
    const pipelineId = categoryOf(status.ENTITY_ID, status.CATEGORY_ID);
    if (pipelineId === undefined)
      return { type: 'stage', reject: `${clipText(status.ENTITY_ID, 60)} is not a deal stage directory`, externalId: status.STATUS_ID };
    const semantic = status.SEMANTICS?.toUpperCase();
    const siblings = open.get(pipelineId) ?? [];
    const probability = semantic === 'S' ? 100 : semantic === 'F' ? 0 : positionalProbability(siblings.indexOf(status.STATUS_ID), siblings.length);
    const order = Number(status.SORT ?? 0);
    return {
      type: 'stage',
      candidate: {
        source: ctx.source,
        externalId: status.STATUS_ID,
        updatedAt: 0,
        pipelineId,
        name: clipText(status.NAME.trim() || status.STATUS_ID, 200),
        order: Number.isSafeInteger(order) ? order : 0,
        probability,
      },
    };
  });
}

/** A portal user (user.get). Dismissed employees stay, inactive, because they own old deals. */
export function mapUser(raw: unknown, ctx: BitrixMapContext): Mapped {
  const read = readItem(userSchema, raw, 'owner', 'user');
  if (!read.ok) return read.mapped;
  const user = read.item;
  const fullName = [user.NAME, user.LAST_NAME].filter((part) => part && part.trim()).join(' ');
  return {
    type: 'owner',
    candidate: compact({
      source: ctx.source,
      externalId: user.ID,
      updatedAt: bxTime(user.TIMESTAMP_X) ?? bxTime(user.DATE_REGISTER) ?? 0,
      url: `${ctx.appUrl}/company/personal/user/${user.ID}/`,
      name: clipText(fullName || user.EMAIL || `#${user.ID}`, 200),
      email: clipText(user.EMAIL || undefined, 320),
      active: user.ACTIVE === undefined || user.ACTIVE === null ? true : user.ACTIVE === true || user.ACTIVE === 'Y' || user.ACTIVE === 'true',
    }),
  };
}

/** A company (crm.company.list) is a customer: deals (COMPANY_ID) and activities on companies point at it. */
export function mapCompany(raw: unknown, ctx: BitrixMapContext): Mapped {
  const read = readItem(companySchema, raw, 'customer', 'company');
  if (!read.ok) return read.mapped;
  const company = read.item;
  const updatedAt = bxTime(company.DATE_MODIFY) ?? bxTime(company.DATE_CREATE);
  if (updatedAt === undefined) return { type: 'customer', reject: 'the company has neither DATE_MODIFY nor DATE_CREATE', externalId: company.ID };
  return {
    type: 'customer',
    candidate: compact({
      source: ctx.source,
      externalId: company.ID,
      updatedAt,
      url: `${ctx.appUrl}/crm/company/details/${company.ID}/`,
      name: clipText(company.TITLE?.trim() || `#${company.ID}`, 300),
      ownerId: company.ASSIGNED_BY_ID,
      country: clipText(company.ADDRESS_COUNTRY?.trim() || undefined, 200),
      region: clipText(company.ADDRESS_REGION?.trim() || undefined, 200),
    }),
  };
}
