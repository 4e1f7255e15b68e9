import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowserHere } from '../../scripts/demo/browser-setup';

/**
 * A browser that loads unpacked extensions (CHROMIUM_PATH first, then Chromium, Chrome for
 * Testing or Edge wherever this OS keeps them; see scripts/demo/browsers.ts). Branded Google
 * Chrome is never returned: from version 137 it ignores --load-extension.
 */
export function findChromium(): string | null {
  return findBrowserHere()?.path ?? null;
}

export const MISSING_CHROMIUM_MESSAGE =
  'No Chromium, Chrome for Testing or Microsoft Edge was found (Google Chrome 137+ cannot load the extension from the command line). `npm run demo` sets one up; or install Chromium (`sudo apt-get install -y chromium` on Debian), or set CHROMIUM_PATH to a Chromium, Chrome for Testing or Edge binary.';

/** The flags this machine needs: no sandbox as root, and no calls to Google's services (the network is closed). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** The test build (`npm run build:test`); KPI_LENS_OUT_DIR moves it, as in wxt.config.ts. */
export const TEST_BUILD_DIR = resolve(import.meta.dirname, '../..', process.env.KPI_LENS_OUT_DIR ?? '.output', 'chrome-mv3-test');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close: () => Promise<void>;
};

/**
 * Real Chromium with the built extension loaded, in a fresh (or given) profile.
 * Headless uses Chromium's new headless mode, which runs extensions.
 */
export async function launchWithExtension(options: {
  /** The browser binary; the one findChromium finds by default. */
  executablePath?: string;
  extensionPath?: string;
  headless?: boolean;
  userDataDir?: string;
  keepProfile?: boolean;
  timeZone?: string;
  locale?: string;
  /** Chromium writes its log to `chrome_debug.log` in the profile (what it did to the profile's storage, for example). */
  chromeLog?: boolean;
}): Promise<ExtensionBrowser> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  const extensionPath = options.extensionPath ?? TEST_BUILD_DIR;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build:test\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'kpi-lens-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false, // the flag below picks the new headless mode explicitly
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_FLAGS,
      // Chromium's own log, written to chrome_debug.log in the profile (started again at each launch).
      ...(options.chromeLog ? ['--enable-logging', '--v=0'] : []),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
    env: { ...process.env, ...(options.timeZone ? { TZ: options.timeZone } : {}), ...(options.locale ? { LANGUAGE: options.locale } : {}) },
    locale: options.locale,
    viewport: { width: 1400, height: 900 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  await waitForContentScriptRegistration(serviceWorker);
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      if (!options.keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The background registers the CRM content script right after install; pages opened before that would miss it. */
async function waitForContentScriptRegistration(worker: Worker): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const registered = await worker
      .evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome;
        return (await api.scripting.getRegisteredContentScripts()).length;
      })
      .catch(() => 0);
    if (registered > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The KPI Lens background did not register its content script within 15 s.');
}
