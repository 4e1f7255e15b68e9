import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { attachWorker, type WorkerSession } from './worker-heap';

/**
 * A CPU profile of the extension's service worker from as soon as it runs (`KPI_LENS_BENCH_PROFILE`
 * in the sidebar bench): where a cold worker's time goes between its start and the fresh numbers.
 * Call before the page that wakes the worker opens: the worker's target is attached as soon as it
 * appears (a few ms after its start: the first sample carries the time before it, mostly the
 * bundle's evaluation). Build with `KPI_LENS_NO_MINIFY=1 npm run build:test` for readable names.
 */
export async function profileColdWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  let stopped = false;
  const attached = (async (): Promise<WorkerSession | null> => {
    while (!stopped) {
      const worker = await attachWorker(cdp);
      if (worker) {
        await worker.call('Profiler.enable');
        await worker.call('Profiler.setSamplingInterval', { interval: 100 });
        await worker.call('Profiler.start');
        return worker;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return null;
  })();
  return {
    /** Writes the profile (Chrome DevTools' .cpuprofile format) to `file`. */
    async stop(file: string) {
      stopped = true;
      const worker = await attached;
      if (worker) {
        const { profile } = await worker.call('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
        console.error(`sidebar bench: cold worker profile in ${file}`);
        await worker.detach();
      }
      await cdp.detach().catch(() => undefined);
    },
  };
}
