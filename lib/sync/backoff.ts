const BASE_MS = 1_000;
const MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter for transient failures: attempt 1 waits up
 * to 1 s, attempt 2 up to 2 s, ... capped at 5 minutes. `random` is injected so
 * tests are exact.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** After this many failures in a row a step stops retrying and reports the error. */
export const MAX_TRANSIENT_ATTEMPTS = 8;
