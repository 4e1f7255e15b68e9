import type { Random } from './random';
import type { BgNbdParams, GammaGammaParams, PurchaseHistory, SpendHistory } from './types';

export type SimulatedCustomer = PurchaseHistory & SpendHistory & { customerId: string; lambda: number; dropout: number };

/**
 * Customers drawn from the BG/NBD story (and, when given, Gamma-Gamma spend): each
 * gets a purchase rate λ ~ Gamma(r, α) and a dropout probability p ~ Beta(a, b); from
 * the first purchase at time 0, repeat purchases arrive as a Poisson process with rate λ
 * until the age T, and after each one the customer leaves for good with probability p.
 * Ages are uniform on [minAge, maxAge] (a cohort acquired over a few weeks).
 */
export function simulateCustomers(
  random: Random,
  count: number,
  bgnbd: BgNbdParams,
  options: { minAge: number; maxAge: number; spend?: GammaGammaParams },
): SimulatedCustomer[] {
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const T = options.minAge + (options.maxAge - options.minAge) * random.uniform();
    const lambda = random.gamma(bgnbd.r, bgnbd.alpha);
    const dropout = random.beta(bgnbd.a, bgnbd.b);
    let time = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      time += random.exponential(lambda);
      if (time > T) break;
      x++;
      tx = time;
      if (random.uniform() < dropout) break;
    }
    let mx = 0;
    if (options.spend && x > 0) {
      // A customer's amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) drawn once per customer.
      const nu = random.gamma(options.spend.q, options.spend.gamma);
      let total = 0;
      for (let k = 0; k < x; k++) total += random.gamma(options.spend.p, nu);
      mx = total / x;
    }
    customers.push({ customerId: `sim-${i + 1}`, x, tx, T, mx, lambda, dropout });
  }
  return customers;
}
