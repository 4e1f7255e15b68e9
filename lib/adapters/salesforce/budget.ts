import type { ApiBudget } from '../types';

/**
 * The org's API allocation from `Sforce-Limit-Info: api-usage=18/15000`: requests
 * used in the rolling 24 hours out of the org's daily limit.
 */
export function readLimitInfo(header: string | null): ApiBudget | undefined {
  const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
  if (!match) return undefined;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return { label: 'API requests (24 h)', remaining: Math.max(0, limit - used), limit };
}
