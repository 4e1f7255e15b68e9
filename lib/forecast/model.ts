/**
 * The probability that an open deal is won within the rest of the period, learned from comparable
 * spans (training.ts). Two parts, both shrunk by empirical Bayes:
 * 1. The situation: the share of deals won among those in the same age band, then the same days since
 *    the last activity, then the same stage; each finer group is pulled towards the coarser one in
 *    proportion to how few deals it holds (beta shrinkage, strength estimated from the data).
 * 2. Factors for who and what: the owner, the product, the amount band, each the ratio of wins seen to
 *    wins the situation predicts, pulled towards 1 (the team) when the wins behind it are few (gamma
 *    shrinkage). The three are fitted in turn, twice, so that one does not count what another explains.
 * The result is also the variance of a factor shared by all deals of a span: how much whole spans did
 * better or worse than their deals' probabilities say, beyond chance. The simulation draws it.
 */
import type { DealTable } from './deal-table';
import { AGE_LEVELS, IDLE_LEVELS } from './features';
import { betaStrength, MAX_PROBABILITY, ratioStrength, shrunkRate, shrunkRatio, type RateCell, type RatioCell } from './shrink';
import { fitUncertainty, sharedVariance } from './uncertainty';
import type { Examples } from './training';

export const FACTORS = ['owner', 'product', 'amount'] as const;
export type FactorKind = (typeof FACTORS)[number];

export type Features = { age: number; idle: number; stage: number; owner: number; product: number; amount: number };

export type FactorTable = { factor: Float64Array; observed: Float64Array; expected: Float64Array; strength: number };

export type Model = {
  examples: number;
  snapshots: number;
  base: number;
  stageCount: number;
  age: { p: Float64Array; n: Float64Array; strength: number };
  activity: { p: Float64Array; n: Float64Array; strength: number };
  /** Per (age, idle, stage) cell: p is NaN where no example had the stage (the coarser cell is used). */
  stage: { p: Float64Array; n: Float64Array; strength: number };
  factors: Record<FactorKind, FactorTable>;
  sharedVariance: number;
  /**
   * Uncertainty of the fit itself, for the draws: the relative variance of the overall level (1 over
   * the distinct deals won within a span), and how many spans a won deal is counted in on average (so
   * an owner's wins seen can be turned back into distinct deals).
   */
  levelVariance: number;
  multiplicity: number;
};

export type Score = {
  probability: number;
  situation: number;
  /** Deals behind the finest group used for the situation. */
  situationN: number;
  factors: Record<FactorKind, number>;
};

export function fitModel(table: DealTable, ex: Examples): Model | undefined {
  if (ex.count === 0) return undefined;
  const stageCount = table.stageIds.length;
  const { ageN, ageW, actN, actW, stN, stW, cells3, wins } = countCells(ex, stageCount);
  const base = wins / ex.count;

  const ageCells: RateCell[] = [...ageN].map((n, a) => ({ n, wins: ageW[a] as number, prior: base }));
  const ageStrength = betaStrength(ageCells);
  const ageP = Float64Array.from(ageCells, (c) => shrunkRate(c, base, ageStrength));

  const actCells: RateCell[] = [...actN].map((n, k) => ({ n, wins: actW[k] as number, prior: ageP[Math.floor(k / IDLE_LEVELS)] as number }));
  const actStrength = betaStrength(actCells);
  const actP = Float64Array.from(actCells, (c) => shrunkRate(c, c.prior, actStrength));

  const stCells: (RateCell & { key: number })[] = [];
  for (let key = 0; key < cells3; key += 1) {
    const n = stN[key] as number;
    if (n > 0) stCells.push({ key, n, wins: stW[key] as number, prior: actP[Math.floor(key / stageCount)] as number });
  }
  const stStrength = betaStrength(stCells);
  const stP = new Float64Array(cells3).fill(Number.NaN);
  for (const c of stCells) stP[c.key] = shrunkRate(c, c.prior, stStrength);

  const core = coreProbabilities(ex, stP, actP, stageCount);

  // Factor levels are read through each example's deal (-1: unknown, the factor stays 1 for it).
  const sources: readonly Int32Array[] = [table.owner, table.product, table.amountBand];
  const sizes = [table.ownerIds.length, table.productIds.length, 3];
  const tables: FactorTable[] = sizes.map((size) => ({
    factor: new Float64Array(size).fill(1),
    observed: new Float64Array(size),
    expected: new Float64Array(size),
    strength: 0,
  }));
  const deal = ex.deal;
  const won = ex.won;
  for (let round = 0; round < 2; round += 1) {
    for (let f = 0; f < FACTORS.length; f += 1) {
      const t = tables[f] as FactorTable;
      const [g, h] = [0, 1, 2].filter((k) => k !== f) as [number, number];
      const variance = new Float64Array(sizes[f] as number);
      accumulate(
        { core, deal, won, count: ex.count },
        sources[f] as Int32Array,
        [sources[g] as Int32Array, (tables[g] as FactorTable).factor],
        [sources[h] as Int32Array, (tables[h] as FactorTable).factor],
        t,
        variance,
      );
      const cells: RatioCell[] = Array.from(t.observed, (o, k) => ({ observed: o, expected: t.expected[k] as number, variance: variance[k] as number }));
      t.strength = ratioStrength(cells);
      cells.forEach((c, k) => {
        t.factor[k] = c.expected > 0 ? shrunkRatio(c, t.strength) : 1;
      });
    }
  }
  const factors = { owner: tables[0], product: tables[1], amount: tables[2] } as Record<FactorKind, FactorTable>;

  const model: Model = {
    examples: ex.count,
    snapshots: ex.snapshots.length,
    base,
    stageCount,
    age: { p: ageP, n: ageN, strength: ageStrength },
    activity: { p: actP, n: actN, strength: actStrength },
    stage: { p: stP, n: stN, strength: stStrength },
    factors,
    sharedVariance: 0,
    ...fitUncertainty(ex),
  };
  model.sharedVariance = sharedVariance(core, table, factors, ex);
  return model;
}

/** Examples and wins per age band, per (age, idle) cell and per (age, idle, stage) cell. */
function countCells(ex: Examples, stageCount: number) {
  const ageN = new Float64Array(AGE_LEVELS);
  const ageW = new Float64Array(AGE_LEVELS);
  const actN = new Float64Array(AGE_LEVELS * IDLE_LEVELS);
  const actW = new Float64Array(AGE_LEVELS * IDLE_LEVELS);
  const cells3 = AGE_LEVELS * IDLE_LEVELS * Math.max(1, stageCount);
  const stN = new Float64Array(cells3);
  const stW = new Float64Array(cells3);
  let wins = 0;
  for (let e = 0; e < ex.count; e += 1) {
    const y = ex.won[e] as number;
    const a = ex.age[e] as number;
    const l2 = a * IDLE_LEVELS + (ex.idle[e] as number);
    wins += y;
    ageN[a] = (ageN[a] as number) + 1;
    ageW[a] = (ageW[a] as number) + y;
    actN[l2] = (actN[l2] as number) + 1;
    actW[l2] = (actW[l2] as number) + y;
    const st = ex.stage[e] as number;
    if (st >= 0) {
      const key = l2 * stageCount + st;
      stN[key] = (stN[key] as number) + 1;
      stW[key] = (stW[key] as number) + y;
    }
  }
  return { ageN, ageW, actN, actW, stN, stW, cells3, wins };
}

/** Each example's situation probability: its stage cell's, else its (age, idle) cell's. */
function coreProbabilities(ex: Examples, stP: Float64Array, actP: Float64Array, stageCount: number): Float64Array {
  const core = new Float64Array(ex.count);
  for (let e = 0; e < ex.count; e += 1) {
    const l2 = (ex.age[e] as number) * IDLE_LEVELS + (ex.idle[e] as number);
    const st = ex.stage[e] as number;
    const staged = st >= 0 ? (stP[l2 * stageCount + st] as number) : Number.NaN;
    core[e] = Number.isNaN(staged) ? (actP[l2] as number) : staged;
  }
  return core;
}

/**
 * Wins seen and expected (and the variance of wins) per level of one factor, the other two factors held
 * at their current values. A function of its own, called six times per fit: inside fitModel's single
 * call the loop was compiled mid-run and fell back to the interpreter when the factor changed.
 */
function accumulate(
  ex: { core: Float64Array; deal: Int32Array; won: Uint8Array; count: number },
  own: Int32Array,
  [gLevel, gFactor]: [Int32Array, Float64Array],
  [hLevel, hFactor]: [Int32Array, Float64Array],
  t: FactorTable,
  variance: Float64Array,
): void {
  const { core, deal, won } = ex;
  const observed = t.observed.fill(0);
  const expected = t.expected.fill(0);
  for (let e = 0; e < ex.count; e += 1) {
    const i = deal[e] as number;
    const level = own[i] as number;
    if (level < 0) continue;
    const lg = gLevel[i] as number;
    const lh = hLevel[i] as number;
    const p = Math.min(MAX_PROBABILITY, (core[e] as number) * (lg >= 0 ? (gFactor[lg] as number) : 1) * (lh >= 0 ? (hFactor[lh] as number) : 1));
    observed[level] = (observed[level] as number) + (won[e] as number);
    expected[level] = (expected[level] as number) + p;
    variance[level] = (variance[level] as number) + p * (1 - p);
  }
}

export function scoreFeatures(model: Model, f: Features): Score {
  const l2 = f.age * IDLE_LEVELS + f.idle;
  const key = l2 * model.stageCount + f.stage;
  const staged = f.stage >= 0 ? (model.stage.p[key] ?? Number.NaN) : Number.NaN;
  const known = !Number.isNaN(staged);
  const situation = known ? staged : (model.activity.p[l2] as number);
  const situationN = known ? (model.stage.n[key] as number) : (model.activity.n[l2] as number);
  const factor = (kind: FactorKind, level: number) => (level >= 0 ? (model.factors[kind].factor[level] ?? 1) : 1);
  const factors = { owner: factor('owner', f.owner), product: factor('product', f.product), amount: factor('amount', f.amount) };
  const probability = Math.min(MAX_PROBABILITY, situation * factors.owner * factors.product * factors.amount);
  return { probability, situation, situationN, factors };
}
