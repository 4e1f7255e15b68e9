import type { Frame, Locator, Page } from 'playwright-core';

export type ShownFigure = { value: number | null; text: string };
export type SidebarReading = {
  owner: string | null;
  asOf: number;
  timeZone: string;
  period: { start: number; end: number };
  figures: Record<string, ShownFigure>;
};

/** The text of the first element `locator` finds, or '' while there is none: for polling until a message shows. */
export async function shownText(locator: Locator): Promise<string> {
  return (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '') : '';
}

/** The sidebar's frame in a CRM tab, once the content script has mounted it. */
export async function sidebarFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes('/sidebar.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The KPI Lens sidebar did not appear on the CRM page.');
    await page.waitForTimeout(100);
  }
}

/** On screen once the sync is done and the numbers are shown. */
export const SIDEBAR_READY = '.sidebar[data-syncing="false"] [data-kpi="pipeline.total"]';

/**
 * Every figure of the sidebar (its text and value), read inside the sidebar's document: passed
 * whole to a driver's evaluate (Playwright here, Puppeteer for Firefox), so it uses nothing else.
 */
export function readSidebarDocument(): SidebarReading {
  const root = document.querySelector<HTMLElement>('.sidebar')!;
  const figures: Record<string, { value: number | null; text: string }> = {};
  for (const element of document.querySelectorAll<HTMLElement>('[data-kpi]')) {
    const raw = element.dataset.value ?? '';
    figures[element.dataset.kpi!] = { value: raw === '' ? null : Number(raw), text: element.textContent?.trim() ?? '' };
  }
  return {
    owner: document.querySelector('.owner')?.textContent ?? null,
    asOf: Number(root.dataset.asOf),
    timeZone: root.dataset.timeZone ?? '',
    period: { start: Number(root.dataset.periodStart), end: Number(root.dataset.periodEnd) },
    figures,
  };
}

/** Waits until the sync is done and the numbers are on screen, then reads every figure (its text and value). */
export async function readSidebar(frame: Frame, timeoutMs = 120_000): Promise<SidebarReading> {
  await frame.waitForSelector(SIDEBAR_READY, { timeout: timeoutMs });
  return frame.evaluate(readSidebarDocument);
}
