/**
 * How the sidebar shares the CRM page, in real Chromium with the built extension on the sandbox CRM:
 * by default it covers the page's right edge and the page's layout never changes (every element's
 * rectangle is the same with the sidebar open, collapsed and resized); with "push the page aside"
 * (options) the page is narrowed by the sidebar's width. The handle keeps clear of the CRM's own
 * controls (it moves off a control under it), can be dragged along the edge, and still toggles.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiStateKey } from '../../lib/settings/ui-state';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';
import { sidebarFrame } from '../harness/sidebar-reader';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};

let world: E2eWorld;
let page: Page;

beforeAll(async () => {
  world = await startWorld();
  page = await openCrmPage(world, '/deals?rows=300');
  await sidebarFrame(page);
});
afterAll(async () => {
  await world?.close();
});

/** Every element's rectangle on the page (KPI Lens's host left out) and the page's scroll size, two frames after the last change. */
const layout = () =>
  page.evaluate(async () => {
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const rects = [...document.body.querySelectorAll('*')].map((element) => {
      const r = element.getBoundingClientRect();
      return `${element.tagName}:${r.left},${r.top},${r.width},${r.height}`;
    });
    return {
      rects,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      margin: document.documentElement.style.marginRight,
    };
  });

/** The host's width once it stops changing: > 100 px when the sidebar is open, the handle's 18 px when collapsed. */
const hostWidth = () =>
  page.evaluate(async () => {
    const read = () => document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().width;
    let last = read();
    for (let round = 0; round < 50; round += 1) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))));
      const next = read();
      if (next === last) return next;
      last = next;
    }
    return last;
  });

/** Where the handle is: the points of its column (x) that hit KPI Lens's host (the handle lives in a closed shadow root). */
const handleAt = (open: boolean) =>
  page.evaluate((isOpen) => {
    const host = document.querySelector('kpi-lens-sidebar')!;
    const x = isOpen ? host.getBoundingClientRect().left + 9 : document.documentElement.clientWidth - 9;
    const ys: number[] = [];
    for (let y = 0; y < window.innerHeight; y += 2) if (document.elementFromPoint(x, y) === host) ys.push(y);
    return ys.length ? { x, top: ys[0]!, bottom: ys[ys.length - 1]! } : null;
  }, open);

const uiState = () => world.browser.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], uiStateKey('sandbox'));
const setPlacement = (placement: 'overlay' | 'push') =>
  world.browser.serviceWorker.evaluate(async (value) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, sidebarPlacement: value } });
  }, placement);

async function toggleWithHandle(open: boolean) {
  const handle = (await handleAt(!open))!;
  await page.mouse.click(handle.x, (handle.top + handle.bottom) / 2);
  await expect.poll(async () => (await uiState())?.open, { timeout: 10_000 }).toBe(open);
  await expect.poll(async () => (await hostWidth()) > 100, { timeout: 10_000 }).toBe(open);
}

/** Drags the grip (just right of the handle, at the open sidebar's left edge) by `dx` px. */
async function dragGrip(dx: number) {
  const left = await page.evaluate(() => document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().left);
  const x = left + 18 + 3;
  await page.mouse.move(x, 200);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, 200, { steps: 4 });
  await page.mouse.move(x + dx, 200, { steps: 4 });
  await page.mouse.up();
}

describe('the sidebar on the CRM page', () => {
  it('covers the right edge by default: the page keeps every rectangle when the sidebar opens, closes and is resized', async () => {
    await expect.poll(async () => (await hostWidth()) > 100, { timeout: 30_000 }).toBe(true);
    const open = await layout();
    expect(open.margin).toBe('');
    expect(open.rects.length).toBeGreaterThan(1_000); // 300 rows of 4 cells and their links

    await toggleWithHandle(false);
    expect(await layout()).toEqual(open);
    await toggleWithHandle(true);
    expect(await layout()).toEqual(open);

    const before = (await uiState())?.width as number;
    await dragGrip(-100);
    await expect.poll(async () => (await uiState())?.width, { timeout: 10_000 }).toBe(before + 100);
    expect(await hostWidth()).toBe(before + 100 + 24);
    expect(await layout()).toEqual(open);
    await dragGrip(100);
    await expect.poll(async () => (await uiState())?.width, { timeout: 10_000 }).toBe(before);
  });

  it('pushes the page aside when the rep chooses it in the options, and covers it again when they switch back', async () => {
    const covered = await layout();
    await setPlacement('push');
    await expect.poll(async () => (await layout()).margin, { timeout: 10_000 }).toBe('384px');
    const pushed = await layout();
    expect(pushed.rects).not.toEqual(covered.rects);
    const tableRight = await page.evaluate(() => document.querySelector('#deals')!.getBoundingClientRect().right);
    const hostLeft = await page.evaluate(() => document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().left);
    expect(tableRight).toBeLessThanOrEqual(hostLeft); // nothing of the page under the sidebar

    await toggleWithHandle(false);
    expect((await layout()).rects).toEqual(covered.rects); // collapsed: the page has its whole width back
    await toggleWithHandle(true);
    expect(await layout()).toEqual(pushed);

    await setPlacement('overlay');
    await expect.poll(async () => (await layout()).margin, { timeout: 10_000 }).toBe('');
    expect(await layout()).toEqual(covered);
  });

  it('keeps the handle off the CRM’s own controls, lets the rep drag it along the edge, and it still toggles', async () => {
    await toggleWithHandle(false);
    const free = (await handleAt(false))!;
    // The CRM shows a button right where the handle is (a fixed toolbar on the right edge).
    await page.evaluate(({ top, bottom }) => {
      const button = document.createElement('button');
      button.id = 'crm-control';
      button.textContent = 'Save';
      Object.assign(button.style, { position: 'fixed', right: '0', top: `${top - 10}px`, height: `${bottom - top + 20}px`, width: '80px', zIndex: '10' });
      document.body.append(button);
      window.dispatchEvent(new Event('resize')); // what a CRM redrawing its toolbar on resize looks like to the handle
    }, free);
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const r = document.getElementById('crm-control')!.getBoundingClientRect();
            // Every point of the button is the button's own, none is KPI Lens's.
            for (let y = r.top + 1; y < r.bottom; y += 4)
              for (let x = r.left + 1; x < r.right; x += 4) if (document.elementFromPoint(x, y)?.id !== 'crm-control') return false;
            return true;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    const moved = (await handleAt(false))!;
    expect(moved.top > free.bottom + 10 || moved.bottom < free.top - 10).toBe(true);

    // A drag moves it along the edge (and is no click: the sidebar stays collapsed).
    await page.mouse.move(moved.x, (moved.top + moved.bottom) / 2);
    await page.mouse.down();
    await page.mouse.move(moved.x, (moved.top + moved.bottom) / 2 + 150, { steps: 6 });
    await page.mouse.up();
    const dragged = (await handleAt(false))!;
    expect(dragged.top).toBeGreaterThan(moved.top + 100);
    expect((await uiState())?.open).toBe(false);

    await toggleWithHandle(true);
    await page.evaluate(() => document.getElementById('crm-control')!.remove());
  });
});
