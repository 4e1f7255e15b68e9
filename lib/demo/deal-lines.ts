import type { LineItem, Money } from '../model';
import { PRICE_PER_USD, productSpec, type DemoCurrency, type PlanKey, type ProductKey } from './catalog';
import { productId } from './org';
import type { Rng } from './random';

/** Local list prices: whole euros, roubles to the nearest 10, in minor units. */
export function localPrice(usd: number, currency: DemoCurrency): number {
  if (currency === 'USD') return usd * 100;
  if (currency === 'EUR') return Math.round(usd * PRICE_PER_USD.EUR) * 100;
  return Math.round((usd * PRICE_PER_USD.RUB) / 10) * 10 * 100;
}

export type Priced = {
  lineItems: LineItem[];
  /** Sum of quantity × unit price, minor units. */
  amount: number;
  /** The recurring part per month (yearly subscriptions / 12), minor units; 0 when nothing recurs. */
  mrr: number;
};

export type LineOrder = { key: ProductKey; quantity: number; name?: string; unitPriceUsd?: number; unitCostUsd?: number };

/** Prices an order in the deal's currency, with unit costs so margins can be computed. */
export function priceLines(orders: readonly LineOrder[], currency: DemoCurrency): Priced {
  let amount = 0;
  let yearly = 0;
  const lineItems = orders.map((order): LineItem => {
    const spec = productSpec(order.key);
    const unitPrice: Money = { minor: localPrice(order.unitPriceUsd ?? spec.priceUsd, currency), currency };
    const unitCost: Money = { minor: localPrice(order.unitCostUsd ?? spec.costUsd, currency), currency };
    const total = unitPrice.minor * order.quantity;
    amount += total;
    if (spec.recurring) yearly += total;
    return { productId: productId(spec.key), name: order.name ?? spec.name, quantity: order.quantity, unitPrice, unitCost };
  });
  return { lineItems, amount, mrr: Math.round(yearly / 12) };
}

export const PLAN_NAMES: Record<PlanKey, string> = { starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' };
const PLAN_SEATS: Record<PlanKey, number> = { starter: 12, pro: 22, enterprise: 40 };

/** A first purchase: a seat plan, often onboarding, sometimes add-ons and services. */
export function newBusinessOrder(rng: Rng, sizeFactor: number): { plan: PlanKey; seats: number; orders: LineOrder[] } {
  const plan = rng.weighted<PlanKey>([
    ['starter', 35],
    ['pro', 50],
    ['enterprise', 15],
  ]);
  const seats = Math.max(3, Math.min(800, Math.round(rng.skewed(PLAN_SEATS[plan], 0.6) * sizeFactor)));
  const orders: LineOrder[] = [{ key: plan, quantity: seats }];
  if (rng.chance(0.25)) orders.push({ key: 'analytics', quantity: Math.max(1, Math.round(seats * rng.between(0.3, 1))) });
  if (plan !== 'starter' && rng.chance(0.3)) orders.push({ key: 'support', quantity: 1 });
  if (rng.chance(0.55)) orders.push({ key: 'onboarding', quantity: 1 });
  if (rng.chance(0.18)) orders.push({ key: 'migration', quantity: 1 });
  if (rng.chance(0.22)) orders.push({ key: 'training', quantity: rng.int(1, 3) });
  return { plan, seats, orders };
}

export type ExpansionKind = 'seats' | 'analytics' | 'support' | 'upgrade' | 'services' | 'custom';

export type ExpansionOrder = {
  kind: ExpansionKind;
  orders: LineOrder[];
  /** Seats added, and the plan after the deal, when the deal changes them. */
  addSeats: number;
  plan: PlanKey;
  /** A custom project has no product lines: an amount and a direct cost on the deal (USD list). */
  customUsd?: { amount: number; cost: number };
};

const NEXT_PLAN: Record<PlanKey, PlanKey | undefined> = { starter: 'pro', pro: 'enterprise', enterprise: undefined };

/** What an existing customer buys next. */
export function expansionOrder(rng: Rng, plan: PlanKey, seats: number, sizeFactor: number): ExpansionOrder {
  const next = NEXT_PLAN[plan];
  const kind = rng.weighted<ExpansionKind>([
    ['seats', 48],
    ['analytics', 15],
    ['support', 10],
    ['upgrade', next ? 10 : 0],
    ['services', 11],
    ['custom', 6],
  ]);
  const base = { kind, orders: [] as LineOrder[], addSeats: 0, plan };
  switch (kind) {
    case 'seats': {
      const addSeats = Math.max(2, Math.round(seats * rng.between(0.1, 0.5) * sizeFactor));
      return { ...base, addSeats, orders: [{ key: plan, quantity: addSeats }] };
    }
    case 'analytics':
      return { ...base, orders: [{ key: 'analytics', quantity: Math.max(1, Math.round(seats * rng.between(0.4, 1))) }] };
    case 'support':
      return { ...base, orders: [{ key: 'support', quantity: 1 }] };
    case 'upgrade': {
      const to = next ?? plan;
      const from = productSpec(plan);
      const target = productSpec(to);
      const name = `Upgrade ${PLAN_NAMES[plan]} → ${PLAN_NAMES[to]} (seat, 1 year)`;
      const order: LineOrder = {
        key: to,
        quantity: seats,
        name,
        unitPriceUsd: target.priceUsd - from.priceUsd,
        unitCostUsd: target.costUsd - from.costUsd,
      };
      return { ...base, plan: to, orders: [order] };
    }
    case 'services':
      return { ...base, orders: rng.chance(0.5) ? [{ key: 'training', quantity: rng.int(1, 4) }] : [{ key: 'migration', quantity: 1 }] };
    case 'custom': {
      const amount = Math.round(rng.between(6000, 30000) / 100) * 100;
      return { ...base, customUsd: { amount, cost: Math.round(amount * rng.between(0.5, 0.7)) } };
    }
  }
}

export function expansionTitle(kind: ExpansionKind, addSeats: number, plan: PlanKey, russian: boolean): string {
  const titles: Record<ExpansionKind, [string, string]> = {
    seats: [`+${addSeats} seats`, `+${addSeats} ${russianSeats(addSeats)}`],
    analytics: ['Analytics add-on', 'Модуль аналитики'],
    support: ['Premium support', 'Премиум-поддержка'],
    upgrade: [`upgrade to ${PLAN_NAMES[plan]}`, `переход на ${PLAN_NAMES[plan]}`],
    services: ['training and services', 'обучение и услуги'],
    custom: ['custom integration project', 'проект интеграции'],
  };
  return titles[kind][russian ? 1 : 0];
}

/** Russian plural of «место»: 1, 21 место; 2–4, 22–24 места; 5–20, 25 мест. */
export function russianSeats(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'место';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'места';
  return 'мест';
}
