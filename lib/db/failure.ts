/**
 * Storage failures said the way a rep can act on them. The browser reports them as DOMExceptions
 * (QuotaExceededError for a full disk or an exhausted origin quota), and Dexie wraps them (`inner`)
 * in its own errors; a failed schema upgrade leaves the database closed, and every later query
 * fails with DatabaseClosedError carrying the upgrade's error.
 */
export type StorageProblem = { kind: 'storage-full' | 'database-unavailable'; message: string; userAction: string };

export const STORAGE_FULL_PROBLEM: StorageProblem = {
  kind: 'storage-full',
  message: 'The browser has no room left for KPI Lens data; the sync stopped and nothing was half-written.',
  userAction: 'Free disk space, or delete data you no longer need in KPI Lens options (Data), then sync again.',
};

/** Dexie's names for "the database could not be opened or upgraded". */
const OPEN_FAILURES = new Set(['DatabaseClosedError', 'OpenFailedError', 'UpgradeError', 'VersionError']);

type Chained = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };

/** The error and the errors it wraps, outermost first (bounded: wrappers never nest deeply). */
function chain(error: unknown): Chained[] {
  const links: Chained[] = [];
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    links.push(current as Chained);
    current = (current as Chained).inner ?? (current as Chained).cause;
  }
  return links;
}

/** IndexedDB reports a full disk or an exhausted origin quota as QuotaExceededError (Dexie may wrap it). */
export function isStorageFull(error: unknown): boolean {
  return chain(error).some((link) => link.name === 'QuotaExceededError');
}

export function storageProblemOf(error: unknown): StorageProblem | undefined {
  if (isStorageFull(error)) return STORAGE_FULL_PROBLEM;
  const links = chain(error);
  if (!links.some((link) => typeof link.name === 'string' && OPEN_FAILURES.has(link.name))) return undefined;
  const innermost = links[links.length - 1]!;
  const detail = typeof innermost.message === 'string' && innermost.message ? innermost.message : String(innermost.name);
  return {
    kind: 'database-unavailable',
    message: `KPI Lens cannot open its database right now (${detail}): the disk may be full, or an update could not convert the data. Your data is kept as it was: nothing was changed or deleted.`,
    userAction:
      'Free disk space: KPI Lens tries again by itself. If this stays, reload KPI Lens (chrome://extensions) or restart the browser. Do not clear the browser data: that would delete your records.',
  };
}

/** An error as one line for a page to show: what happened and what to do for storage failures, the message otherwise. */
export function describeFailure(error: unknown): string {
  const problem = storageProblemOf(error);
  if (problem) return `${problem.message} ${problem.userAction}`;
  return error instanceof Error ? error.message : String(error);
}
