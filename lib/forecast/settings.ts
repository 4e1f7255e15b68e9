import type { ForecastSettings } from './types';

/** The issue asks for at least this many draws: fewer would make P10 and P90 wobble between runs. */
export const MIN_DRAWS = 2_000;

export const DEFAULT_SETTINGS: ForecastSettings = {
  draws: MIN_DRAWS,
  seed: 1,
  staleDays: 14,
  deadDays: 30,
  lookbackDays: 365,
  snapshotEveryDays: 7,
  trailingDays: 365,
  activityTrailingDays: 90,
  minSample: { winRate: 10, averageWonDeal: 5, salesCycle: 5, dealsCreated: 3 },
  topDeals: 10,
};

/** Defaults filled in and checked: a setting that would make the forecast meaningless is an error. */
export function resolveSettings(partial: Partial<ForecastSettings> = {}): ForecastSettings {
  const s: ForecastSettings = { ...DEFAULT_SETTINGS, ...partial, minSample: { ...DEFAULT_SETTINGS.minSample, ...partial.minSample } };
  if (!Number.isInteger(s.draws) || s.draws < MIN_DRAWS) throw new Error(`draws must be a whole number of at least ${MIN_DRAWS}, got ${s.draws}`);
  if (s.draws > 1_000_000) throw new Error(`draws must be at most 1,000,000, got ${s.draws}`);
  if (!Number.isFinite(s.seed)) throw new Error(`seed must be a finite number, got ${s.seed}`);
  for (const key of ['staleDays', 'deadDays', 'lookbackDays', 'snapshotEveryDays', 'trailingDays', 'activityTrailingDays'] as const) {
    if (!(s[key] > 0) || !Number.isFinite(s[key])) throw new Error(`${key} must be a positive number of days, got ${s[key]}`);
  }
  if (!Number.isInteger(s.topDeals) || s.topDeals < 0) throw new Error(`topDeals must be a whole number ≥ 0, got ${s.topDeals}`);
  return s;
}
