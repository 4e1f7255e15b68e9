/**
 * A hostile CRM page, in real Chromium (test/fixtures/hostile-crm.ts): to KPI Lens it is a sandbox
 * CRM, so the sidebar mounts and the API is synced; the page shows a 50,000-row table, its API
 * serves 1 MB titles and `__proto__`/`constructor` keys, and its own script (running before the
 * content script) hooks the DOM, forges postMessage traffic in every shape KPI Lens uses, forges
 * clicks and keys on the sidebar's handle, and tries to read the sidebar. Nothing it does starts an
 * extension action, reads the sidebar or pollutes a prototype; oversize records end in quarantine.
 * Forged runtime messages are sent from the content script's own world (DevTools protocol, its
 * isolated execution context): privileged requests are refused there.
 */
import { hasValue } from '../../lib/kpi/types';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUARANTINE_RAW_LIMIT } from '../../lib/db/schema';
import { parseRecord, type RecordType } from '../../lib/model';
import { uiStateKey } from '../../lib/settings/ui-state';
import { activityCount } from '../../components/sidebar/ActivityCard';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import type { KpiData } from '../../lib/kpi/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { computePinnedView } from '../../lib/views/pinned';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { readSidebar, sidebarFrame, type SidebarReading } from '../harness/sidebar-reader';
import { readExtensionDb, type DbSnapshot } from '../fixtures/extension-db';
import { startHostileCrm, type HostileCrm } from '../fixtures/hostile-crm';
import { contentScriptWorld, forgedShapes, hostile, PROTOTYPE_PROBE, prototypesOf } from '../fixtures/hostile-probes';
import { openQuietPage } from '../fixtures/quiet-page';
import { canonicalJson, servedObjects, type ServedObject } from '../fixtures/sandbox-expectations';
import { allDone } from '../fixtures/sync-invariants';

const TIME_ZONE = 'Europe/Berlin';
let crm: HostileCrm;
let browser: ExtensionBrowser;
let quiet: Page;
let page: Page;
let frame: Frame;
let shown: SidebarReading;
let source: string;
let served: Map<string, ServedObject>;

beforeAll(async () => {
  crm = await startHostileCrm({ timeZone: TIME_ZONE });
  source = `sandbox:127.0.0.1:${crm.port}`;
  served = await servedObjects(crm.dataset, source);
  browser = await launchWithExtension({ timeZone: TIME_ZONE });
  quiet = await openQuietPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await crm?.close();
});

const uiState = () =>
  quiet.evaluate(
    (key) =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local
        .get(key)
        .then((all) => all[key] ?? null),
    uiStateKey('sandbox'),
  );
/** The sidebar host's rectangle once two animation frames have passed without it moving. */
const hostRectWhenSettled = () =>
  page.evaluate(async () => {
    const read = () =>
      document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().toJSON() as { left: number; top: number; width: number; height: number };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    let last = read();
    for (let round = 0; round < 50; round += 1) {
      await frame();
      await frame();
      const next = read();
      if (next.left === last.left && next.width === last.width && next.top === last.top && next.height === last.height) return next;
      last = next;
    }
    return last;
  });
const marginRight = () => page.evaluate(() => document.documentElement.style.getPropertyValue('margin-right'));

const stored = (snapshot: DbSnapshot) => Object.values(snapshot.tables).reduce((sum, rows) => sum + rows.length, 0);

describe('a hostile CRM page', () => {
  it('syncs hostile records without pollution: 1 MB titles in quarantine, every stored record valid and unchanged', async () => {
    page = await browser.context.newPage();
    await page.goto(`${crm.url}/deals`, { waitUntil: 'domcontentloaded', timeout: 90_000 }); // 50,000 rows take a while on a loaded machine
    expect(await page.locator('#deals tbody tr').count()).toBe(50_000);
    frame = await sidebarFrame(page);
    await expect.poll(async () => allDone(await readExtensionDb(quiet, source, { statesOnly: true }), served), { timeout: 60_000 }).toBe(true);

    const snapshot = await readExtensionDb(quiet, source, { content: true });
    const quarantined = new Set(crm.expected.quarantined.map((entry) => `${entry.object}/${entry.externalId}`));
    expect(snapshot.quarantine.map((entry) => `${entry.recordType === 'deal' ? 'deals' : 'activities'}/${entry.externalId}`).sort()).toEqual(
      [...quarantined].sort(),
    );
    for (const entry of snapshot.quarantine) {
      expect(entry.reason).toMatch(/longer than 500/);
      expect(entry.rawJson!.length).toBeLessThan(QUARANTINE_RAW_LIMIT + 100); // capped, not 1 MB
    }
    for (const object of served.values()) {
      const rows = (snapshot.tables[object.table] ?? []) as Record<string, unknown>[];
      const expectedIds = object.ids.filter((id) => !quarantined.has(`${object.object}/${id}`));
      expect(rows.map((row) => row.externalId).sort(), object.object).toEqual([...expectedIds].sort());
      for (const row of rows) {
        // Valid, and exactly the CRM's record as the model reads it (own `__proto__`/`constructor` keys dropped).
        const parsed = parseRecord(object.type as RecordType, object.byId.get(row.externalId as string));
        expect(parsed.ok, `${object.object}/${String(row.externalId)}`).toBe(true);
        expect(parseRecord(object.type as RecordType, row).ok).toBe(true);
        if (parsed.ok) expect(canonicalJson(row)).toBe(canonicalJson(parsed.record));
        expect(Object.prototype.hasOwnProperty.call(row, '__proto__'), 'no own __proto__ key stored').toBe(false);
      }
    }
    // The sidebar shows the rep's numbers from exactly the records stored (hostile ones included).
    const data = snapshot.tables as unknown as KpiData;
    const expectedFigures = async () => {
      shown = await readSidebar(frame);
      const view = computePinnedView(data, {
        settings: { ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: {} },
        browserZone: TIME_ZONE,
        asOf: shown.asOf,
        scope: { ownerIds: [crm.dataset.currentOwnerId] },
        period: 'month',
      });
      const pipeline = hasValue(view.pipeline) ? view.pipeline.value : null;
      return [
        shown.owner,
        shown.figures['pipeline.total']?.value,
        shown.figures['activity.call.month']?.value,
        pipeline,
        activityCount(view.activities.month, 'call'),
      ];
    };
    await expect
      .poll(
        async () => {
          const [owner, total, calls, pipeline, expectedCalls] = await expectedFigures();
          return owner === crm.dataset.currentOwnerName && total === pipeline && calls === expectedCalls;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(
      Object.values(shown.figures).some((figure) => (figure.value ?? 0) > 0),
      'real numbers on screen',
    ).toBe(true);
    const deals = snapshot.tables.deals as { externalId: string; title: string }[];
    expect(deals.map((deal) => deal.title)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
    expect(deals.some((deal) => deal.externalId === '__proto__')).toBe(true);

    // No prototype is polluted anywhere KPI Lens runs: the worker, its pages, the content script's world.
    const blank = await browser.context.newPage();
    const pristine = await prototypesOf(blank);
    await blank.close();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('h1, h2', { timeout: 30_000 });
    const worker = browser.context.serviceWorkers().at(-1)!;
    const world = await contentScriptWorld(page, browser.extensionId);
    for (const [where, realm] of [
      ['service worker', await prototypesOf(worker)],
      ['sidebar', await prototypesOf(frame)],
      ['options', await prototypesOf(options)],
      ['page', await prototypesOf(page)],
      ['content script', await world.evaluate(PROTOTYPE_PROBE)],
    ] as const) {
      expect(realm, where).toEqual(pristine);
    }
    expect((pristine as { polluted: unknown[] }).polluted).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function']);
    await world.session.detach();
    await options.close();
  });

  it('starts nothing, changes nothing and reads nothing of the sidebar, whatever the page forges', async () => {
    const origin = `chrome-extension://${browser.extensionId}`;
    const requestsBefore = crm.apiRequests();
    const stateBefore = await uiState();
    const marginBefore = await marginRight();
    const recordsBefore = stored(await readExtensionDb(quiet, source));
    const pagesBefore = browser.context.pages().length;
    expect(recordsBefore).toBeGreaterThan(1_000);

    const shapes = forgedShapes(crm.url, source);
    const { hostRect, points } = await hostile(page).attack(shapes, origin);
    expect(points).toBeGreaterThan(10);
    await page.waitForTimeout(3_000);

    // No extension action: no sync (no API request), no toggle, no delete, no export, no new tab.
    expect(crm.apiRequests()).toEqual(requestsBefore);
    expect(await uiState()).toEqual(stateBefore);
    expect(await marginRight()).toBe(marginBefore);
    expect(stored(await readExtensionDb(quiet, source))).toBe(recordsBefore);
    expect(browser.context.pages().length).toBe(pagesBefore);
    expect(await page.evaluate(PROTOTYPE_PROBE)).toEqual(await prototypesOf(quiet));

    // The page read nothing of the sidebar: no shadow root, no frame, no URL, no message, none of its text.
    const probe = await hostile(page).probe();
    expect(probe).toMatchObject({
      host: true,
      shadowRoot: false,
      childNodes: 0,
      iframesInDocument: 0,
      frames: [],
      reattach: 'refused: NotSupportedError',
      capturedRoots: [],
      iframes: [],
      frameUrls: [],
      added: ['KPI-LENS-SIDEBAR'],
      extensionMessages: [],
      runtimeSendMessage: 'undefined',
      extensionUrlsInTimeline: [],
    });
    expect(probe.forgedMessagesSeen).toBeGreaterThan(shapes.length); // the forged traffic did happen
    const sidebarText = await frame.evaluate(() => document.body.innerText);
    expect(sidebarText.length).toBeGreaterThan(50);
    expect(probe.html).not.toContain(browser.extensionId);
    expect(probe.html).not.toContain(shown.owner!);
    expect(probe.html).not.toContain(shown.figures['pipeline.total']!.text);

    // The control: the rep's own (trusted) click on the same handle does toggle the sidebar, both ways.
    const wasOpen = (stateBefore as { open?: boolean } | null)?.open ?? true;
    expect(hostRect.width).toBeGreaterThan(100); // open: the handle is at the host's left edge, 40vh down
    // The content script follows the stored state when the background tells it, which may come after
    // the stored state already reads as toggled: a click aimed from the old rectangle, or landing before the
    // script saw the change, would miss or toggle back. So each click waits for the page to show the
    // state the store holds (open: the frame's width; closed: the handle alone), two frames apart.
    const settledHost = async (open: boolean) => {
      let rect = await hostRectWhenSettled();
      await expect.poll(async () => (rect = await hostRectWhenSettled()).width > 100, { timeout: 10_000 }).toBe(open);
      return rect;
    };
    await settledHost(wasOpen);
    for (const open of [!wasOpen, wasOpen]) {
      const rect = await settledHost(!open);
      await page.mouse.click(rect.left + 9, rect.top + rect.height * 0.4 + 42);
      await expect.poll(async () => ((await uiState()) as { open?: boolean } | null)?.open, { timeout: 10_000 }).toBe(open);
      await settledHost(open);
    }
  });

  it('cannot tell KPI Lens is installed from its fixed id, nor frame its sidebar page', async () => {
    const fixed = `chrome-extension://${browser.extensionId}/sidebar.html`;
    const notInstalled = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}/sidebar.html`;
    const seen = await hostile(page).detect(fixed);
    // Exactly what an extension that is not there gives (use_dynamic_url: the fixed address answers no page).
    expect(seen).toEqual(await hostile(page).detect(notInstalled));
    expect(
      Object.values(seen).some((outcome) => /^fetched|^loaded/.test(outcome)),
      JSON.stringify(seen),
    ).toBe(false);
    const url = `${fixed}?source=${encodeURIComponent(source)}#${crypto.randomUUID()}`;
    await hostile(page).embed(url, []);
    await page.waitForTimeout(1_000);
    expect(page.frames().some((candidate) => candidate.url() === url)).toBe(false); // blocked: no sidebar document in it
    await page.evaluate(() => document.getElementById('hostile-own-sidebar')?.remove());
  });

  it('a sidebar frame without the tab’s ticket shows no sidebar, and posting into it starts nothing', async () => {
    const requestsBefore = crm.apiRequests();
    const stateBefore = await uiState();
    const recordsBefore = stored(await readExtensionDb(quiet, source));
    // Only KPI Lens's own content script knows the sidebar page's per-session address. Code in its
    // world (reached here through the DevTools protocol) frames it with a made-up ticket in the
    // fragment, as code that guessed how KPI Lens frames its sidebar would; the page then works on
    // that frame. The browser shows the frame at the fixed address it serves the page from.
    const query = `?source=${encodeURIComponent(source)}#${crypto.randomUUID()}`;
    const url = `chrome-extension://${browser.extensionId}/sidebar.html${query}`;
    const world = await contentScriptWorld(page, browser.extensionId);
    const dynamic = (await world.evaluate(`chrome.runtime.getURL('/sidebar.html')`)) as string;
    expect(new URL(dynamic).host).not.toBe(browser.extensionId);
    await world.evaluate(
      `(() => { const frame = document.createElement('iframe'); frame.id = 'hostile-own-sidebar'; frame.src = ${JSON.stringify(dynamic + query)}; document.body.append(frame); })()`,
    );
    await world.session.detach();
    await expect.poll(() => page.frames().some((candidate) => candidate.url() === url), { timeout: 10_000 }).toBe(true);
    // Opaque to the page: no document, no location.
    expect(await hostile(page).reach('hostile-own-sidebar', forgedShapes(crm.url, source))).toEqual({ content: 'none', href: 'refused: SecurityError' });
    // That frame, told from KPI Lens's own (also a child of the main frame) by its made-up ticket.
    const own = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame() && candidate.url() === url);
    expect(own).toBeDefined();
    // The sidebar page framed by anyone but KPI Lens shows no sidebar (nothing to click): only a notice.
    await expect.poll(async () => own!.locator('#root').innerText(), { timeout: 10_000 }).toMatch(/was not opened by KPI Lens/);
    expect(await own!.locator('button, a, input, select').count()).toBe(0);
    await page.waitForTimeout(3_000);
    expect(crm.apiRequests()).toEqual(requestsBefore);
    expect(await uiState()).toEqual(stateBefore);
    expect(stored(await readExtensionDb(quiet, source))).toBe(recordsBefore);
    await page.evaluate(() => document.getElementById('hostile-own-sidebar')?.remove());
  });

  it('refuses privileged requests sent from the content script’s own world', async () => {
    const world = await contentScriptWorld(page, browser.extensionId);
    const send = (message: unknown) =>
      world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`) as Promise<{ ok: boolean; error?: string; value?: unknown }>;
    const requestsBefore = crm.apiRequests();
    const recordsBefore = stored(await readExtensionDb(quiet, source));
    // The channel works: the one request a content script may make is answered.
    expect(await send({ type: 'page/opened', url: `${crm.url}/deals` })).toEqual({
      ok: true,
      value: { source, ticket: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    const privileged = [
      { type: 'data/delete-all' },
      { type: 'data/erase-everything' },
      { type: 'data/export-page', table: 'deal', limit: 5_000 },
      { type: 'sync/start', source, full: true },
      { type: 'demo/load' },
      { type: 'status/get' },
      { type: 'import/delete', source: 'csv:x' },
      { type: 'sidebar/toggle' },
      { type: 'sidebar/claim', ticket: 'x' },
    ];
    for (const message of privileged)
      expect(await send(message), message.type).toEqual({ ok: false, error: `refused: ${message.type} is only for KPI Lens pages` });
    expect(await send({ type: 'no/such-request' })).toEqual({ ok: false, error: 'refused: not a KPI Lens message' });
    await page.waitForTimeout(1_000);
    expect(crm.apiRequests()).toEqual(requestsBefore);
    expect(stored(await readExtensionDb(quiet, source))).toBe(recordsBefore);
    await world.session.detach();
  });
});
