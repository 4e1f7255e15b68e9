import type { Page } from 'playwright-core';
import type { Activity } from '@/lib/model';
import { sendFromPage, stopServiceWorkers } from '../../test/fixtures/quiet-page';
import type { SandboxCrm } from '../../test/sandbox-crm/server';

/**
 * Fresh numbers the first time a CRM page opens after a sync the worker ran with no page open (a
 * scheduled sync overnight), the worker stopped since: what that sync left for a cold start counts,
 * not only what the last page's views left. Each round changes one activity in the CRM, stops the
 * worker (so that no recent view of a page is computed again after the write), syncs from an extension
 * page, waits until the column store's sorted orders are of its current generation (or 60 s: a build
 * that never keeps them), stops the worker again and opens the CRM page once. Only that first open
 * counts: its own views keep orders for the next.
 */
export async function freshAfterSync<R>(options: {
  quiet: Page;
  crm: SandboxCrm;
  rounds: number;
  measureCold: () => Promise<R>;
}): Promise<{ runs: R[]; ordersCurrentAfterSync: boolean[]; syncSeconds: number[] }> {
  const { quiet, crm } = options;
  const source = await sourceOf(quiet);
  const runs: R[] = [];
  const ordersCurrentAfterSync: boolean[] = [];
  const syncSeconds: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const activities = crm.dataset.activity as Activity[];
    const changed = activities[round]!;
    activities[round] = { ...changed, occurredAt: changed.occurredAt + 60_000, updatedAt: Date.now() };
    await stopWorkers(quiet);
    const started = Date.now();
    await sendFromPage(quiet, { type: 'sync/start', source });
    while ((await syncedAt(quiet, source)) < started) await quiet.waitForTimeout(500);
    syncSeconds.push(Math.round((Date.now() - started) / 100) / 10);
    let current = false;
    for (const deadline = Date.now() + 60_000; !current && Date.now() < deadline;) {
      current = await ordersCurrent(quiet, source);
      if (!current) await quiet.waitForTimeout(1_000);
    }
    ordersCurrentAfterSync.push(current);
    await stopWorkers(quiet);
    runs.push(await options.measureCold());
  }
  return { runs, ordersCurrentAfterSync, syncSeconds };
}

declare const chrome: { storage: { session: { get(key: string | null): Promise<Record<string, unknown>> } } };

async function stopWorkers(page: Page): Promise<void> {
  await (await stopServiceWorkers(page)).detach();
  await page.waitForTimeout(1_000);
}

async function sourceOf(page: Page): Promise<string> {
  const session = await page.evaluate(() => chrome.storage.session.get(null));
  const key = Object.keys(session).find((name) => name.startsWith('sync-result:'));
  if (!key) throw new Error('after-sync bench: no sync has finished yet');
  return key.slice('sync-result:'.length);
}

async function syncedAt(page: Page, source: string): Promise<number> {
  const key = `sync-result:${source}`;
  const session = await page.evaluate((name) => chrome.storage.session.get(name), key);
  return (session[key] as { at?: number } | undefined)?.at ?? 0;
}

/**
 * Whether each big type with records has stored sorted orders, all of the column store's generation.
 * Sent as source text: tsx names the inner functions of a callback with a helper the page lacks.
 */
function ordersCurrent(page: Page, source: string): Promise<boolean> {
  return page.evaluate(`(async (source) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('kpi-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const tx = db.transaction(['columns', 'columnMeta'], 'readonly');
      const all = (store, range) =>
        new Promise((resolve, reject) => {
          const request = tx.objectStore(store).getAll(range);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const metas = await all('columnMeta', IDBKeyRange.bound([source], [source, []]));
      for (const meta of metas) {
        if (!(meta.alive > 0)) continue;
        const orders = await all('columns', IDBKeyRange.bound([source, meta.type, 'order', -Infinity], [source, meta.type, 'order', Infinity]));
        if (orders.length === 0 || orders.some((order) => order.generation !== meta.generation)) return false;
      }
      return true;
    } finally {
      db.close();
    }
  })(${JSON.stringify(source)})`);
}
