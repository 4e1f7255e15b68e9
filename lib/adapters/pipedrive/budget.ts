import { DAY_MS } from '../../period/units';
import type { ApiBudget } from '../types';

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Pipedrive's daily token budget resets at midnight UTC. */
export function nextUtcMidnight(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}

/**
 * The daily token budget from Pipedrive's headers: `x-daily-ratelimit-token-remaining`
 * and `-limit` (token-based rate limiting). Older accounts only send the 2-second
 * burst headers (`x-ratelimit-*`), which the engine's request spacing already
 * covers, so those are not reported as a budget.
 */
export function readBudget(headers: Headers, now: number): ApiBudget | undefined {
  const remaining = headerNumber(headers, 'x-daily-ratelimit-token-remaining');
  const limit = headerNumber(headers, 'x-daily-ratelimit-token-limit');
  if (remaining === undefined && limit === undefined) return undefined;
  return { label: 'daily token budget', remaining, limit, resetsAt: nextUtcMidnight(now) };
}

/** A 429 whose daily token count is at zero means the day's budget is gone, not a burst. */
export function isDailyBudgetExhausted(headers: Headers): boolean {
  const remaining = headerNumber(headers, 'x-daily-ratelimit-token-remaining');
  return remaining !== undefined && remaining <= 0;
}
