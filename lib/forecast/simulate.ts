/**
 * The Monte Carlo: each draw is one way the rest of the period could go. A shared factor (mean 1, the
 * variance the model measured between spans plus the uncertainty of its overall level) and a factor
 * per owner (the uncertainty of the owner's own factor) scale the open deals' probabilities in the
 * draw; each open deal is then won or not with its probability; each owner's new deals are a count
 * drawn from a gamma-Poisson with the owner's rate, the measured dispersion and the rate's own
 * uncertainty, each with an amount drawn from the owner's pool. Totals per draw give the quantiles
 * and P(quota).
 */
import type { Rng } from './random';
import type { Quantiles } from './types';

/**
 * `groups` index `groupVariance`: the uncertain factors a deal's probability shares with others (its
 * owner's, its product's, its size band's); -1 for none.
 */
export type SimDeal = { probability: number; amount: number; slot: number; groups: readonly number[] };
/** `rateVariance`: relative variance of the rate itself, beyond the dispersion of the counts. */
export type SimNewDeals = { slot: number; rate: number; rateVariance: number; pool: Float64Array };

export type SimInput = {
  deals: readonly SimDeal[];
  newDeals: readonly SimNewDeals[];
  /** Variance ÷ mean of new-deal counts (1 = Poisson). */
  dispersion: number;
  /** Variance of the factor shared by all open deals of a draw (0 = independent deals). */
  sharedVariance: number;
  /** Variance of each group's factor (mean 1), drawn once per draw. */
  groupVariance: readonly number[];
  draws: number;
  /** Owners (slots) to keep totals for; 0 keeps only the scope's. */
  slots: number;
};

export type SimOutput = {
  revenue: Float64Array;
  wins: Float64Array;
  slotRevenue: Float64Array[];
  slotWins: Float64Array[];
};

export function simulate(input: SimInput, rng: Rng): SimOutput {
  const { deals, newDeals, draws, slots } = input;
  const revenue = new Float64Array(draws);
  const wins = new Float64Array(draws);
  const slotRevenue = Array.from({ length: slots }, () => new Float64Array(draws));
  const slotWins = Array.from({ length: slots }, () => new Float64Array(draws));
  const shockShape = input.sharedVariance > 1e-6 ? 1 / input.sharedVariance : 0;
  const extra = input.dispersion - 1;
  const n = deals.length;
  const probability = Float64Array.from(deals, (d) => d.probability);
  const amount = Float64Array.from(deals, (d) => d.amount);
  const slot = Int32Array.from(deals, (d) => d.slot);
  // Deals sharing the same uncertain groups form a class; each draw works out one factor per class.
  const classOf = new Int32Array(n);
  const classGroups: (readonly number[])[] = [];
  const classIndex = new Map<string, number>();
  deals.forEach((d, i) => {
    const key = d.groups.join(',');
    let c = classIndex.get(key);
    if (c === undefined) {
      c = classGroups.length;
      classGroups.push(d.groups.filter((g) => g >= 0 && g < input.groupVariance.length));
      classIndex.set(key, c);
    }
    classOf[i] = c;
  });
  const groupVariance = input.groupVariance;
  const groupFactor = new Float64Array(groupVariance.length);
  const classFactor = new Float64Array(classGroups.length);
  const uniforms = new Float64Array(n);
  for (let draw = 0; draw < draws; draw += 1) {
    const shock = shockShape > 0 ? rng.gamma(shockShape) / shockShape : 1;
    for (let g = 0; g < groupVariance.length; g += 1) {
      const v = groupVariance[g] as number;
      groupFactor[g] = v > 1e-9 ? rng.gamma(1 / v) * v : 1;
    }
    for (let c = 0; c < classGroups.length; c += 1) {
      const groups = classGroups[c] as readonly number[];
      let f = shock;
      for (let k = 0; k < groups.length; k += 1) f *= groupFactor[groups[k] as number] as number;
      classFactor[c] = f;
    }
    rng.fill(uniforms);
    let total = 0;
    let count = 0;
    for (let i = 0; i < n; i += 1) {
      if ((uniforms[i] as number) < (probability[i] as number) * (classFactor[classOf[i] as number] as number)) {
        const a = amount[i] as number;
        total += a;
        count += 1;
        const s = slot[i] as number;
        if (s < slots) {
          const rev = slotRevenue[s] as Float64Array;
          const win = slotWins[s] as Float64Array;
          rev[draw] = (rev[draw] as number) + a;
          win[draw] = (win[draw] as number) + 1;
        }
      }
    }
    for (const owner of newDeals) {
      if (!(owner.rate > 0)) continue;
      // Gamma mixing of the rate: relative variance (dispersion − 1) / rate from the counts, plus the rate's own.
      const relative = (extra > 1e-9 ? extra / owner.rate : 0) + owner.rateVariance;
      const mean = relative > 1e-9 ? rng.gamma(1 / relative) * relative * owner.rate : owner.rate;
      const k = rng.poisson(mean);
      let sum = 0;
      for (let j = 0; j < k; j += 1) sum += owner.pool.length ? (owner.pool[Math.floor(rng.uniform() * owner.pool.length)] as number) : 0;
      total += sum;
      count += k;
      if (owner.slot < slots) {
        const rev = slotRevenue[owner.slot] as Float64Array;
        const win = slotWins[owner.slot] as Float64Array;
        rev[draw] = (rev[draw] as number) + sum;
        win[draw] = (win[draw] as number) + k;
      }
    }
    revenue[draw] = total;
    wins[draw] = count;
  }
  return { revenue, wins, slotRevenue, slotWins };
}

/**
 * P10, P50, P90 (nearest rank: the smallest draw with at least q of the draws at or below it) and the
 * mean, each plus `offset` (what is already certain), rounded to whole units.
 */
export function quantiles(values: Float64Array, offset = 0): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => Math.round(offset + (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0));
  let sum = 0;
  for (const v of sorted) sum += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: sorted.length ? offset + sum / sorted.length : offset };
}

/** Share of draws whose total plus `offset` reaches `target`. */
export function shareReaching(values: Float64Array, offset: number, target: number): number {
  if (!values.length) return offset >= target ? 1 : 0;
  let hit = 0;
  for (const v of values) if (offset + v >= target) hit += 1;
  return hit / values.length;
}
