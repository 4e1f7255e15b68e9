import type { LineItem } from '../../model';
import { localDateToInstant } from '../../period/local-date';
import { clip, type Mapped } from '../map';
import { pipedriveChannel } from './channel';
import { compact, firstTime, readItem, toMoney, type MapContext } from './map-common';
import { dealProductSchema, dealSchema, type RawDeal } from './schemas';
import { dealVisits } from './stage-history';

/**
 * A Pipedrive deal product as a line item. The unit price is the price after
 * the line's discount (a percentage, or an amount off the whole line), so
 * quantity × unit price is what the deal earns from the product; tax is left
 * out, as revenue KPIs are net of tax. Disabled lines and lines without a
 * positive quantity earn nothing and are not lines of the sale.
 */
export function toLineItem(raw: unknown): { dealId: string; lineId?: string; line: LineItem } | { reason: string } {
  const parsed = dealProductSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'a deal product is not as documented' };
  const p = parsed.data;
  if (p.is_enabled === false || !(p.quantity > 0) || !Number.isFinite(p.quantity)) return { reason: 'disabled or zero-quantity line' };
  const price = typeof p.item_price === 'string' ? Number(p.item_price) : (p.item_price ?? 0);
  let unit = price;
  if (p.discount) unit = p.discount_type === 'amount' ? price - p.discount / p.quantity : price * (1 - p.discount / 100);
  const money = toMoney(Number.isFinite(unit) ? Number(unit.toFixed(6)) : Number.NaN, p.currency);
  if (money === undefined || typeof money === 'string') return { reason: money ?? 'a deal product without a price' };
  const line: LineItem = compact({
    productId: p.product_id ?? undefined,
    name: clip(p.name?.trim() || `Product ${p.product_id ?? p.id ?? ''}`.trim(), 200) ?? 'Product',
    quantity: p.quantity,
    unitPrice: money,
  });
  return { dealId: p.deal_id, lineId: p.id ?? undefined, line };
}

/**
 * Stage history for mapDeal: the changelogs read for some deals (stage-history.ts); the mapper adds
 * the changes it could not read to `unreadable`, and to `partial` the deals whose history is not whole.
 */
export type HistoryInput = { changelogs?: ReadonlyMap<string, readonly unknown[]>; unreadable?: unknown[]; partial?: string[] };

/** When a closed deal closed: the status-specific time first, then Pipedrive's generic close time. */
function closedAt(deal: RawDeal): number | undefined {
  if (deal.status === 'won') return firstTime(deal.won_time, deal.close_time);
  if (deal.status === 'lost') return firstTime(deal.lost_time, deal.close_time);
  return undefined;
}

/**
 * A Pipedrive deal as a canonical deal. Status comes from Pipedrive's `status`
 * field only; `expected_close_date` is a calendar date, so it becomes midnight
 * in the rep's zone; `org_id` is the customer.
 */
export function mapDeal(raw: unknown, ctx: MapContext, lines: ReadonlyMap<string, readonly LineItem[]>, history: HistoryInput = {}): Mapped {
  const read = readItem(dealSchema, raw, 'deal');
  if (!read.ok) return read.mapped;
  const d = read.item;
  if (d.status === 'deleted') return { type: 'deal', reject: 'a deleted deal is reported as deleted, not stored', externalId: d.id };
  const updatedAt = firstTime(d.update_time, d.add_time);
  if (updatedAt === undefined) return { type: 'deal', reject: 'the deal has no readable update_time', externalId: d.id };
  const amount = toMoney(d.value, d.currency);
  if (typeof amount === 'string') return { type: 'deal', reject: amount, externalId: d.id };
  const mrr = d.mrr === null || d.mrr === undefined || !amount ? undefined : toMoney(d.mrr, amount.currency);
  const channelRaw = d.origin ?? d.channel_id ?? undefined;
  const times = { stageId: d.stage_id ?? undefined, addTime: firstTime(d.add_time), stageChangeTime: firstTime(d.stage_change_time), updatedAt };
  const visits = dealVisits(times, history.changelogs?.get(d.id));
  history.unreadable?.push(...visits.unreadable);
  if (!visits.complete) history.partial?.push(d.id);
  return {
    type: 'deal',
    candidate: compact({
      source: ctx.source,
      externalId: d.id,
      updatedAt,
      url: `${ctx.appUrl}/deal/${d.id}`,
      title: clip(d.title ?? '', 500) ?? '',
      ownerId: d.owner_id,
      status: d.status,
      pipelineId: d.pipeline_id ?? undefined,
      stageId: d.stage_id ?? undefined,
      amount,
      probability: d.probability ?? undefined,
      createdAt: firstTime(d.add_time),
      closedAt: closedAt(d),
      expectedCloseAt: d.expected_close_date ? localDateToInstant(d.expected_close_date, ctx.timeZone) : undefined,
      lostReason: d.status === 'lost' ? clip(d.lost_reason, 500) : undefined,
      channel: pipedriveChannel(channelRaw),
      channelRaw: clip(channelRaw, 200),
      customerId: d.org_id ?? undefined,
      lineItems: [...(lines.get(d.id) ?? [])].slice(0, 1000),
      mrr: typeof mrr === 'object' ? mrr : undefined,
      stageHistory: visits.visits,
    }),
  };
}
