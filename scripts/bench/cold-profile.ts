import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * A CPU profile of the extension's service worker from as soon as it runs (`KPI_LENS_BENCH_PROFILE`
 * in the sidebar bench): where a cold worker's time goes between its start and the fresh numbers.
 * Call before the page that wakes the worker opens: the worker's target is attached as soon as it
 * appears (a few ms after its start: the first sample carries the time before it, mostly the
 * bundle's evaluation). Build with `KPI_LENS_NO_MINIFY=1 npm run build:test` for readable names.
 * Through a page's session, messages relayed (Playwright has no session for service workers).
 */
export async function profileColdWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  let sessionId: string | undefined;
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on(
    'Target.receivedMessageFromTarget' as never,
    ((event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id === undefined || !pending.has(message.id)) return;
      pending.get(message.id)!(message.result);
      pending.delete(message.id);
    }) as never,
  );
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const mine = (id += 1);
      pending.set(mine, resolve);
      void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: mine, method, params }) } as never);
    });
  let stopped = false;
  const attached = (async () => {
    while (!stopped) {
      const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
      if (worker) {
        ({ sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: worker.targetId, flatten: false } as never)) as { sessionId: string });
        await call('Profiler.enable');
        await call('Profiler.setSamplingInterval', { interval: 100 });
        await call('Profiler.start');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return {
    /** Writes the profile (Chrome DevTools' .cpuprofile format) to `file`. */
    async stop(file: string) {
      stopped = true;
      await attached;
      if (sessionId) {
        const { profile } = (await call('Profiler.stop')) as { profile: unknown };
        writeFileSync(file, JSON.stringify(profile));
        console.error(`sidebar bench: cold worker profile in ${file}`);
      }
      await cdp.detach().catch(() => undefined);
    },
  };
}
