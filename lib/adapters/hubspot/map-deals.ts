import type { LineItem } from '../../model';
import { clip, type Mapped } from '../map';
import { analyticsChannel, compact, flag, numeric, readObject, recordLink, text, time, toMoney, type MapContext } from './map-common';
import { crmObjectSchema } from './schemas';
import { dealVisits } from './stage-history';

export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'deal_currency_code',
  'amount_in_home_currency',
  'closedate',
  'createdate',
  'dealstage',
  'pipeline',
  'hubspot_owner_id',
  'hs_is_closed_won',
  'hs_is_closed',
  'hs_deal_stage_probability',
  'hs_lastmodifieddate',
  'hs_analytics_source',
  'closed_lost_reason',
  'hs_mrr',
] as const;
export const LINE_ITEM_PROPERTIES = ['name', 'quantity', 'price', 'amount', 'hs_product_id', 'hs_line_item_currency_code'] as const;

/**
 * A line item. `amount` is HubSpot's line total after discounts, so the unit
 * price is amount / quantity (falling back to `price`); lines without a
 * positive quantity earn nothing and are left out.
 */
export function toLineItem(raw: unknown, dealCurrency: string | undefined): { id: string; line: LineItem } | { id?: string; reason: string } {
  const parsed = crmObjectSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'a line item is not as documented' };
  const o = parsed.data;
  const quantity = numeric(o, 'quantity');
  if (quantity === null || quantity === undefined || !(quantity > 0)) return { id: o.id, reason: 'no positive quantity' };
  const amount = numeric(o, 'amount');
  const price = numeric(o, 'price');
  const unit = typeof amount === 'number' ? amount / quantity : price;
  const unitPrice = typeof unit === 'number' ? toMoney(Number(unit.toFixed(6)), text(o, 'hs_line_item_currency_code') ?? dealCurrency) : undefined;
  if (!unitPrice) return { id: o.id, reason: 'the line item has no readable price or currency' };
  return { id: o.id, line: compact({ productId: text(o, 'hs_product_id'), name: clip(text(o, 'name') ?? 'Product', 200) ?? 'Product', quantity, unitPrice }) };
}

export type DealExtras = {
  lines: ReadonlyMap<string, readonly LineItem[]>;
  companies: ReadonlyMap<string, string>;
  /** Stage ids whose date-entered properties were asked for; unreadable values are pushed to `unreadable`. */
  stages?: readonly string[];
  unreadable?: unknown[];
};

/**
 * A HubSpot deal. Won when `hs_is_closed_won` is true, lost when `hs_is_closed`
 * is true and it is not won, else open. `closedate` is when a closed deal closed
 * and when an open one is expected to. A closed deal that does not say whether
 * it was won is rejected rather than guessed from its stage.
 */
export function mapDeal(raw: unknown, ctx: MapContext, extras: DealExtras): Mapped {
  const read = readObject(raw, 'deal', 'deal');
  if (!read.ok) return read.mapped;
  const o = read.item;
  const updatedAt = time(o, 'hs_lastmodifieddate') ?? (o.updatedAt ? Date.parse(o.updatedAt) : undefined);
  if (updatedAt === undefined || Number.isNaN(updatedAt)) return { type: 'deal', reject: 'the deal has no readable hs_lastmodifieddate', externalId: o.id };
  const ownerId = text(o, 'hubspot_owner_id');
  if (!ownerId) return { type: 'deal', reject: 'the deal has no owner (hubspot_owner_id is empty): assign one in HubSpot', externalId: o.id };
  const won = flag(o, 'hs_is_closed_won');
  const closed = flag(o, 'hs_is_closed');
  if (closed === true && won === undefined) return { type: 'deal', reject: 'a closed deal without hs_is_closed_won: won or lost is unknown', externalId: o.id };
  const status = won === true ? 'won' : closed === true ? 'lost' : 'open';
  const currency = text(o, 'deal_currency_code') ?? ctx.currency;
  const value = numeric(o, 'amount');
  if (value === null) return { type: 'deal', reject: `the amount "${text(o, 'amount')?.slice(0, 40)}" is not a number`, externalId: o.id };
  const amount = value === undefined ? undefined : toMoney(value, currency);
  if (value !== undefined && !amount)
    return { type: 'deal', reject: 'the deal has an amount but no currency (deal_currency_code or the account currency)', externalId: o.id };
  const home = numeric(o, 'amount_in_home_currency');
  const mrr = numeric(o, 'hs_mrr');
  const probability = numeric(o, 'hs_deal_stage_probability');
  const closeAt = time(o, 'closedate');
  const channelRaw = text(o, 'hs_analytics_source');
  const history = dealVisits(raw, extras.stages ?? [], updatedAt);
  extras.unreadable?.push(...history.unreadable);
  return {
    type: 'deal',
    candidate: compact({
      source: ctx.source,
      externalId: o.id,
      updatedAt,
      url: recordLink(ctx, 'deal', o.id),
      title: clip(text(o, 'dealname') ?? '', 500) ?? '',
      ownerId,
      status,
      pipelineId: text(o, 'pipeline'),
      stageId: text(o, 'dealstage'),
      amount,
      convertedAmount: typeof home === 'number' && ctx.currency ? toMoney(home, ctx.currency) : undefined,
      probability: typeof probability === 'number' && probability >= 0 && probability <= 1 ? Math.round(probability * 10_000) / 100 : undefined,
      createdAt: time(o, 'createdate'),
      closedAt: status === 'open' ? undefined : closeAt,
      expectedCloseAt: status === 'open' ? closeAt : undefined,
      lostReason: status === 'lost' ? clip(text(o, 'closed_lost_reason'), 500) : undefined,
      channel: analyticsChannel(channelRaw),
      channelRaw: clip(channelRaw, 200),
      customerId: extras.companies.get(o.id),
      lineItems: [...(extras.lines.get(o.id) ?? [])].slice(0, 1000),
      mrr: typeof mrr === 'number' && currency ? toMoney(mrr, currency) : undefined,
      stageHistory: history.visits,
    }),
  };
}
