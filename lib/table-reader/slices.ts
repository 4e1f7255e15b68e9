/** Work done in one go at most before the page gets the thread back; a long task is 50 ms. */
export const SLICE_MS = 8;

/** The clock and the way to give the thread back, injected so the loop is testable without a browser. */
export type SliceHost = { now: () => number; pause: () => Promise<void> };

/**
 * Runs `step` again and again, each time with a `stop` check that turns true
 * once `budgetMs` have passed, and gives the page the thread back between
 * steps, until `step` says it is finished. The page's own work (scrolling,
 * typing, its scripts) is never held up for more than one slice.
 */
export async function runInSlices(step: (stop: () => boolean) => boolean, host: SliceHost, budgetMs = SLICE_MS): Promise<void> {
  for (;;) {
    const deadline = host.now() + budgetMs;
    if (step(() => host.now() >= deadline)) return;
    await host.pause();
  }
}
