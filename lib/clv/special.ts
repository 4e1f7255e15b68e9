/**
 * Special functions the purchase and spend models need, written for positive
 * real arguments (the model parameters). Both use the same recipe: shift the
 * argument up with the recurrence until the asymptotic (Stirling) series is
 * accurate to double precision, then evaluate that series.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Below this, shift up by the recurrence; at 7 the truncated series below errs by < 1e-15. */
const ASYMPTOTIC_FROM = 7;

/**
 * ln Γ(x) for x > 0. Stirling's series with Bernoulli terms B2k / (2k(2k−1) x^(2k−1))
 * up to k = 7, after Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)).
 */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`lnGamma needs a finite x > 0, got ${x}`);
  let shift = 0;
  if (x < ASYMPTOTIC_FROM) {
    let product = 1;
    while (x < ASYMPTOTIC_FROM) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: ψ(x) = ψ(x + 1) − 1/x, then
 * ψ(x) ~ ln x − 1/(2x) − Σ B2k / (2k x^(2k)).
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`digamma needs a finite x > 0, got ${x}`);
  let shift = 0;
  while (x < ASYMPTOTIC_FROM) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return Math.log(x) - 0.5 / x - series + shift;
}

/** A real number as sign × e^log, so values far outside the double range can be carried. */
export type SignedLog = { sign: -1 | 0 | 1; log: number };

export const SIGNED_ZERO: SignedLog = { sign: 0, log: -Infinity };

export function toSignedLog(value: number): SignedLog {
  if (value === 0) return SIGNED_ZERO;
  return { sign: value > 0 ? 1 : -1, log: Math.log(Math.abs(value)) };
}

export function fromSignedLog(value: SignedLog): number {
  return value.sign === 0 ? 0 : value.sign * Math.exp(value.log);
}

/** log(e^u + e^v) without overflow; −∞ stands for a zero term. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** 1 / (1 + e^u) without overflow. */
export function logistic(u: number): number {
  return u >= 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/**
 * ln|Γ(x)| and the sign of Γ(x) for any real x that is not a pole (0, −1, −2 …),
 * by the reflection Γ(x) Γ(1 − x) = π / sin(πx). Needed by the 2F1 connection
 * formula, whose Gamma arguments (c − a − b, c − a …) can be negative.
 * A pole gives sign 0: 1/Γ is then exactly zero, which is what the callers use.
 */
export function lnGammaSigned(x: number): SignedLog {
  if (x > 0) return { sign: 1, log: lnGamma(x) };
  if (Number.isInteger(x)) return { sign: 0, log: Infinity };
  const sine = Math.sin(Math.PI * x);
  return { sign: sine > 0 ? 1 : -1, log: Math.log(Math.PI / Math.abs(sine)) - lnGamma(1 - x) };
}
