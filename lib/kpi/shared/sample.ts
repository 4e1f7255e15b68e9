/**
 * Sample sizes. A rate or an average over a handful of records says little: one $57k deal makes a
 * "204 % projected", two closed deals a "50 % win rate". Every rate and average carries its n, and
 * below the minimum of its kind the result is `low-sample`: the value is still given, shown muted with
 * its n and never coloured as a trend.
 *
 * The defaults, chosen so that one record more or less moves the figure by a few points at most:
 * - closed deals (win rate, sales velocity; also deals created, for their funnel): 10 — one deal more moves
 *   a win rate by under 10 points;
 * - won deals (average deal size, sales cycle, margin, sales growth): 5;
 * - leads (lead conversion, time to convert, MQL → SQL): 20;
 * - customers (churn, retention, CAC, CLV, LTV:CAC): 10 — one customer lost out of 10 is already 10 %;
 * - emails (the 30/30/50 rule): 20 sent.
 * The rep changes them in the options page (settings `minSample`).
 */
import type { EvalContext } from '../engine/types';
import type { KpiSettings, Sample, SampleKind, SampleMinimums, SampleUnit } from '../types';

export const DEFAULT_MIN_SAMPLE: Readonly<SampleMinimums> = { closedDeals: 10, wonDeals: 5, leads: 20, customers: 10, emails: 20 };

export const SAMPLE_KINDS: readonly SampleKind[] = ['closedDeals', 'wonDeals', 'leads', 'customers', 'emails'];

export function minSampleOf(settings: Pick<KpiSettings, 'minSample'>): SampleMinimums {
  const out = { ...DEFAULT_MIN_SAMPLE };
  for (const unit of SAMPLE_KINDS) {
    const value = settings.minSample?.[unit];
    if (value !== undefined && Number.isFinite(value) && value >= 0) out[unit] = Math.floor(value);
  }
  return out;
}

/** The sample of `n` records of `unit`, with the minimum that applies. */
export function sampleOf(ctx: Pick<EvalContext, 'minSample'>, unit: SampleUnit, n: number): Sample {
  return { n, min: ctx.minSample[unit === 'createdDeals' ? 'closedDeals' : unit], unit };
}

/** Of several samples a figure rests on, the one furthest below (or least above) its minimum. */
export function weakest(...samples: Sample[]): Sample {
  let worst = samples[0] as Sample;
  for (const s of samples) if (s.n / Math.max(1, s.min) < worst.n / Math.max(1, worst.min)) worst = s;
  return worst;
}

export function isLowSample(sample: Sample | undefined): boolean {
  return sample !== undefined && sample.n < sample.min;
}
