import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { quantiles, shareReaching, simulate, type SimInput } from './simulate';

const base: Omit<SimInput, 'deals'> = { newDeals: [], dispersion: 1, sharedVariance: 0, groupVariance: [], draws: 2000, slots: 0 };

describe('quantiles', () => {
  it.each([
    // ten draws 1..10 (any order): nearest rank, P10 = the 1st, P50 = the 5th, P90 = the 9th; mean 5.5
    [[3, 1, 2, 10, 9, 4, 8, 5, 7, 6], 0, { p10: 1, p50: 5, p90: 9, mean: 5.5 }],
    // plus what is already won: every figure shifts by 100
    [[3, 1, 2, 10, 9, 4, 8, 5, 7, 6], 100, { p10: 101, p50: 105, p90: 109, mean: 105.5 }],
    // rounded to whole minor units
    [[0.4, 0.6], 0, { p10: 0, p50: 0, p90: 1, mean: 0.5 }],
  ])('of %j plus %i', (values, offset, expected) => {
    expect(quantiles(Float64Array.from(values), offset)).toEqual(expected);
  });

  it('counts the share of draws reaching a target', () => {
    // with 50 already won, draws of 10, 40, 60 reach 100 in one case of three
    expect(shareReaching(Float64Array.from([10, 40, 60]), 50, 100)).toBeCloseTo(1 / 3, 12);
    expect(shareReaching(new Float64Array(0), 100, 100)).toBe(1);
  });
});

describe('the Monte Carlo engine', () => {
  it('is a Bernoulli sum: mean Σ p × amount and variance Σ p (1 − p) × amount²', () => {
    const deals = [
      { probability: 0.2, amount: 1000, slot: 0, groups: [] },
      { probability: 0.5, amount: 300, slot: 0, groups: [] },
      { probability: 0.9, amount: 50, slot: 1, groups: [] },
    ];
    const out = simulate({ ...base, deals, draws: 200_000, slots: 2 }, createRng(1));
    const mean = out.revenue.reduce((a, b) => a + b, 0) / out.revenue.length;
    const variance = out.revenue.reduce((a, b) => a + (b - mean) ** 2, 0) / out.revenue.length;
    expect(mean).toBeCloseTo(0.2 * 1000 + 0.5 * 300 + 0.9 * 50, -1); // 395
    expect(variance / (0.16 * 1000 ** 2 + 0.25 * 300 ** 2 + 0.09 * 50 ** 2)).toBeCloseTo(1, 1); // 182,725
    // Per owner: slot 1 holds only the 0.9 × 50 deal.
    expect(out.slotWins[1]!.reduce((a, b) => a + b, 0) / 200_000).toBeCloseTo(0.9, 2);
  });

  it('holds the actual result within P10–P90 80 % ± 3 % of the time when the probabilities are the true ones', () => {
    let inside = 0;
    const trials = 1500; // standard error √(0.16 / 1500) = 1 point
    for (let t = 0; t < trials; t += 1) {
      const world = createRng(t + 1);
      const deals = Array.from({ length: 120 }, () => ({
        probability: 0.3 * world.uniform(),
        amount: Math.round([1_000_00, 5_000_00, 20_000_00][Math.floor(world.uniform() * 3)]! * Math.exp(0.3 * world.normal())),
        slot: 0,
        groups: [],
      }));
      let actual = 0;
      for (const d of deals) if (world.uniform() < d.probability) actual += d.amount;
      const q = quantiles(simulate({ ...base, deals }, createRng(1_000_000 + t)).revenue);
      if (actual >= q.p10 && actual <= q.p90) inside += 1;
    }
    expect(inside / trials).toBeGreaterThan(0.77);
    expect(inside / trials).toBeLessThan(0.83);
  }, 120_000);

  it('widens the range with a shared factor and keeps its middle', () => {
    const deals = Array.from({ length: 200 }, () => ({ probability: 0.3, amount: 100, slot: 0, groups: [0] }));
    const plain = quantiles(simulate({ ...base, deals }, createRng(2)).revenue);
    const shared = quantiles(simulate({ ...base, deals, sharedVariance: 0.1 }, createRng(2)).revenue);
    const grouped = quantiles(simulate({ ...base, deals, groupVariance: [0.1] }, createRng(2)).revenue);
    expect(shared.p90 - shared.p10).toBeGreaterThan(1.5 * (plain.p90 - plain.p10));
    expect(grouped.p90 - grouped.p10).toBeGreaterThan(1.5 * (plain.p90 - plain.p10));
    expect(Math.abs(shared.mean - plain.mean) / plain.mean).toBeLessThan(0.02); // 200 × 0.3 × 100 = 6,000 either way
  });

  it('adds new deals: count with the owner rate and dispersion, amounts from the pool', () => {
    const pool = Float64Array.from([100, 300]);
    const poisson = simulate({ ...base, deals: [], draws: 100_000, newDeals: [{ slot: 0, rate: 4, rateVariance: 0, pool }] }, createRng(3));
    const count = poisson.wins.reduce((a, b) => a + b, 0) / 100_000;
    const countVar = poisson.wins.reduce((a, b) => a + (b - count) ** 2, 0) / 100_000;
    expect(count).toBeCloseTo(4, 1);
    expect(countVar).toBeCloseTo(4, 0); // Poisson: variance = mean
    expect(poisson.revenue.reduce((a, b) => a + b, 0) / 100_000).toBeCloseTo(4 * 200, -1); // 4 deals × mean amount 200
    const spread = simulate({ ...base, deals: [], draws: 100_000, dispersion: 3, newDeals: [{ slot: 0, rate: 4, rateVariance: 0, pool }] }, createRng(3));
    const m = spread.wins.reduce((a, b) => a + b, 0) / 100_000;
    expect(spread.wins.reduce((a, b) => a + (b - m) ** 2, 0) / 100_000 / m).toBeCloseTo(3, 0); // variance = 3 × mean
  });

  it('gives the same draws for the same seed', () => {
    const deals = [{ probability: 0.4, amount: 10, slot: 0, groups: [] }];
    expect(simulate({ ...base, deals }, createRng(9)).revenue).toEqual(simulate({ ...base, deals }, createRng(9)).revenue);
  });
});
