import type { LineItem } from '../../model';
import { clip, parseTimestamp, type Mapped } from '../map';
import { compact, currencyOf, dateAt, leadSourceChannel, money, readItem, recordLink, type MapContext } from './map-common';
import { lineItemSchema, opportunitySchema } from './schemas';
import { opportunityVisits } from './stage-history';

/** Every opportunity sits in one pipeline: Salesforce stages are org-wide picklist values. */
export const OPPORTUNITY_PIPELINE_ID = 'opportunities';

/**
 * OpportunityLineItems of the opportunity (read in the same SOQL as a
 * subquery). The unit price is TotalPrice / Quantity, which includes the line's
 * discount; a line without a positive quantity earns nothing and is left out.
 */
function lineItems(raw: readonly unknown[], currency: string): LineItem[] | string {
  const lines: LineItem[] = [];
  for (const item of raw) {
    const parsed = lineItemSchema.safeParse(item);
    if (!parsed.success) return 'an OpportunityLineItem is not as documented';
    const l = parsed.data;
    if (!(l.Quantity > 0)) continue;
    const unit = l.TotalPrice !== null && l.TotalPrice !== undefined ? l.TotalPrice / l.Quantity : l.UnitPrice;
    const unitPrice = unit === null || unit === undefined ? undefined : money(Number(unit.toFixed(6)), currency);
    if (!unitPrice) return `the OpportunityLineItem ${l.Id ?? ''} has no readable price`;
    lines.push(compact({ productId: l.Product2Id ?? undefined, name: clip(l.Name?.trim() || 'Product', 200) ?? 'Product', quantity: l.Quantity, unitPrice }));
  }
  return lines;
}

/**
 * An Opportunity. Won when IsWon, lost when IsClosed and not won, else open.
 * CloseDate is a date: for a closed opportunity it is when it closed, for an
 * open one when it is expected to close.
 */
export function mapOpportunity(raw: unknown, ctx: MapContext): Mapped | Mapped[] {
  const read = readItem(opportunitySchema, raw, 'deal', 'Opportunity');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const updatedAt = parseTimestamp(o.SystemModstamp);
  if (updatedAt === undefined) return { type: 'deal', reject: 'the opportunity has no readable SystemModstamp', externalId: o.Id };
  const currency = currencyOf(ctx, o.CurrencyIsoCode);
  const needsCurrency = (o.Amount !== null && o.Amount !== undefined) || (o.OpportunityLineItems?.records.length ?? 0) > 0;
  if (needsCurrency && !currency) {
    return {
      type: 'deal',
      reject: ctx.multiCurrency ? 'the opportunity has no CurrencyIsoCode' : 'the org currency is not known: reconnect Salesforce so KPI Lens reads it',
      externalId: o.Id,
    };
  }
  const amount = o.Amount !== null && o.Amount !== undefined && currency ? money(o.Amount, currency) : undefined;
  if (o.Amount !== null && o.Amount !== undefined && !amount)
    return { type: 'deal', reject: `the Amount ${o.Amount} is not a readable amount`, externalId: o.Id };
  const lines = currency ? lineItems(o.OpportunityLineItems?.records ?? [], currency) : [];
  if (typeof lines === 'string') return { type: 'deal', reject: lines, externalId: o.Id };
  const status = o.IsWon ? 'won' : o.IsClosed ? 'lost' : 'open';
  const closeDate = dateAt(o.CloseDate, ctx.timeZone);
  const stageId = clip(o.StageName, 200) || undefined;
  const history = opportunityVisits(o.OpportunityHistories, { stageId, updatedAt });
  ctx.unreadableHistory?.push(...history.unreadable);
  const deal: Mapped = {
    type: 'deal',
    candidate: compact({
      source: ctx.source,
      externalId: o.Id,
      updatedAt,
      url: recordLink(ctx, 'Opportunity', o.Id),
      title: clip(o.Name ?? '', 500) ?? '',
      ownerId: o.OwnerId,
      status,
      pipelineId: OPPORTUNITY_PIPELINE_ID,
      stageId,
      amount,
      probability: o.Probability ?? undefined,
      createdAt: parseTimestamp(o.CreatedDate),
      closedAt: status === 'open' ? undefined : closeDate,
      expectedCloseAt: status === 'open' ? closeDate : undefined,
      channel: leadSourceChannel(o.LeadSource),
      channelRaw: clip(o.LeadSource, 200),
      customerId: o.AccountId ?? undefined,
      lineItems: lines.slice(0, 1000),
      stageHistory: history.visits,
    }),
  };
  // A subquery returns its first batch of lines only; say so rather than under-count product revenue silently.
  const nested = o.OpportunityLineItems;
  if (nested && nested.done === false) {
    return [
      deal,
      {
        type: 'deal',
        reject: `only ${nested.records.length} of ${nested.totalSize ?? 'more'} line items were read; product revenue of this opportunity is incomplete`,
        externalId: o.Id,
      },
    ];
  }
  return deal;
}
