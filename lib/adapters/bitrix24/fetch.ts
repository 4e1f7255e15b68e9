import { CrmError } from '../errors';
import { mapItems } from '../map';
import type { AdapterContext, FetchedPage } from '../types';
import { bitrixBatch, bitrixCall, throwFirstError } from './call';
import { fetchDealsStep } from './fetch-deals';
import { mapActivity } from './map-activities';
import type { BitrixMapContext } from './map-common';
import { mapLead } from './map-leads';
import { mapCategory, mapCompany, mapStages, mapUser } from './map-people';
import { type BitrixCursor, decodeCursor, encodeCursor, itemsOf, listStep } from './paging';
import { bitrixIsoTime } from './query';

const LEAD_FIELDS = [
  'ID',
  'TITLE',
  'NAME',
  'LAST_NAME',
  'STATUS_ID',
  'STATUS_SEMANTIC_ID',
  'SOURCE_ID',
  'ASSIGNED_BY_ID',
  'COMPANY_ID',
  'DATE_CREATE',
  'DATE_MODIFY',
  'DATE_CLOSED',
  'ADDRESS_COUNTRY',
  'ADDRESS_REGION',
];
const COMPANY_FIELDS = ['ID', 'TITLE', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY', 'ADDRESS_COUNTRY', 'ADDRESS_REGION'];
/** What an owner needs: user.get returns every field the scope allows without `select`, phones and birthdays included. */
const USER_FIELDS = ['ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'EMAIL', 'TIMESTAMP_X', 'DATE_REGISTER'];
const ACTIVITY_FIELDS = [
  'ID',
  'OWNER_TYPE_ID',
  'OWNER_ID',
  'TYPE_ID',
  'PROVIDER_ID',
  'PROVIDER_TYPE_ID',
  'SUBJECT',
  'CREATED',
  'LAST_UPDATED',
  'START_TIME',
  'END_TIME',
  'DEADLINE',
  'COMPLETED',
  'RESPONSIBLE_ID',
  'DIRECTION',
];

function mapContext(ctx: AdapterContext): BitrixMapContext {
  const appUrl = ctx.appUrl ?? new URL(ctx.baseUrl).origin;
  return { source: ctx.source, appUrl: appUrl.replace(/\/+$/, ''), timeZone: ctx.timeZone };
}

const moved = (cursor: BitrixCursor, next: number | null) => (next === null ? null : encodeCursor({ ...cursor, start: next }));

type Step = (ctx: AdapterContext, cursor: BitrixCursor) => Promise<FetchedPage>;

const steps: Record<string, Step> = {
  async users(ctx, cursor) {
    const chunk = await listStep(ctx, 'user.get', { sort: 'ID', order: 'ASC', select: USER_FIELDS }, cursor.start);
    return { ...mapItems(chunk.items, (raw) => mapUser(raw, mapContext(ctx))), nextCursor: moved(cursor, chunk.next), totalEstimate: chunk.total };
  },
  /** Deal funnels, then each funnel's stages (DEAL_STAGE for funnel 0, DEAL_STAGE_n for funnel n), in two batches. */
  async pipelines(ctx) {
    const first = await bitrixBatch(ctx, { categories: { method: 'crm.category.list', params: { entityTypeId: 2 } } });
    throwFirstError(first.errors);
    const categories = itemsOf('crm.category.list', first.results.categories?.result);
    const ids = categories.flatMap((raw) => {
      const id = (raw as { id?: unknown } | null)?.id;
      return (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) || (typeof id === 'string' && /^\d{1,18}$/.test(id)) ? [String(id)] : [];
    });
    const commands = Object.fromEntries(
      [...new Set(ids)]
        .slice(0, 50)
        .map((id) => [
          `s${id}`,
          { method: 'crm.status.list', params: { filter: { ENTITY_ID: id === '0' ? 'DEAL_STAGE' : `DEAL_STAGE_${id}` }, order: { SORT: 'ASC' } } },
        ]),
    );
    const second = await bitrixBatch(ctx, commands);
    throwFirstError(second.errors);
    const statuses = Object.keys(commands).flatMap((key) => itemsOf('crm.status.list', second.results[key]?.result));
    const stages = mapStages(statuses, mapContext(ctx));
    let index = 0;
    const pipelinePage = mapItems(categories, (raw) => mapCategory(raw, mapContext(ctx)));
    const stagePage = mapItems(statuses, () => stages[index++]!);
    return { records: { ...pipelinePage.records, ...stagePage.records }, rejects: [...pipelinePage.rejects, ...stagePage.rejects], nextCursor: null };
  },
  async companies(ctx, cursor) {
    const filter = cursor.since !== null ? { '>=DATE_MODIFY': bitrixIsoTime(cursor.since) } : {};
    const chunk = await listStep(ctx, 'crm.company.list', { select: COMPANY_FIELDS, filter, order: { ID: 'ASC' } }, cursor.start);
    return { ...mapItems(chunk.items, (raw) => mapCompany(raw, mapContext(ctx))), nextCursor: moved(cursor, chunk.next), totalEstimate: chunk.total };
  },
  async leads(ctx, cursor) {
    const filter = cursor.since !== null ? { '>=DATE_MODIFY': bitrixIsoTime(cursor.since) } : {};
    const chunk = await listStep(ctx, 'crm.lead.list', { select: LEAD_FIELDS, filter, order: { ID: 'ASC' } }, cursor.start);
    return { ...mapItems(chunk.items, (raw) => mapLead(raw, mapContext(ctx))), nextCursor: moved(cursor, chunk.next), totalEstimate: chunk.total };
  },
  async deals(ctx, cursor) {
    return fetchDealsStep(ctx, mapContext(ctx), cursor);
  },
  async activities(ctx, cursor) {
    const filter = cursor.since !== null ? { '>=LAST_UPDATED': bitrixIsoTime(cursor.since) } : {};
    const chunk = await listStep(ctx, 'crm.activity.list', { select: ACTIVITY_FIELDS, filter, order: { ID: 'ASC' } }, cursor.start);
    return { ...mapItems(chunk.items, (raw) => mapActivity(raw, mapContext(ctx))), nextCursor: moved(cursor, chunk.next), totalEstimate: chunk.total };
  },
};

export const BITRIX_OBJECT_NAMES = Object.keys(steps);

export async function fetchBitrixPage(ctx: AdapterContext, object: string, cursor: string | null, since: number | null): Promise<FetchedPage> {
  const step = steps[object];
  if (!step) throw new CrmError('bad-response', `Bitrix24 has no object ${object} in KPI Lens`, 'This is a bug in KPI Lens.');
  return step(ctx, decodeCursor(cursor) ?? { start: 0, since });
}

export async function bitrixWhoAmI(ctx: AdapterContext): Promise<{ ownerId: string; name: string }> {
  const body = await bitrixCall(ctx, 'user.current', {});
  const user = (body as { result?: { ID?: unknown; NAME?: unknown; LAST_NAME?: unknown; EMAIL?: unknown } } | null)?.result;
  const id = user?.ID;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new CrmError('bad-response', 'Bitrix24 did not say who is signed in', 'Reload the Bitrix24 tab, or check the webhook URL.');
  const name = [user?.NAME, user?.LAST_NAME].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return { ownerId: String(id), name: name || (typeof user?.EMAIL === 'string' ? user.EMAIL : `#${id}`) };
}
