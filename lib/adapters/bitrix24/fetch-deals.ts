import { mapItems } from '../map';
import { noProgress } from '../pager';
import type { StageVisit } from '../../model';
import type { AdapterContext, FetchedPage } from '../types';
import { bitrixBatch, type Command, MAX_BATCH, throwFirstError } from './call';
import type { BitrixMapContext } from './map-common';
import { collectStageHistory, mapDeal } from './map-deals';
import { type BitrixCursor, encodeCursor, itemsOf, joinPages, pageCommands, pagesPerStep } from './paging';
import { bitrixIsoTime } from './query';

export const DEAL_FIELDS = [
  'ID',
  'TITLE',
  'STAGE_ID',
  'STAGE_SEMANTIC_ID',
  'CATEGORY_ID',
  'CLOSED',
  'OPPORTUNITY',
  'CURRENCY_ID',
  'OPPORTUNITY_ACCOUNT',
  'ACCOUNT_CURRENCY_ID',
  'PROBABILITY',
  'ASSIGNED_BY_ID',
  'COMPANY_ID',
  'SOURCE_ID',
  'DATE_CREATE',
  'DATE_MODIFY',
  'BEGINDATE',
  'CLOSEDATE',
  'MOVED_TIME',
  'LAST_ACTIVITY_TIME',
] as const;

/** Deals whose stage history one command asks for: 10 deals rarely pass the 50 rows of one page. */
const DEALS_PER_HISTORY_COMMAND = 10;
/**
 * Follow-up rounds for deals with more history than one page: 200 rounds of 50
 * rows is a thousand stage moves per deal, far above a real deal, so a portal
 * still paging past it is looping.
 */
const MAX_HISTORY_ROUNDS = 200;

/**
 * One step of deals: a batch with `pages` pages of crm.deal.list (ordered by
 * ID, so a deal edited meanwhile keeps its place) and the portal's base
 * currency; then batches of crm.stagehistory.list for the deals on the page,
 * which become each deal's stage history.
 */
export async function fetchDealsStep(ctx: AdapterContext, mapCtx: BitrixMapContext, cursor: BitrixCursor): Promise<FetchedPage> {
  const pages = pagesPerStep(ctx);
  const filter = cursor.since !== null ? { '>=DATE_MODIFY': bitrixIsoTime(cursor.since) } : {};
  const commands: Record<string, Command> = {
    ...pageCommands('crm.deal.list', { select: DEAL_FIELDS, filter, order: { ID: 'ASC' } }, cursor.start, pages),
    currency: { method: 'crm.currency.base.get', params: {} },
  };
  const { results, errors } = await bitrixBatch(ctx, commands);
  // Without the base currency, deals that name their own currency still map; the rest are rejected with the reason.
  const { currency: _ignored, ...pageErrors } = errors;
  throwFirstError(pageErrors);
  const chunk = joinPages('crm.deal.list', cursor.start, pages, results);
  const baseCurrency = typeof results.currency?.result === 'string' ? results.currency.result.trim().toUpperCase() : undefined;
  const history = await fetchStageHistory(ctx, dealIds(chunk.items));
  const mapped = mapItems(chunk.items, (raw) => mapDeal(raw, { ...mapCtx, baseCurrency }, history));
  return { ...mapped, nextCursor: chunk.next === null ? null : encodeCursor({ ...cursor, start: chunk.next }), totalEstimate: chunk.total };
}

function dealIds(items: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    const id = typeof item === 'object' && item !== null ? (item as { ID?: unknown }).ID : undefined;
    if ((typeof id === 'string' && /^\d{1,18}$/.test(id)) || (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0)) ids.add(String(id));
  }
  return [...ids];
}

/**
 * The stage history of some deals (crm.stagehistory.list, entityTypeId 2), read
 * to its end. The deals are named with `@OWNER_ID`, the IN operator of the
 * method's filter ("an array is passed as the value"): a bare key means an exact
 * value in the reference.
 */
export async function fetchStageHistory(ctx: AdapterContext, ids: readonly string[]): Promise<Map<string, StageVisit[]>> {
  type Pending = { ids: string[]; start: number };
  let pending: Pending[] = [];
  for (let i = 0; i < ids.length; i += DEALS_PER_HISTORY_COMMAND) pending.push({ ids: ids.slice(i, i + DEALS_PER_HISTORY_COMMAND), start: 0 });
  const rows: unknown[] = [];
  for (let round = 0; pending.length > 0; round += 1) {
    if (round >= MAX_HISTORY_ROUNDS) throw noProgress('Bitrix24', 'crm.stagehistory.list', `still said there was more after ${MAX_HISTORY_ROUNDS} rounds`);
    const batch = pending.slice(0, MAX_BATCH);
    const later = pending.slice(MAX_BATCH);
    const commands = Object.fromEntries(
      batch.map((group, i) => [
        `h${i}`,
        {
          method: 'crm.stagehistory.list',
          params: {
            entityTypeId: 2,
            filter: { '@OWNER_ID': group.ids },
            order: { ID: 'ASC' },
            select: ['ID', 'OWNER_ID', 'CREATED_TIME', 'STAGE_ID', 'STAGE_SEMANTIC_ID'],
            start: group.start,
          },
        },
      ]),
    );
    const { results, errors } = await bitrixBatch(ctx, commands);
    throwFirstError(errors);
    const again: Pending[] = [];
    batch.forEach((group, i) => {
      const page = results[`h${i}`]!;
      const items = itemsOf('crm.stagehistory.list', page.result);
      rows.push(...items);
      if (page.next === undefined) return;
      if (items.length === 0 || page.next <= group.start)
        throw noProgress('Bitrix24', 'crm.stagehistory.list', `said the next page starts at ${page.next} after ${items.length} rows from ${group.start}`);
      again.push({ ids: group.ids, start: page.next });
    });
    pending = [...later, ...again];
  }
  return collectStageHistory(rows).history;
}
