/**
 * Empirical-Bayes shrinkage: how much a small group's own rate is believed, estimated from how much
 * the groups really differ beyond what chance alone would make them differ.
 */

/** No open deal is certain to be won: a probability is capped here, whatever its factors multiply to. */
export const MAX_PROBABILITY = 0.995;

/** Bounds of an estimated prior strength (pseudo-observations). */
export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 1000;

export type RateCell = { n: number; wins: number; prior: number };

/**
 * Strength m of a beta prior centred on each cell's parent rate, by the method of moments: with
 * ρ = 1 / (m + 1), E[n (r − P)² / (P (1 − P))] = n ρ + 1 − ρ, so ρ = (X − C) / (N − C) over C cells
 * holding N deals. A cell's rate is then (wins + m P) / (n + m).
 */
export function betaStrength(cells: readonly RateCell[]): number {
  let x = 0;
  let c = 0;
  let total = 0;
  for (const cell of cells) {
    const p = cell.prior;
    if (cell.n <= 0 || !(p > 0 && p < 1)) continue;
    const r = cell.wins / cell.n;
    x += (cell.n * (r - p) ** 2) / (p * (1 - p));
    c += 1;
    total += cell.n;
  }
  if (c < 2 || total <= c) return MAX_STRENGTH;
  const rho = (x - c) / (total - c);
  if (!(rho > 0)) return MAX_STRENGTH;
  return clamp(1 / rho - 1, MIN_STRENGTH, MAX_STRENGTH);
}

export function shrunkRate(cell: { n: number; wins: number }, prior: number, strength: number): number {
  return (cell.wins + strength * prior) / (cell.n + strength);
}

export type RatioCell = { observed: number; expected: number; variance: number };

/**
 * Strength κ (in expected wins) of a gamma prior with mean 1 on a group's ratio of observed to expected
 * wins: Var between groups 1/κ = (Σ (O − E)² − Σ V) / Σ E², V the chance variance of O. A group's
 * factor is then (O + κ) / (E + κ): a rep with few deals stays near the team.
 */
export function ratioStrength(cells: readonly RatioCell[]): number {
  let squares = 0;
  let chance = 0;
  let scale = 0;
  let used = 0;
  for (const cell of cells) {
    if (!(cell.expected > 0)) continue;
    squares += (cell.observed - cell.expected) ** 2;
    chance += cell.variance;
    scale += cell.expected ** 2;
    used += 1;
  }
  if (used < 2 || scale <= 0) return MAX_STRENGTH;
  const between = (squares - chance) / scale;
  if (!(between > 0)) return MAX_STRENGTH;
  return clamp(1 / between, MIN_STRENGTH, MAX_STRENGTH);
}

export function shrunkRatio(cell: { observed: number; expected: number }, strength: number): number {
  return (cell.observed + strength) / (cell.expected + strength);
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
