/**
 * A small seeded PRNG for the demo data set. The demo must come out identical for
 * the same seed in Node (CLI, tests) and in every browser, so only exact IEEE
 * operations are used here (+ − × ÷, Math.imul, Math.sqrt, floor): no Math.random,
 * and no Math.exp/log/cos whose last bit may differ between JavaScript engines.
 */
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Roughly standard normal (mean 0, sd 1, tails cut at ±3.5). */
  normal(): number;
  /** Right-skewed positive value with the given median; `spread` is the sd of its natural log. */
  skewed(median: number, spread: number): number;
  /** A Poisson count with mean `mean`. */
  count(mean: number): number;
  /**
   * An independent stream named `label`, derived from the seed and the name only, so one part of
   * the data can change without reshuffling the others.
   */
  fork(label: string): Rng;
};

/** 32-bit FNV-1a, to turn a stream label into seed bits. */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32: spreads a seed over 32 bits so nearby seeds give unrelated streams. */
function splitmix(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** e^x from + − × ÷ only (range reduction by ln 2, then a Taylor series), identical on every engine. */
export function exactExp(x: number): number {
  const LN2 = 0.6931471805599453;
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 18; n += 1) {
    term = (term * r) / n;
    sum += term;
  }
  let scale = 1;
  const base = k < 0 ? 0.5 : 2;
  for (let i = 0; i < Math.abs(k); i += 1) scale *= base;
  return sum * scale;
}

/** Creates the sfc32 generator (Chris Doty-Humphrey's Small Fast Counting RNG, 32-bit variant). */
export function createRng(seed: number, label = ''): Rng {
  let mix = (seed | 0) ^ hashLabel(label);
  const words: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const [state, value] = splitmix(mix);
    mix = state;
    words.push(value);
  }
  let [a, b, c, d] = words as [number, number, number, number];

  const raw = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i += 1) raw();

  const normal = (): number => {
    // Irwin–Hall with 6 uniforms: sum − 3 has variance 1/2, so scale by √2.
    let sum = 0;
    for (let i = 0; i < 6; i += 1) sum += raw();
    return Math.max(-3.5, Math.min(3.5, (sum - 3) * Math.SQRT2));
  };

  const rng: Rng = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    between: (min, max) => min + raw() * (max - min),
    chance: (probability) => raw() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('demo data: pick() from an empty list');
      return items[Math.floor(raw() * items.length)] as T;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      if (items.length === 0) throw new Error('demo data: weighted() from an empty list');
      let total = 0;
      for (let i = 0; i < items.length; i += 1) total += (items[i] as readonly [T, number])[1];
      let roll = raw() * total;
      for (let i = 0; i < items.length - 1; i += 1) {
        const item = items[i] as readonly [T, number];
        roll -= item[1];
        if (roll < 0) return item[0];
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    normal,
    skewed: (median, spread) => median * exactExp(spread * normal()),
    count: (mean) => {
      if (mean <= 0) return 0;
      // Large means: the normal approximation (e^-mean would underflow, and the walk below grow long).
      if (mean > 100) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      // Poisson by inversion: walk up the cumulative distribution until it passes one uniform draw.
      const roll = raw();
      let k = 0;
      let p = exactExp(-mean);
      let cumulative = p;
      while (roll > cumulative && k < 1000) {
        k += 1;
        p = (p * mean) / k;
        cumulative += p;
      }
      return k;
    },
    fork: (name) => createRng(seed, `${label}/${name}`),
  };
  return rng;
}
