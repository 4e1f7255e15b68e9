/**
 * Data safety in the background, in real Chromium: several CRM tabs opened at once start exactly
 * one sync; a service worker stopped in the middle of a sync (DevTools protocol, as Chromium stops
 * idle workers) is woken by the watchdog alarm and resumes from the stored cursor; the storage
 * state is shown in the options.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxAdapter } from '../../lib/adapters/sandbox';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { sidebarFrame } from '../harness/sidebar-reader';
import { sandboxDemoDataset } from '../sandbox-crm/demo-dataset';
import { startSandboxCrm, type SandboxCrm } from '../sandbox-crm/server';
import { readExtensionDb } from '../fixtures/extension-db';
import { openQuietPage, recordApiCalls, sendFromPage, serviceWorkerTargets, stopServiceWorkers, type ApiCall } from '../fixtures/quiet-page';
import { servedObjects, type ServedObject } from '../fixtures/sandbox-expectations';
import { allDone, contentProblems } from '../fixtures/sync-invariants';

const TABS = 4;
let crm: SandboxCrm;
let browser: ExtensionBrowser;
let served: Map<string, ServedObject>;
let source: string;
let calls: ApiCall[];
let quiet: Page;

beforeAll(async () => {
  crm = await startSandboxCrm({ faults: { delayMs: 100 }, dataset: (url) => sandboxDemoDataset(url, Date.now(), { scale: 0.3 }).dataset });
  source = `sandbox:127.0.0.1:${crm.port}`;
  served = await servedObjects(crm.dataset, source);
  browser = await launchWithExtension({});
  calls = recordApiCalls(browser.context, crm.url);
  quiet = await openQuietPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await crm?.close();
});

const pageKey = (call: ApiCall) => `${call.object}@${call.cursor}`;
const syncCalls = () => calls.filter((call) => call.object !== 'me');

describe('the background keeps one sync and survives its worker being stopped', () => {
  it(`${TABS} CRM tabs opened at once run exactly one sync: every page fetched once, no duplicates, nothing lost`, async () => {
    const tabs = await Promise.all(
      Array.from({ length: TABS }, async () => {
        const tab = await browser.context.newPage();
        await tab.goto(`${crm.url}/deals`);
        return tab;
      }),
    );
    await Promise.all(tabs.map((tab) => sidebarFrame(tab)));
    await expect.poll(async () => allDone(await readExtensionDb(quiet, source, { statesOnly: true }), served), { timeout: 120_000, interval: 500 }).toBe(true);

    const keys = syncCalls().map(pageKey);
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated, 'pages fetched more than once (a second sync ran)').toEqual([]);
    // Every object's pages were fetched: 1 page per started 1,000 records (an empty object still answers once).
    const pages = [...served.values()].reduce((sum, object) => sum + Math.max(1, Math.ceil(object.ids.length / 1000)), 0);
    expect(keys.length).toBe(pages);
    expect(syncCalls().every((call) => call.fromServiceWorker)).toBe(true);

    const stored = await readExtensionDb(quiet, source, { content: true });
    expect(contentProblems(stored, served)).toEqual([]);
    for (const state of stored.states)
      expect(state.recordsThisRun, state.object).toBe([...served.values()].find((object) => object.object === state.object)!.ids.length);
    await Promise.all(tabs.map((tab) => tab.close()));
  });

  it('a worker stopped in the middle of a sync is woken by the watchdog alarm and goes on from the stored cursor', async () => {
    const before = calls.length;
    crm.setFaults({ delayMs: 400 }); // slower answers: the run is still in the middle when the worker is stopped
    const runStart = Date.now();
    // The background answers "sync/start" when the run ends (here: never, the worker is stopped first).
    const reply = sendFromPage(quiet, { type: 'sync/start', source, full: true }).catch((error: unknown) => ({ closed: String(error) }));
    // A full run is under way, stopped in the middle of its biggest object (activities, synced last).
    await expect
      .poll(
        async () => {
          const activities = (await readExtensionDb(quiet, source, { statesOnly: true })).states.find((state) => state.object === 'activities');
          return activities?.phase === 'running' && (activities.runStartedAt ?? 0) >= runStart - 1_000 && activities.cursor !== null;
        },
        { timeout: 90_000, interval: 100 },
      )
      .toBe(true);

    await stopServiceWorkers(quiet);
    await expect.poll(() => serviceWorkerTargets(browser.context, browser.extensionId), { timeout: 10_000 }).toBe(0);
    const stopped = await readExtensionDb(quiet, source);
    expect(allDone(stopped, served), 'stopped before the end of the run').toBe(false);
    const callsAtStop = calls.length;

    // Nothing runs while the worker is stopped: no request, no commit.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(calls.length).toBe(callsAtStop);
    expect(await readExtensionDb(quiet, source)).toEqual(stopped);
    expect(await serviceWorkerTargets(browser.context, browser.extensionId)).toBe(0);

    // The watchdog alarm fires (made due now instead of within the minute): Chromium starts the worker for it.
    const woken = Date.now();
    await quiet.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } }).chrome.alarms.create('sync-watchdog', {
        when: Date.now() + 100,
      }),
    );
    await expect.poll(() => serviceWorkerTargets(browser.context, browser.extensionId), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => allDone(await readExtensionDb(quiet, source, { statesOnly: true }), served), { timeout: 120_000, interval: 500 }).toBe(true);
    // The stopped worker never answered the page that asked for the sync: its message channel closed.
    expect(await reply).toMatchObject({ closed: expect.stringMatching(/closed|receiving end|message port/i) });

    // It went on where it stopped: the unfinished object's next request asked for the stored cursor, and no finished object was fetched again.
    const resumed = calls.slice(callsAtStop).filter((call) => call.object !== 'me');
    const phaseOf = new Map(stopped.states.map((state) => [state.object, state]));
    const interrupted = sandboxAdapter.objects.map((spec) => phaseOf.get(spec.name)!).find((state) => state.phase !== 'done')!;
    expect(resumed[0]).toMatchObject({ object: interrupted.object, cursor: interrupted.cursor ?? '0' });
    expect(resumed.every((call) => call.at >= woken)).toBe(true);
    const finishedBefore = new Set(stopped.states.filter((state) => state.phase === 'done').map((state) => state.object));
    expect(finishedBefore.size).toBeGreaterThanOrEqual(4);
    expect(resumed.filter((call) => finishedBefore.has(call.object))).toEqual([]);
    expect(calls.length - before).toBeGreaterThan(resumed.length); // the run had made requests before the stop

    const final = await readExtensionDb(quiet, source, { content: true });
    expect(contentProblems(final, served)).toEqual([]);
    for (const state of final.states) expect(state.lastCompletedAt!, `${state.object} completed in this run`).toBeGreaterThanOrEqual(runStart);
  });

  it('shows the storage state in the options: used space and whether the browser keeps it', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const usage = options.locator('[data-storage="usage"]');
    await expect.poll(async () => (await usage.textContent())?.trim() ?? '—', { timeout: 30_000 }).not.toBe('—');
    expect(await usage.textContent()).toMatch(/\d/);
    await expect.poll(async () => (await options.locator('[data-storage="persisted"]').textContent())?.trim(), { timeout: 30_000 }).toMatch(/^(Yes|No)/);
    await options.close();
  });
});
