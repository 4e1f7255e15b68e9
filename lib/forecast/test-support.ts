/**
 * A simulated CRM for the forecast's tests, drawn from known probabilities: each rep creates deals at
 * a steady pace; each deal's fate (won or lost) is drawn at creation with probability
 * base × rep skill × product appeal, and it closes after an exponential time (the same for won and lost
 * deals, so a deal still open says nothing more about its fate). Optionally activities on the deals and
 * stage histories. Records are built as their types say without going through zod (thousands of
 * datasets are drawn in the calibration test); test-support.test.ts checks that they pass their schemas.
 */
import { DAY_MS } from '../period';
import type { KpiData } from '../kpi';
import type { Activity, Deal, Owner, Product, Stage } from '../model';
import { createRng, type Rng } from './random';
import { emptyKpiData } from '../kpi';
export { emptyKpiData as emptyData } from '../kpi';

export const T0 = Date.UTC(2016, 0, 1);

export type SimOptions = {
  seed: number;
  reps?: number;
  days?: number;
  /** Deals per rep per day. */
  pace?: number;
  base?: number;
  meanCloseDays?: number;
  activities?: boolean;
  stages?: boolean;
  /** Skill of each rep (multiplies the base probability); spread evenly from 0.7 to 1.3 by default. */
  skills?: readonly number[];
};

export type SimTruth = {
  /** Each deal's true probability of being won (ever). */
  winProbability: Map<string, number>;
  meanCloseDays: number;
};

const PRODUCTS = [
  { id: 'basic', price: 1_000_00, appeal: 1.2 },
  { id: 'pro', price: 5_000_00, appeal: 1 },
  { id: 'enterprise', price: 20_000_00, appeal: 0.7 },
] as const;

export function simulateCrm(options: SimOptions): { data: KpiData; truth: SimTruth } {
  const rng = createRng(options.seed);
  const reps = options.reps ?? 6;
  const days = options.days ?? 500;
  const pace = options.pace ?? 0.8;
  const base = options.base ?? 0.35;
  const meanClose = options.meanCloseDays ?? 25;
  const skills = options.skills ?? Array.from({ length: reps }, (_, r) => (reps === 1 ? 1 : 0.7 + (0.6 * r) / (reps - 1)));
  const meta = (id: string) => ({ source: 'sim', externalId: id, updatedAt: T0 });
  const stages: Stage[] = options.stages
    ? ['Qualify', 'Demo', 'Proposal', 'Negotiate'].map((name, order): Stage => ({
        ...meta(`st-${order}`),
        pipelineId: 'p',
        name,
        order,
        probability: 20 * (order + 1),
      }))
    : [];
  const deals: Deal[] = [];
  const activities: Activity[] = [];
  const winProbability = new Map<string, number>();
  for (let r = 0; r < reps; r += 1) {
    let t = T0 + exponentialDays(rng, pace);
    let k = 0;
    while (t < T0 + days * DAY_MS) {
      const product = PRODUCTS[Math.floor(rng.uniform() * PRODUCTS.length)] as (typeof PRODUCTS)[number];
      const p = Math.min(0.95, base * (skills[r] as number) * product.appeal);
      const id = `r${r}-d${k}`;
      winProbability.set(id, p);
      const won = rng.uniform() < p;
      const closeAt = Math.round(t + exponentialDays(rng, 1 / meanClose));
      const amount = Math.round(product.price * Math.exp(0.3 * rng.normal()));
      const deal: Deal = {
        ...meta(id),
        title: `Deal ${id}`,
        ownerId: `rep${r}`,
        status: won ? 'won' : 'lost',
        amount: { minor: amount, currency: 'USD' },
        createdAt: Math.round(t),
        closedAt: closeAt,
        lineItems: [{ productId: product.id, name: product.id, quantity: 1, unitPrice: { minor: amount, currency: 'USD' } }],
        url: `https://crm.example/deals/${id}`,
      };
      if (stages.length) {
        const reached = won ? stages.length : 1 + Math.floor(rng.uniform() * stages.length);
        deal.stageHistory = stages.slice(0, reached).map((s, i) => ({ stageId: s.externalId, enteredAt: Math.round(t + ((closeAt - t) * i) / reached) }));
        deal.stageId = stages[reached - 1]?.externalId;
      }
      deals.push(deal);
      if (options.activities) {
        for (let a = t + exponentialDays(rng, 1 / 6); a < closeAt; a += exponentialDays(rng, 1 / 6)) {
          activities.push({
            ...meta(`${id}-a${activities.length}`),
            ownerId: `rep${r}`,
            type: rng.uniform() < 0.7 ? 'call' : 'meeting',
            occurredAt: Math.round(a),
            done: true,
            dealId: id,
          });
        }
      }
      t += exponentialDays(rng, pace);
      k += 1;
    }
  }
  const owners = Array.from({ length: reps }, (_, r): Owner => ({ ...meta(`rep${r}`), name: `Rep ${r}`, teamId: 'team', role: 'rep', active: true }));
  const products = PRODUCTS.map((p): Product => ({ ...meta(p.id), name: p.id, unitPrice: { minor: p.price, currency: 'USD' } }));
  return {
    data: { ...emptyKpiData(), owners, stages, products, deals, activities },
    truth: { winProbability, meanCloseDays: meanClose },
  };
}

/** Exponential waiting time in ms for a rate per day. */
function exponentialDays(rng: Rng, ratePerDay: number): number {
  return (-Math.log(1 - rng.uniform()) / ratePerDay) * DAY_MS;
}
