import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { WORKER_MARKS } from '@/lib/perf';
import { MODULE_MARK } from './module-marks';

export type WorkerHeap = { usedMb: number; arrayBuffersMb: number; totalMb: number };

type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;
export type WorkerSession = { call: Call; detach: () => Promise<void> };

/**
 * A DevTools protocol session on the extension service worker's target, attached through a page's
 * session `cdp` with messages relayed (Playwright has no session for service workers); null when no
 * worker runs.
 */
export async function attachWorker(cdp: CDPSession): Promise<WorkerSession | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (!worker) return null;
  const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: worker.targetId, flatten: false } as never)) as { sessionId: string };
  let id = 0;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  const listener = (event: { sessionId?: string; message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
    if (event.sessionId !== undefined && event.sessionId !== sessionId) return;
    if (message.id === undefined || !pending.has(message.id)) return;
    pending.get(message.id)!(message.result ?? {});
    pending.delete(message.id);
  };
  cdp.on('Target.receivedMessageFromTarget' as never, listener as never);
  return {
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const mine = (id += 1);
        pending.set(mine, resolve);
        void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: mine, method, params }) } as never);
      }),
    detach: async () => {
      cdp.off('Target.receivedMessageFromTarget' as never, listener as never);
      await cdp.send('Target.detachFromTarget' as never, { sessionId } as never).catch(() => undefined);
    },
  };
}

/** Runs `run` with a session on the worker (see attachWorker); null when no worker runs. */
async function withWorkerSession<T>(context: BrowserContext, page: Page, run: (call: Call) => Promise<T>): Promise<T | null> {
  const cdp = await context.newCDPSession(page);
  try {
    const worker = await attachWorker(cdp);
    if (!worker) return null;
    try {
      return await run(worker.call);
    } finally {
      await worker.detach();
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

/** Looks at the heap (`look`) every `everyMs` for `forMs`: the looks, in order. */
export async function heapWhile(look: () => Promise<WorkerHeap | null>, forMs: number, everyMs: number): Promise<(WorkerHeap | null)[]> {
  const until = Date.now() + forMs;
  const looks: (WorkerHeap | null)[] = [];
  while (Date.now() < until) {
    looks.push(await look());
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return looks;
}

/** When the worker started and reached each of its marks (lib/perf), in epoch milliseconds. */
export async function workerMarks(context: BrowserContext, page: Page): Promise<Record<string, number | null> | null> {
  return withWorkerSession(context, page, async (call) => {
    // With a marked copy of the build (module-marks.ts), each module's mark too.
    const names = `[...${JSON.stringify(Object.values(WORKER_MARKS))}, ...performance.getEntriesByType('mark').map((m) => m.name).filter((name) => name.startsWith(${JSON.stringify(MODULE_MARK)}))]`;
    const expression = `JSON.stringify(Object.fromEntries([['worker-start', performance.timeOrigin], ...${names}.map((name) => {
      const mark = performance.getEntriesByName(name)[0];
      return [name.replace('kpi-lens:', ''), mark ? performance.timeOrigin + mark.startTime : null];
    })]))`;
    const answer = (await call('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: string } };
    return answer.result?.value ? (JSON.parse(answer.result.value) as Record<string, number | null>) : null;
  });
}
