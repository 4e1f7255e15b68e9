import type { MrrMovement } from '../model';
import type { ClosingRules } from './closing';
import type { DemoContext } from './context';
import type { CustomerTrack } from './customers';
import type { DealTrack } from './deals';

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
        const added = {
          source: ctx.source,
          updatedAt: to,
          customerId: track.deal.customerId ?? '',
          ownerId: track.deal.ownerId ?? '',
          at: to,
          kind: 'expansion' as const,
          amount: { minor: track.mrr, currency: track.company.currency },
        };
        events.push(added);
        movements.push(added);
      }
      const customer = customerById.get(track.deal.customerId ?? '');
      if (customer) customer.updatedAt = Math.max(...events.map((m) => m.at));
    },
  };
}
