import { fromSignedLog, lnGammaSigned, type SignedLog } from './special';

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments and
 * z ≤ 1, which BG/NBD's conditional expectation needs at z = t / (α + T + t).
 *
 * Result in signed-log form: for frequent buyers over long horizons the value
 * runs past 1e308 although the expectation it feeds is small.
 *
 * Methods, by z:
 * - z < 0: Pfaff's transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z / (z − 1))
 *   maps z onto (0, 1), where the series has terms of one sign instead of alternating ones.
 * - 0 < z ≤ 0.9: the defining series Σ (a)n (b)n / ((c)n n!) zⁿ.
 * - 0.9 < z < 1: the series converges like zⁿ, slowly. It is still tried first with a budget of
 *   terms (with a, b, c > 0, BG/NBD's case, its terms are all positive and it is the most
 *   accurate route); past the budget, the connection formula onto 1 − z (Abramowitz & Stegun
 *   15.3.6) takes over when c − a − b is not an integer and its two terms do not cancel;
 *   failing that, the series runs on to a hard limit.
 * - z = 1: Gauss's sum Γ(c) Γ(c − a − b) / (Γ(c − a) Γ(c − b)) when c − a − b > 0.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(z))) {
    throw new RangeError(`2F1 needs finite arguments, got (${a}, ${b}; ${c}; ${z})`);
  }
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is not defined for c = ${c}`);
  if (z > 1) throw new RangeError(`2F1 is only implemented for z ≤ 1, got ${z}`);
  if (z === 0 || a === 0 || b === 0) return { sign: 1, log: 0 };
  if (z === 1) return gaussSum(a, b, c);
  if (z < 0) {
    const w = z / (z - 1);
    const scale = Math.log1p(-z);
    // Either parameter may be carried through; keep the one that leaves a positive second parameter.
    const [keep, other] = c - b >= 0 || c - a < 0 ? [a, b] : [b, a];
    const inner = logHyp2f1(keep, c - other, c, w);
    return { sign: inner.sign, log: inner.log - keep * scale };
  }
  if (z <= CONNECTION_FROM) return series(a, b, c, z, MAX_TERMS) ?? notConverged(a, b, c, z);
  // Near 1: the series first while it is cheap (with a, b, c > 0 its terms are all positive, so it is
  // the most accurate route), then the connection formula, then the series to the end of its budget.
  const cheap = series(a, b, c, z, CHEAP_TERMS);
  if (cheap) return cheap;
  const connected = isNearInteger(c - a - b) ? undefined : connection(a, b, c, z);
  return connected ?? series(a, b, c, z, MAX_TERMS) ?? notConverged(a, b, c, z);
}

function notConverged(a: number, b: number, c: number, z: number): never {
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}): the series did not converge in ${MAX_TERMS} terms`);
}

/** 2F1(a, b; c; z) as a plain number (±Infinity if it overflows). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return fromSignedLog(logHyp2f1(a, b, c, z));
}

const CONNECTION_FROM = 0.9;
/** Marks a sub-series that did not converge, so the connection formula gives way. */
const SIGNED_NAN: SignedLog = { sign: 1, log: Number.NaN };
const EPSILON = 1e-16;
const MAX_TERMS = 5_000_000;
/** Terms the series may take near z = 1 before the connection formula is tried (~1 ms). */
const CHEAP_TERMS = 100_000;
/** 1e200: sums are rescaled by this so that they never overflow. */
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

function isNearInteger(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-6;
}

/**
 * The defining series with Kahan-compensated summation and rescaling. It stops
 * when a rigorous bound on the remaining tail is below double precision: once
 * n exceeds −a, −b and −c, each later term ratio z (a+k)(b+k) / ((c+k)(k+1)) is
 * a product of two factors that move monotonically towards 1, so it never
 * exceeds |z| · max(1, (a+k)/(k+1)) · max(1, (b+k)/(c+k)) taken at the current k.
 * A negative integer a or b ends it exactly (a polynomial).
 */
function series(a: number, b: number, c: number, z: number, maxTerms: number): SignedLog | undefined {
  let term = 1;
  let sum = 1;
  let compensation = 0;
  let logScale = 0;
  const absZ = Math.abs(z);
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    if (term === 0) return signedLog(sum, logScale);
    const y = term - compensation;
    const next = sum + y;
    compensation = next - sum - y;
    sum = next;
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      compensation /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const k = n + 1;
    // The tail bound can only pass once the term itself is about ε·sum (exactly so while the ratio is ≥ ½),
    // so its two divisions wait until then.
    if (Math.abs(term) <= EPSILON * Math.abs(sum) && k > -a && k > -b && k > -c) {
      const bound = absZ * Math.max(1, (a + k) / (k + 1)) * Math.max(1, (b + k) / (c + k));
      if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= EPSILON * Math.abs(sum)) {
        return signedLog(sum, logScale);
      }
    }
  }
  return undefined;
}

function signedLog(sum: number, logScale: number): SignedLog {
  if (sum === 0) return { sign: 0, log: -Infinity };
  return { sign: sum > 0 ? 1 : -1, log: Math.log(Math.abs(sum)) + logScale };
}

/**
 * A&S 15.3.6, valid when c − a − b is not an integer:
 * 2F1(a,b;c;z) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) · 2F1(a, b; a+b−c+1; 1−z)
 *              + (1−z)^(c−a−b) Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) · 2F1(c−a, c−b; c−a−b+1; 1−z).
 * Returns undefined when the two terms cancel to fewer than ~9 significant digits or a
 * sub-series does not converge quickly. Exported so tests can check it on its own.
 */
export function connection(a: number, b: number, c: number, z: number): SignedLog | undefined {
  const d = c - a - b;
  const w = 1 - z;
  const first = product([lnGammaSigned(c), lnGammaSigned(d), series(a, b, 1 - d, w, CHEAP_TERMS) ?? SIGNED_NAN], [lnGammaSigned(c - a), lnGammaSigned(c - b)]);
  const second = product(
    [lnGammaSigned(c), lnGammaSigned(-d), series(c - a, c - b, d + 1, w, CHEAP_TERMS) ?? SIGNED_NAN, { sign: 1, log: d * Math.log(w) }],
    [lnGammaSigned(a), lnGammaSigned(b)],
  );
  if (Number.isNaN(first.log) || Number.isNaN(second.log)) return undefined;
  if (first.sign === 0) return second;
  if (second.sign === 0) return first;
  const top = Math.max(first.log, second.log);
  const total = first.sign * Math.exp(first.log - top) + second.sign * Math.exp(second.log - top);
  if (!Number.isFinite(top) || Math.abs(total) < 1e-7) return undefined;
  return { sign: total > 0 ? 1 : -1, log: top + Math.log(Math.abs(total)) };
}

/**
 * Π numerators / Π denominators in signed-log form. A pole in a denominator (1/Γ = 0)
 * makes the product zero; the numerators are never poles here (c and c − a − b are
 * not integers ≤ 0), so a zero numerator is a true zero (a vanished series).
 */
function product(numerators: readonly SignedLog[], denominators: readonly SignedLog[]): SignedLog {
  let sign = 1;
  let log = 0;
  for (const factor of numerators) {
    if (factor.sign === 0) return { sign: 0, log: -Infinity };
    sign *= factor.sign;
    log += factor.log;
  }
  for (const factor of denominators) {
    if (factor.sign === 0) return { sign: 0, log: -Infinity };
    sign *= factor.sign;
    log -= factor.log;
  }
  return { sign: sign > 0 ? 1 : -1, log };
}

function gaussSum(a: number, b: number, c: number): SignedLog {
  if (!(c - a - b > 0)) throw new RangeError(`2F1(${a}, ${b}; ${c}; 1) diverges: c − a − b must be above 0`);
  return product([lnGammaSigned(c), lnGammaSigned(c - a - b)], [lnGammaSigned(c - a), lnGammaSigned(c - b)]);
}
