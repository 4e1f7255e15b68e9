/**
 * The forecast's seeded random source: the same seed gives the same draws on every machine, so a
 * forecast is reproducible and its tests are exact reruns. sfc32 (a small chaotic counter generator,
 * 32-bit state words), its state filled from the seed by splitmix32; samplers for the Monte Carlo:
 * Bernoulli via `uniform`, gamma (Marsaglia & Tsang), Poisson (inversion in chunks).
 */
export type Rng = {
  /** Uniform on [0, 1), 32 random bits (plenty for Bernoulli draws). */
  uniform(): number;
  /** Fills a buffer with uniforms, the same ones `uniform()` would give, without a call per number. */
  fill(buffer: Float64Array): void;
  /** Standard normal. */
  normal(): number;
  /** Gamma with shape k > 0 and scale 1 (mean k). */
  gamma(shape: number): number;
  /** Poisson with mean λ ≥ 0. */
  poisson(mean: number): number;
};

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`The forecast seed must be a finite number, got ${seed}`);
  let x = (Math.trunc(seed) >>> 0) ^ 0x5bd1e995;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  // The state lives in a typed array: uint32 values past 2^30 kept in closure variables would be boxed
  // on every write, and the Monte Carlo asks for millions of numbers.
  const state = new Uint32Array([splitmix(), splitmix(), splitmix(), 1]);
  const fill = (buffer: Float64Array) => {
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    for (let i = 0; i < buffer.length; i += 1) {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      buffer[i] = t / 4_294_967_296;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  };
  // One step of `fill`, written out: gamma and Poisson draws ask for numbers one at a time.
  const uniform = () => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = (d + 1) >>> 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) >>> 0;
    state[2] = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
    return t / 4_294_967_296;
  };
  // Discard the first outputs: sfc32's state needs a few rounds to mix a fresh seed.
  fill(new Float64Array(12));

  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };

  const gamma = (shape: number): number => {
    if (!(shape > 0)) throw new Error(`gamma shape must be above 0, got ${shape}`);
    // Below 1 the shape is lifted by one and the draw scaled back by U^(1/k).
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      const z = normal();
      const v0 = 1 + cc * z;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - uniform();
      if (Math.log(u) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) return dd * v;
    }
  };

  /** Inversion, 20 at a time: a sum of Poisson(20)s and a remainder is Poisson(λ), and e^-20 stays exact. */
  const poisson = (mean: number): number => {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be finite and ≥ 0, got ${mean}`);
    let total = 0;
    let rest = mean;
    while (rest > 0) {
      const lambda = Math.min(rest, 20);
      rest -= lambda;
      let k = 0;
      let p = Math.exp(-lambda);
      let cdf = p;
      const u = uniform();
      while (u > cdf && p > 0) {
        k += 1;
        p *= lambda / k;
        cdf += p;
      }
      total += k;
    }
    return total;
  };

  return { uniform, fill, normal, gamma, poisson };
}
