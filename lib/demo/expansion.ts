import { EXPANSION_LOST_REASONS, type PlanKey } from './catalog';
import { speaksRussian } from './company';
import type { DemoContext } from './context';
import { expansionTitle, localPrice, priceLines, type ExpansionOrder } from './deal-lines';
import type { Outcome } from './deal-timeline';
import { createDeal, type DealTrack } from './deals';
import type { RepProfile } from './org';
import type { Rng } from './random';

/** Ids are given once every deal exists, in creation order (see `relabelDeals`). */
const UNLABELLED = 'unlabelled';

/** An upsell to an existing customer, in the Expansion pipeline, owned by its account manager. */
export function newExpansionDeal(
  ctx: DemoContext,
  rng: Rng,
  nb: DealTrack,
  manager: RepProfile,
  createdAt: number,
  order: ExpansionOrder,
  customerId: string,
): DealTrack {
  const { company } = nb;
  const won = Math.min(0.9, manager.winRate);
  const outcome = rng.weighted<Outcome>([
    ['won', won],
    ['stalled', 0.04],
    ['lost', 0.96 - won],
  ]);
  const priced = order.customUsd
    ? { custom: { amount: localPrice(order.customUsd.amount, company.currency), cost: localPrice(order.customUsd.cost, company.currency) } }
    : priceLines(order.orders, company.currency);
  return createDeal(ctx, rng, {
    id: UNLABELLED,
    pipeline: 'exp',
    rep: manager,
    company,
    createdAt,
    outcome,
    title: `${company.name} — ${expansionTitle(order.kind, order.addSeats, order.plan, speaksRussian(company))}`,
    channel: nb.deal.channel ?? 'other',
    customerId,
    priced,
    lostReasons: EXPANSION_LOST_REASONS,
  });
}

/** Winning back a churned customer: the old plan, usually with fewer seats. Won → reactivation MRR. */
export function newWinBackDeal(
  ctx: DemoContext,
  rng: Rng,
  nb: DealTrack,
  manager: RepProfile,
  createdAt: number,
  plan: PlanKey,
  seats: number,
  customerId: string,
): DealTrack {
  const { company } = nb;
  const orders = [{ key: plan, quantity: Math.max(2, Math.round(seats * rng.between(0.6, 1))) }];
  const outcome = rng.weighted<Outcome>([
    ['won', 0.45],
    ['stalled', 0.05],
    ['lost', 0.5],
  ]);
  const track = createDeal(ctx, rng, {
    id: UNLABELLED,
    pipeline: 'exp',
    rep: manager,
    company,
    createdAt,
    outcome,
    title: `${company.name} — ${speaksRussian(company) ? 'возврат клиента' : 'win-back'}`,
    channel: nb.deal.channel ?? 'other',
    customerId,
    priced: priceLines(orders, company.currency),
    lostReasons: EXPANSION_LOST_REASONS,
  });
  return { ...track, winBack: true };
}

/**
 * Gives every deal its final id in creation order (`deal-1` is the oldest), as a CRM
 * would, and updates the references to it (the url, the converted lead).
 */
export function relabelDeals(ctx: DemoContext, tracks: DealTrack[]): DealTrack[] {
  const sorted = [...tracks].sort((a, b) => (a.deal.createdAt ?? 0) - (b.deal.createdAt ?? 0));
  sorted.forEach((track, i) => {
    const id = `deal-${i + 1}`;
    track.deal.externalId = id;
    track.deal.url = ctx.url('deals', id);
    if (track.lead) track.lead.lead.convertedDealId = id;
  });
  return sorted;
}
