/**
 * How uncertain the fitted model is, for the draws: the variance of a factor shared by a whole span
 * beyond chance, the uncertainty of the overall level, and each factor level's posterior variance.
 */
import type { DealTable } from './deal-table';
import type { FactorKind, FactorTable, Model } from './model';
import { MAX_PROBABILITY, MAX_STRENGTH } from './shrink';
import type { Examples } from './training';

/**
 * Relative variance of a factor level (owner, product, amount band): its gamma posterior has shape
 * (wins seen + κ) in distinct deals, so 1 / that; a level the data never saw is a draw from the
 * prior, variance 1 / κ. 0 where the data showed no difference between levels (κ at its maximum).
 */
export function factorVariance(model: Model, kind: FactorKind, level: number): number {
  const t = model.factors[kind];
  if (!(t.strength > 0) || t.strength >= MAX_STRENGTH) return 0;
  if (level < 0) return 0;
  if (!((t.expected[level] ?? 0) > 0)) return 1 / t.strength;
  return model.multiplicity / ((t.observed[level] ?? 0) + t.strength);
}

export function fitUncertainty(ex: Examples): { levelVariance: number; multiplicity: number } {
  const seen = new Uint8Array(ex.count ? maxOf(ex.deal) + 1 : 0);
  let wins = 0;
  let distinct = 0;
  for (let e = 0; e < ex.count; e += 1) {
    if (!ex.won[e]) continue;
    wins += 1;
    const i = ex.deal[e] as number;
    if (!seen[i]) {
      seen[i] = 1;
      distinct += 1;
    }
  }
  if (!distinct) return { levelVariance: 0, multiplicity: 1 };
  return { levelVariance: 1 / distinct, multiplicity: wins / distinct };
}

function maxOf(values: Int32Array): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * Variance of a factor shared by the deals of one span: Var(O_k) ≈ Σ p(1 − p) + σ² (Σ p)², so
 * σ² = (Σ_k (O_k − E_k)² − Σ_k V_k) / Σ_k E_k², at least 0.
 */
export function sharedVariance(core: Float64Array, table: DealTable, factors: Record<FactorKind, FactorTable>, ex: Examples): number {
  const k = ex.snapshots.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const chance = new Float64Array(k);
  const at = (f: Float64Array, level: number) => (level >= 0 ? (f[level] as number) : 1);
  for (let e = 0; e < ex.count; e += 1) {
    const i = ex.deal[e] as number;
    const p = Math.min(
      MAX_PROBABILITY,
      (core[e] as number) *
        at(factors.owner.factor, table.owner[i] as number) *
        at(factors.product.factor, table.product[i] as number) *
        at(factors.amount.factor, table.amountBand[i] as number),
    );
    const s = ex.snap[e] as number;
    observed[s] = (observed[s] as number) + (ex.won[e] as number);
    expected[s] = (expected[s] as number) + p;
    chance[s] = (chance[s] as number) + p * (1 - p);
  }
  let squares = 0;
  let noise = 0;
  let scale = 0;
  for (let s = 0; s < k; s += 1) {
    squares += ((observed[s] as number) - (expected[s] as number)) ** 2;
    noise += chance[s] as number;
    scale += (expected[s] as number) ** 2;
  }
  if (k < 3 || scale <= 0) return 0;
  return Math.min(1, Math.max(0, (squares - noise) / scale));
}
