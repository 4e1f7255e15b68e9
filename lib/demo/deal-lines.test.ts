import { describe, expect, it } from 'vitest';
import { expansionOrder, localPrice, newBusinessOrder, priceLines, russianSeats } from './deal-lines';
import { createRng } from './random';

describe('localPrice', () => {
  it.each([
    [600, 'USD', 60_000], // $600 → 60,000 cents
    [600, 'EUR', 55_200], // 600 × 0.92 = €552 → 55,200 cents
    [2500, 'EUR', 230_000], // 2,500 × 0.92 = €2,300
    [600, 'RUB', 5_400_000], // 600 × 90 = 54,000 ₽ → 5,400,000 kopecks
    [1, 'RUB', 9_000], // 1 × 90 = 90 ₽ (already a multiple of 10) → 9,000 kopecks
    [0.94, 'RUB', 8_000], // 0.94 × 90 = 84.6 ₽ → nearest 10 = 80 ₽ → 8,000 kopecks
  ] as const)('%d USD list in %s = %i minor', (usd, currency, minor) => {
    expect(localPrice(usd, currency)).toBe(minor);
  });
});

describe('priceLines', () => {
  it('sums quantity × unit price and takes a twelfth of the yearly subscriptions as MRR', () => {
    const priced = priceLines(
      [
        { key: 'pro', quantity: 20 }, // 20 × $600 = $12,000 a year, recurring
        { key: 'support', quantity: 1 }, // $3,000 a year, recurring
        { key: 'onboarding', quantity: 1 }, // $2,500 once
      ],
      'USD',
    );
    expect(priced.amount).toBe(1_750_000); // $12,000 + $3,000 + $2,500 = $17,500
    expect(priced.mrr).toBe(125_000); // ($12,000 + $3,000) / 12 = $1,250
    expect(priced.lineItems.map((line) => [line.productId, line.quantity, line.unitPrice.minor, line.unitCost?.minor])).toEqual([
      ['product-pro', 20, 60_000, 9_600],
      ['product-support', 1, 300_000, 110_000],
      ['product-onboarding', 1, 250_000, 140_000],
    ]);
  });

  it('prices an upgrade line at the difference between plans', () => {
    const order = expansionOrder(createRng(1, 'upgrade'), 'starter', 10, 1);
    // Draw until the generator picks an upgrade: the order for a given seed is fixed, so loop over seeds.
    let upgrade = order.kind === 'upgrade' ? order : undefined;
    for (let seed = 2; !upgrade && seed < 500; seed += 1) {
      const next = expansionOrder(createRng(seed, 'upgrade'), 'starter', 10, 1);
      if (next.kind === 'upgrade') upgrade = next;
    }
    if (!upgrade) throw new Error('no upgrade drawn in 500 seeds');
    const priced = priceLines(upgrade.orders, 'USD');
    expect(upgrade.plan).toBe('pro');
    expect(priced.amount).toBe(300_000); // 10 seats × ($600 − $300) = $3,000
    expect(priced.mrr).toBe(25_000); // $3,000 / 12 = $250
  });
});

describe('newBusinessOrder', () => {
  it('always sells a seat plan, within sane seat counts', () => {
    const rng = createRng(3, 'orders');
    for (let i = 0; i < 500; i += 1) {
      const order = newBusinessOrder(rng, 1);
      expect(order.orders[0]?.key).toBe(order.plan);
      expect(order.seats).toBeGreaterThanOrEqual(3);
      expect(order.seats).toBeLessThanOrEqual(800);
    }
  });
});

describe('russianSeats', () => {
  it.each([
    [1, 'место'],
    [2, 'места'],
    [4, 'места'],
    [5, 'мест'],
    [11, 'мест'],
    [12, 'мест'],
    [21, 'место'],
    [24, 'места'],
    [111, 'мест'],
    [122, 'места'],
  ])('%i %s', (n, word) => expect(russianSeats(n)).toBe(word));
});
