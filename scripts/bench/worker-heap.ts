import type { BrowserContext, Page } from 'playwright-core';
import { WORKER_MARKS } from '@/lib/perf';

export type WorkerHeap = { usedMb: number; arrayBuffersMb: number; totalMb: number };

type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Runs `run` with a DevTools protocol session on the extension service worker's target (attached
 * from a page's session, messages relayed: Playwright has no session for service workers); null
 * when no worker runs.
 */
async function withWorkerSession<T>(context: BrowserContext, page: Page, run: (call: Call) => Promise<T>): Promise<T | null> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
    if (!worker) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: worker.targetId, flatten: false } as never)) as { sessionId: string };
    let id = 0;
    const call: Call = (method, params = {}) =>
      new Promise((resolve) => {
        const mine = (id += 1);
        const listener = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (message.id !== mine) return;
          cdp.off('Target.receivedMessageFromTarget' as never, listener as never);
          resolve(message.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget' as never, listener as never);
        void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: mine, method, params }) } as never);
      });
    try {
      return await run(call);
    } finally {
      await cdp.send('Target.detachFromTarget' as never, { sessionId } as never).catch(() => undefined);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The worker's heap: a garbage collection first, then the JS heap in use and the ArrayBuffer backing stores (typed arrays live there). */
export async function workerHeap(context: BrowserContext, page: Page): Promise<WorkerHeap | null> {
  return withWorkerSession(context, page, async (call) => {
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize?: number; backingStorageSize?: number };
    const mb = (bytes: number | undefined) => Math.round(((bytes ?? 0) / 2 ** 20) * 10) / 10;
    return { usedMb: mb(usage.usedSize), arrayBuffersMb: mb(usage.backingStorageSize), totalMb: mb((usage.usedSize ?? 0) + (usage.backingStorageSize ?? 0)) };
  });
}

/** When the worker started and reached each of its marks (lib/perf), in epoch milliseconds. */
export async function workerMarks(context: BrowserContext, page: Page): Promise<Record<string, number | null> | null> {
  return withWorkerSession(context, page, async (call) => {
    const expression = `JSON.stringify(Object.fromEntries([['worker-start', performance.timeOrigin], ...${JSON.stringify(Object.values(WORKER_MARKS))}.map((name) => {
      const mark = performance.getEntriesByName(name)[0];
      return [name.replace('kpi-lens:', ''), mark ? performance.timeOrigin + mark.startTime : null];
    })]))`;
    const answer = (await call('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: string } };
    return answer.result?.value ? (JSON.parse(answer.result.value) as Record<string, number | null>) : null;
  });
}
