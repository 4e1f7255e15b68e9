import { DAY_MS } from '../period/units';
import type { Customer, MrrMovement, MrrMovementKind } from '../model';
import type { PlanKey } from './catalog';
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
        state.churnReason = rng.weighted<NonNullable<Customer['churnReason']>>([
          ['voluntary', 60],
          ['non-payment', 30],
          ['other', 10],
        ]);
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
    for (let from = acquiredAt; from < ctx.asOf; from += 30 * DAY_MS) {
      const to = Math.min(from + 30 * DAY_MS, ctx.asOf);
      const within = (at: number) => at < to || (to === ctx.asOf && at <= to);
      const queue = later.filter((event) => within(event.at));
      later = later.filter((event) => !within(event.at));
      const at = () => ctx.cal.workTime(rng, from, to);
      const age = from - acquiredAt;
      if (state.churnedAt === undefined) {
        if (age >= 60 * DAY_MS && rng.chance(CHURN[state.plan])) queue.push({ at: at(), kind: 'churn' });
        if (age >= 30 * DAY_MS && rng.chance(0.025)) queue.push({ at: at(), kind: 'contraction' });
        // Accounts come to managers by capacity already; each account buys about as often whoever manages it.
        if (rng.chance(0.24)) {
          queue.push({ at: at(), kind: 'opportunity', order: expansionOrder(rng, state.plan, state.seats, track.manager.dealSize) });
        }
      } else if (!state.winBackOpen && from - state.churnedAt >= 30 * DAY_MS && rng.chance(0.07)) {
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
