import type { Customer, MrrMovement, MrrMovementKind } from '../model';
import { DAY } from './calendar';
import type { PlanKey } from './catalog';
import type { ClosingRules } from './closing';
import type { DemoContext } from './context';
import { expansionOrder, type ExpansionOrder } from './deal-lines';
import type { DealTrack } from './deals';
import { newExpansionDeal, newWinBackDeal } from './expansion';
import { pickRep } from './leads';
import type { Org, RepProfile } from './org';
import type { Rng } from './random';

/** A customer while the history is replayed, and afterwards what activities need to know about it. */
export type CustomerTrack = {
  customer: Customer;
  /** The Expansion rep who manages the account (check-ins, upsell deals). */
  manager: RepProfile;
  /** [from, to] spans when the customer was paying. */
  active: [number, number][];
  russian: boolean;
};

type State = {
  track: CustomerTrack;
  nb: DealTrack;
  plan: PlanKey;
  seats: number;
  mrr: number;
  churnedAt?: number;
  churnReason?: Customer['churnReason'];
  lastEvent: number;
  winBackOpen: boolean;
};

type Event = { at: number; kind: 'close' | 'churn' | 'contraction' | 'opportunity' | 'winback'; deal?: DealTrack; order?: ExpansionOrder };

/** Monthly chance to churn by plan: small accounts leave more often. */
const CHURN: Record<PlanKey, number> = { starter: 0.04, pro: 0.025, enterprise: 0.015 };

/**
 * Replays every customer's life month by month from its first win to asOf: upsell
 * opportunities (Expansion deals), contractions, churn and win-backs. MRR movements
 * come out of the same replay, so a customer's movements always add up to its MRR:
 * ≥ 0 at every moment, 0 after a churn, and a churned customer's last movement is
 * the churn at `churnedAt`.
 */
export function simulateCustomers(ctx: DemoContext, rng: Rng, org: Org, wins: readonly DealTrack[]) {
  const customers: CustomerTrack[] = [];
  const movements: Omit<MrrMovement, 'externalId'>[] = [];
  const deals: DealTrack[] = [];
  const ordered = [...wins].sort((a, b) => (a.deal.closedAt ?? 0) - (b.deal.closedAt ?? 0));

  ordered.forEach((nb, i) => {
    const id = `customer-${i + 1}`;
    const acquiredAt = nb.deal.closedAt as number;
    const currency = nb.company.currency;
    nb.deal.customerId = id;
    if (nb.lead) nb.lead.lead.convertedCustomerId = id;
    const customer: Customer = {
      source: ctx.source,
      externalId: id,
      updatedAt: acquiredAt,
      url: ctx.url('customers', id),
      name: nb.company.name,
      ownerId: nb.rep.id,
      region: nb.company.region,
      country: nb.company.country,
      acquiredAt,
    };
    const track: CustomerTrack = { customer, manager: pickRep(rng, org.byTeam.exp), active: [], russian: nb.company.language === 'ru' };
    const state: State = { track, nb, plan: nb.plan ?? 'pro', seats: nb.seats ?? 10, mrr: nb.mrr, lastEvent: acquiredAt, winBackOpen: false };
    const move = (at: number, kind: MrrMovementKind, minor: number, ownerId: string) => {
      movements.push({ source: ctx.source, updatedAt: at, customerId: id, ownerId, at, kind, amount: { minor, currency } });
      state.lastEvent = at;
    };
    move(acquiredAt, 'new', state.mrr, nb.rep.id);
    let activeFrom = acquiredAt;

    const apply = (event: Event, queue: Event[]) => {
      const { at } = event;
      if (event.kind === 'opportunity' && event.order) {
        const deal = newExpansionDeal(ctx, rng, state.nb, track.manager, at, event.order, id);
        deals.push(deal);
        if (deal.deal.closedAt !== undefined) queue.push({ at: deal.deal.closedAt, kind: 'close', deal, order: event.order });
      } else if (event.kind === 'winback') {
        const deal = newWinBackDeal(ctx, rng, state.nb, track.manager, at, state.plan, state.seats, id);
        deals.push(deal);
        state.winBackOpen = deal.deal.status === 'open';
        if (deal.deal.closedAt !== undefined) queue.push({ at: deal.deal.closedAt, kind: 'close', deal });
      } else if (event.kind === 'close' && event.deal) {
        const { deal } = event.deal;
        const winBack = event.order === undefined;
        if (winBack) state.winBackOpen = false;
        if (deal.status !== 'won') return;
        if (winBack && state.churnedAt !== undefined) {
          state.mrr = event.deal.mrr;
          state.churnedAt = undefined;
          state.churnReason = undefined;
          activeFrom = at;
          move(at, 'reactivation', state.mrr, deal.ownerId);
        } else if (!winBack && state.churnedAt === undefined) {
          const order = event.order as ExpansionOrder;
          state.plan = order.plan;
          state.seats += order.addSeats;
          state.mrr += event.deal.mrr;
          if (event.deal.mrr > 0) move(at, 'expansion', event.deal.mrr, deal.ownerId);
        } else {
          // Won on paper while the account was gone: the CRM shows it lost.
          deal.status = 'lost';
          deal.lostReason = 'Customer churned';
        }
      } else if (event.kind === 'churn' && state.churnedAt === undefined) {
        track.active.push([activeFrom, at]);
        move(at, 'churn', state.mrr, customer.ownerId as string);
        state.mrr = 0;
        state.churnedAt = at;
        state.churnReason = rng.weighted<NonNullable<Customer['churnReason']>>([['voluntary', 60], ['non-payment', 30], ['other', 10]]);
      } else if (event.kind === 'contraction' && state.churnedAt === undefined && state.seats > 3) {
        const seats = Math.max(2, Math.round(state.seats * (1 - rng.between(0.1, 0.35))));
        const minor = Math.max(1, Math.round((state.mrr * (state.seats - seats)) / state.seats));
        if (minor >= state.mrr) return;
        state.seats = seats;
        state.mrr -= minor;
        move(at, 'contraction', minor, customer.ownerId as string);
      }
    };

    // Deals close after the month they were opened in: their close events wait here.
    let later: Event[] = [];
    for (let from = acquiredAt; from < ctx.asOf; from += 30 * DAY) {
      const to = Math.min(from + 30 * DAY, ctx.asOf);
      const within = (at: number) => at < to || (to === ctx.asOf && at <= to);
      const queue = later.filter((event) => within(event.at));
      later = later.filter((event) => !within(event.at));
      const at = () => ctx.cal.workTime(rng, from, to);
      const age = from - acquiredAt;
      if (state.churnedAt === undefined) {
        if (age >= 60 * DAY && rng.chance(CHURN[state.plan])) queue.push({ at: at(), kind: 'churn' });
        if (age >= 30 * DAY && rng.chance(0.025)) queue.push({ at: at(), kind: 'contraction' });
        // Accounts come to managers by capacity already; each account buys about as often whoever manages it.
        if (rng.chance(0.24)) {
          queue.push({ at: at(), kind: 'opportunity', order: expansionOrder(rng, state.plan, state.seats, track.manager.dealSize) });
        }
      } else if (!state.winBackOpen && from - state.churnedAt >= 30 * DAY && rng.chance(0.07)) {
        queue.push({ at: at(), kind: 'winback' });
      }
      const created: Event[] = [];
      while (queue.length) {
        queue.sort((a, b) => a.at - b.at);
        apply(queue.shift() as Event, created);
        for (const event of created.splice(0)) (within(event.at) ? queue : later).push(event);
      }
    }
    if (state.churnedAt === undefined) track.active.push([activeFrom, ctx.asOf]);
    else {
      customer.churnedAt = state.churnedAt;
      if (state.churnReason) customer.churnReason = state.churnReason;
    }
    customer.updatedAt = state.lastEvent;
    customers.push(track);
  });
  return { customers, movements, deals };
}

/**
 * The closing rules of Expansion deals (see closing.ts). The customer replay has already
 * turned their closes into MRR, so a deal moves only where the replay would have come
 * out the same: no other event of its customer between its old and new close, and a
 * deal pulled in from after asOf only onto a customer still paying and quiet since. Its
 * expansion movement moves along, goes when the deal slips past asOf, and comes when a
 * deal due after asOf closes before it. Win-backs stay where they are.
 */
export function expansionClosingRules(ctx: DemoContext, customers: readonly CustomerTrack[], movements: Omit<MrrMovement, 'externalId'>[]): ClosingRules {
  const byCustomer = new Map<string, Omit<MrrMovement, 'externalId'>[]>();
  for (const movement of movements) {
    const list = byCustomer.get(movement.customerId) ?? [];
    list.push(movement);
    byCustomer.set(movement.customerId, list);
  }
  const customerById = new Map(customers.map((track) => [track.customer.externalId, track.customer]));
  const eventsOf = (track: DealTrack) => {
    const id = track.deal.customerId ?? '';
    let list = byCustomer.get(id);
    if (!list) byCustomer.set(id, (list = []));
    return list;
  };
  const ownMovement = (track: DealTrack, at: number) => eventsOf(track).find((m) => m.at === at && m.ownerId === track.deal.ownerId && m.kind === 'expansion');
  return {
    reopen: true,
    movable(track, to) {
      if (track.winBack) return false;
      const from = track.timeline.plannedEnd;
      const events = eventsOf(track);
      if (track.deal.status === 'won') {
        const own = ownMovement(track, from);
        const [lo, hi] = from < to ? [from, to] : [to, from];
        return !events.some((m) => m !== own && m.at >= lo && m.at <= hi);
      }
      if (track.deal.status !== 'open' || from <= ctx.asOf || to > ctx.asOf) return false;
      const before = events.filter((m) => m.at < to).sort((a, b) => a.at - b.at);
      return before.length > 0 && before[before.length - 1]?.kind !== 'churn' && !events.some((m) => m.at >= to);
    },
    moved(track, from, to) {
      const events = eventsOf(track);
      const own = from <= ctx.asOf ? ownMovement(track, from) : undefined;
      if (own && to > ctx.asOf) {
        events.splice(events.indexOf(own), 1);
        movements.splice(movements.indexOf(own), 1);
      } else if (own) {
        own.at = to;
        own.updatedAt = to;
      } else if (from > ctx.asOf && to <= ctx.asOf && track.mrr > 0) {
        const added = { source: ctx.source, updatedAt: to, customerId: track.deal.customerId ?? '', ownerId: track.deal.ownerId ?? '', at: to, kind: 'expansion' as const, amount: { minor: track.mrr, currency: track.company.currency } };
        events.push(added);
        movements.push(added);
      }
      const customer = customerById.get(track.deal.customerId ?? '');
      if (customer) customer.updatedAt = Math.max(...events.map((m) => m.at));
    },
  };
}
