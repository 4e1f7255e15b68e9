/*
 * The storage.session keys the background bumps when a source changes; pages watch them and ask
 * again. Kept apart from protocol.ts (and its zod schemas) so pages and content scripts can
 * follow them without loading zod.
 */

/**
 * storage.session key the background bumps whenever a source's data changed (a
 * sync step, demo data loaded, data deleted); pages listen and ask again.
 */
export function dataVersionKey(source: string): string {
  return `data-version:${source}`;
}

/** storage.session key bumped when a source's sync status moved (progress, problem): cheap to follow. */
export function statusVersionKey(source: string): string {
  return `status-version:${source}`;
}
