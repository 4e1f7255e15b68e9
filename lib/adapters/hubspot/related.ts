import type { LineItem } from '../../model';
import { isCrmError } from '../errors';
import type { Reject } from '../types';
import { hubspotRequest, type HubspotContext } from './client';
import { LINE_ITEM_PROPERTIES, toLineItem } from './map-deals';
import { associationsSchema, listSchema } from './schemas';

/**
 * Associated record ids for a page of objects (`POST /crm/v4/associations/{from}/{to}/batch/read`),
 * from id → target ids. A token without the scope for the target (403), or an
 * association HubSpot does not know (404), yields no associations rather than no records.
 */
export async function associations(ctx: HubspotContext, from: string, to: string, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  let body: unknown;
  try {
    ({ body } = await hubspotRequest(ctx, 'POST', `/crm/v4/associations/${from}/${to}/batch/read`, { inputs: ids.map((id) => ({ id })) }));
  } catch (error) {
    if (isCrmError(error) && (error.kind === 'forbidden' || error.status === 404)) return out;
    throw error;
  }
  const parsed = associationsSchema.safeParse(body);
  for (const result of parsed.success ? parsed.data.results : []) {
    out.set(
      result.from.id,
      result.to.map((t) => String(t.toObjectId)),
    );
  }
  return out;
}

/** The line items of a page of deals, read in one batch and grouped by deal; unreadable lines become rejects. */
export async function lineItemsByDeal(
  ctx: HubspotContext,
  lineIdsByDeal: ReadonlyMap<string, string[]>,
  currencyOf: (dealId: string) => string | undefined,
): Promise<{ lines: Map<string, LineItem[]>; rejects: Reject[] }> {
  const lines = new Map<string, LineItem[]>();
  const rejects: Reject[] = [];
  const dealOfLine = new Map<string, string>();
  for (const [dealId, ids] of lineIdsByDeal) for (const id of ids) dealOfLine.set(id, dealId);
  const ids = [...dealOfLine.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const { body } = await hubspotRequest(ctx, 'POST', '/crm/v3/objects/line_items/batch/read', {
      properties: LINE_ITEM_PROPERTIES,
      propertiesWithHistory: [],
      inputs: chunk.map((id) => ({ id })),
    });
    const parsed = listSchema.safeParse(body);
    for (const raw of parsed.success ? parsed.data.results : []) {
      const id = (raw as { id?: unknown } | null)?.id;
      const dealId = typeof id === 'string' ? dealOfLine.get(id) : undefined;
      if (!dealId) continue;
      const line = toLineItem(raw, currencyOf(dealId));
      if ('line' in line) lines.set(dealId, [...(lines.get(dealId) ?? []), line.line]);
      else if (line.reason !== 'no positive quantity')
        rejects.push({ recordType: 'deal', externalId: dealId, raw, reason: `line item left off its deal: ${line.reason}` });
    }
  }
  return { lines, rejects };
}
