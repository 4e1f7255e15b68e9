import { decodeCursor as decodeStoredCursor, encodeCursor as encodeStoredCursor } from '../cursor';
import { CrmError } from '../errors';
import { noProgress } from '../pager';
import { z } from '../../model/zod';
import type { AdapterContext } from '../types';
import { bitrixBatch, type Command, MAX_BATCH, type Params, throwFirstError } from './call';

/** Bitrix24 list methods always return 50 items per page. */
export const BITRIX_PAGE = 50;

/**
 * Pages fetched per sync step, in one batch request: the engine's page size in
 * 50s (500 records by default), at most 49 so a step's batch keeps room for
 * one more command.
 */
export function pagesPerStep(ctx: AdapterContext): number {
  return Math.max(1, Math.min(Math.ceil((ctx.pageSize ?? 500) / BITRIX_PAGE), MAX_BATCH - 1));
}

/** Where a list keeps its items: most methods return the array, a few wrap it. */
export function itemsOf(method: string, result: unknown): unknown[] {
  const list =
    method === 'crm.category.list'
      ? (result as { categories?: unknown } | null)?.categories
      : method === 'crm.stagehistory.list'
        ? (result as { items?: unknown } | null)?.items
        : result;
  if (!Array.isArray(list))
    throw new CrmError('bad-response', `Bitrix24 answered ${method} without a list`, 'KPI Lens retries; if this repeats, the rest of the data still syncs.');
  return list;
}

/** Commands for `pages` consecutive pages of a list method starting at `start`, keyed p0, p1… */
export function pageCommands(method: string, params: Params, start: number, pages: number): Record<string, Command> {
  return Object.fromEntries(Array.from({ length: pages }, (_, i) => [`p${i}`, { method, params: { ...params, start: start + i * BITRIX_PAGE } }]));
}

export type ListChunk = { items: unknown[]; next: number | null; total?: number };

/**
 * Joins the pages of a batch in order. The list ends at the first page that
 * has no `next`; a `next` that does not move forward, or one on an empty page,
 * is a broken answer, not a reason to loop (see pager.ts).
 */
export function joinPages(method: string, start: number, pages: number, results: Awaited<ReturnType<typeof bitrixBatch>>['results']): ListChunk {
  const items: unknown[] = [];
  let next: number | null = null;
  let total: number | undefined;
  for (let i = 0; i < pages; i += 1) {
    const page = results[`p${i}`];
    if (!page) break;
    const list = itemsOf(method, page.result);
    items.push(...list);
    total = page.total ?? total;
    const pageStart = start + i * BITRIX_PAGE;
    if (page.next === undefined) {
      next = null;
      break;
    }
    if (list.length === 0) throw noProgress('Bitrix24', method, `said the next page starts at ${page.next} but held nothing`);
    if (page.next <= pageStart) throw noProgress('Bitrix24', method, `said the next page starts at ${page.next}, not after ${pageStart}`);
    next = page.next;
  }
  return { items, next, total };
}

/** One step of a list: `pages` pages in one batch. */
export async function listStep(ctx: AdapterContext, method: string, params: Params, start: number): Promise<ListChunk> {
  const pages = pagesPerStep(ctx);
  const { results, errors } = await bitrixBatch(ctx, pageCommands(method, params, start, pages));
  throwFirstError(errors);
  return joinPages(method, start, pages, results);
}

/** The sync position inside one object: the next `start`, and the `since` the chain started with. */
const cursorSchema = z.lazy(() => z.object({ start: z.number().int().nonnegative(), since: z.number().int().nullable() }));
export type BitrixCursor = z.infer<typeof cursorSchema>;

export function decodeCursor(cursor: string | null): BitrixCursor | null {
  return decodeStoredCursor(cursor, cursorSchema, 'Bitrix24');
}

export const encodeCursor = (cursor: BitrixCursor): string => encodeStoredCursor(cursor);
