import type { LineItem } from '../../model';
import { isCrmError } from '../errors';
import { Pager } from '../pager';
import type { Reject } from '../types';
import { PIPEDRIVE_LABEL, type PipedriveContext } from './client';
import { toLineItem } from './map-deals';
import { v2Page } from './paging';

/** 50 pages of 500 lines is 250 lines a deal: far above a real deal, so a CRM past it is looping. */
const MAX_PRODUCT_PAGES = 50;

/**
 * The products of a page of deals in bulk (`GET /v2/deals/products?deal_ids=`),
 * grouped by deal. A plan without products access yields deals without lines
 * rather than no deals.
 */
export async function fetchLineItems(ctx: PipedriveContext, dealIds: readonly string[]): Promise<{ lines: Map<string, LineItem[]>; rejects: Reject[] }> {
  const lines = new Map<string, LineItem[]>();
  const rejects: Reject[] = [];
  if (dealIds.length === 0) return { lines, rejects };
  // A line read twice (a server repeating a page) would double the deal's revenue.
  const seen = new Set<string>();
  const pager = new Pager(PIPEDRIVE_LABEL, 'the products of a page of deals', MAX_PRODUCT_PAGES);
  let cursor: string | undefined;
  for (;;) {
    let result;
    try {
      result = await v2Page(ctx, '/deals/products', cursor, { deal_ids: dealIds.join(','), limit: 500 });
    } catch (error) {
      if (isCrmError(error) && error.kind === 'forbidden') return { lines, rejects };
      throw error;
    }
    for (const raw of result.items) {
      const line = toLineItem(raw);
      if ('line' in line) {
        if (line.lineId !== undefined) {
          if (seen.has(line.lineId)) continue;
          seen.add(line.lineId);
        }
        const list = lines.get(line.dealId) ?? [];
        list.push(line.line);
        lines.set(line.dealId, list);
      } else if (line.reason !== 'disabled or zero-quantity line') {
        rejects.push({ recordType: 'deal', raw, reason: `deal product left off its deal: ${line.reason}` });
      }
    }
    if (!pager.next(result.next?.c)) break;
    cursor = result.next!.c;
  }
  return { lines, rejects };
}
