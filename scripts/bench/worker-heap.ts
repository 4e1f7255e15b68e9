import type { BrowserContext, Page } from 'playwright-core';

export type WorkerHeap = { usedMb: number; arrayBuffersMb: number; totalMb: number };

/**
 * The extension service worker's heap, through the DevTools protocol on the worker's target (attached
 * from a page's session, messages relayed: Playwright has no session for service workers): a garbage
 * collection first, then the JS heap in use and the ArrayBuffer backing stores (typed arrays live there).
 */
export async function workerHeap(context: BrowserContext, page: Page): Promise<WorkerHeap | null> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
    if (!worker) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: worker.targetId, flatten: false } as never)) as { sessionId: string };
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const mine = (id += 1);
        const listener = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
          if (message.id !== mine) return;
          cdp.off('Target.receivedMessageFromTarget' as never, listener as never);
          resolve(message.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget' as never, listener as never);
        void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: mine, method, params: {} }) } as never);
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget' as never, { sessionId } as never).catch(() => undefined);
    const mb = (bytes: number | undefined) => Math.round(((bytes ?? 0) / 2 ** 20) * 10) / 10;
    return { usedMb: mb(usage.usedSize), arrayBuffersMb: mb(usage.backingStorageSize), totalMb: mb((usage.usedSize ?? 0) + (usage.backingStorageSize ?? 0)) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
