import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Debian's Firefox ESR (or FIREFOX_PATH). */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const MISSING_FIREFOX_MESSAGE = 'Firefox was not found. Install it with `sudo apt-get install -y firefox-esr` (Debian), or set FIREFOX_PATH.';

/** The Firefox test build (`npm run build:test:firefox`); KPI_LENS_OUT_DIR moves it, as in wxt.config.ts. */
export const FIREFOX_TEST_BUILD_DIR = resolve(import.meta.dirname, '../..', process.env.KPI_LENS_OUT_DIR ?? '.output', 'firefox-mv2-test');

/** browser_specific_settings.gecko.id in wxt.config.ts. */
const ADDON_ID = 'kpi-lens@kpi-lens.app';

export type FirefoxWithExtension = {
  browser: Browser;
  /** `moz-extension://<uuid>`: the add-on's pages. */
  origin: string;
  close: () => Promise<void>;
};

/**
 * Firefox ESR driven over WebDriver BiDi (puppeteer-core, no separate driver), with the MV2 test
 * build installed as a temporary add-on. What Firefox needs for that, all test-only:
 * - `extensions.webextensions.uuids` fixes the add-on's internal UUID (random per profile
 *   otherwise), so the test knows the address of its pages;
 * - `--remote-allow-system-access`: since Firefox 153, WebDriver may navigate to moz-extension://
 *   pages only with it;
 * - host access: the MV2 test build lists the sandbox hosts (loopback) as required permissions,
 *   which Firefox grants at install; the CRM hosts are optional permissions, asked by
 *   `permissions.request` from the rep's click, and `extensions.webextOptionalPermissionPrompts:
 *   false` makes Firefox grant such a request without its prompt (which WebDriver cannot answer).
 * TZ sets the browser's time zone (Firefox takes it from the process environment).
 */
export async function launchFirefoxWithExtension(options: { timeZone: string; extensionPath?: string }): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(MISSING_FIREFOX_MESSAGE);
  const extensionPath = options.extensionPath ?? FIREFOX_TEST_BUILD_DIR;
  if (!existsSync(join(extensionPath, 'manifest.json')))
    throw new Error(`No Firefox test build at ${extensionPath}: run \`npm run build:test:firefox\` first.`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TZ: options.timeZone },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const installed = await browser.installExtension(extensionPath);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin: `moz-extension://${uuid}`, close: () => browser.close() };
}

/**
 * Opens one of the add-on's pages in a new tab. Firefox's WebDriver does not report the load of a
 * moz-extension:// document to Puppeteer (the navigation never "finishes" for it), so the page is
 * waited for by `ready`, a selector in it. A look for it can meet the tab's first document giving way
 * to the add-on's page, and Firefox then fails the evaluation itself (once in CI: "right-hand side of
 * 'in' should be an object, got null"), which Puppeteer does not retry: it is asked again until the
 * deadline. Not finding the selector in time still fails.
 */
export async function openExtensionPage(firefox: FirefoxWithExtension, path: string, ready: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  void page.goto(`${firefox.origin}${path}`, { timeout: 60_000 }).catch(() => undefined);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await page.waitForSelector(ready, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/**
 * The sidebar's frame in a CRM tab. Puppeteer keeps the frame's first URL (about:blank) for a
 * moz-extension:// frame, so each frame is asked where it is.
 */
export async function firefoxSidebarFrame(page: Page, origin: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${origin}/sidebar.html`)) return frame;
    }
    if (Date.now() > deadline) throw new Error('The KPI Lens sidebar did not appear on the CRM page.');
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** The form control a `<label>` with exactly this text names. */
export async function controlLabelled(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((wanted) => {
    const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === wanted);
    return label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  }, text);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no control labelled ${JSON.stringify(text)}`);
  return element;
}

/** A button with exactly this text. */
export async function buttonNamed(root: Page | ElementHandle<Element>, text: string): Promise<ElementHandle<Element>> {
  for (const button of await root.$$('button')) {
    if ((await button.evaluate((element) => element.textContent?.trim())) === text) return button;
  }
  throw new Error(`no button ${JSON.stringify(text)}`);
}
