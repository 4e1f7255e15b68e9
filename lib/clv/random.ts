/**
 * A small seeded random source for simulations (tests and benchmarks): the same
 * seed gives the same customers on every machine, so recovery tests are exact
 * reruns. xoshiro128** seeded through splitmix32; samplers for the distributions
 * of the purchase and spend models.
 */
export type Random = {
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  normal(): number;
  /** Exponential with the given rate (mean 1 / rate); Infinity when the rate is 0. */
  exponential(rate: number): number;
  /** Gamma with shape k and rate θ (mean k / θ). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta(a: number, b: number): number;
};

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = [splitmix(), splitmix(), splitmix(), splitmix()];
  const next32 = (): number => {
    const [s0 = 0, s1 = 0, s2 = 0, s3 = 0] = state;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    let [n0, n1, n2, n3] = [s0, s1, s2 ^ s0, s3 ^ s1];
    n1 ^= n2;
    n0 ^= n3;
    n2 ^= t;
    n3 = rotl(n3 >>> 0, 11);
    state[0] = n0 >>> 0;
    state[1] = n1 >>> 0;
    state[2] = n2 >>> 0;
    state[3] = n3 >>> 0;
    return result;
  };
  const uniform = () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  let spare: number | undefined;
  const normal = () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  /** Marsaglia & Tsang (2000) for shape ≥ 1; a shape below 1 is boosted by U^(1/shape). */
  const standardGamma = (shape: number): number => {
    if (shape < 1) return standardGamma(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    uniform,
    normal,
    exponential: (rate) => (rate > 0 ? -Math.log(1 - uniform()) / rate : Infinity),
    gamma: (shape, rate) => standardGamma(shape) / rate,
    beta: (a, b) => {
      const x = standardGamma(a);
      const y = standardGamma(b);
      return x + y > 0 ? x / (x + y) : a / (a + b);
    },
  };
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
