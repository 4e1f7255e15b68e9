/**
 * `npm run demo`: finds (or sets up) a browser that loads unpacked extensions, builds
 * the extension, starts the sandbox CRM with the built-in demo data, and opens the
 * browser with KPI Lens on it. With a display it opens a window and runs until Ctrl-C;
 * without one (or with --headless) it saves <out>/sidebar.png and <out>/kpis.json (the
 * numbers the sidebar shows), prints them and exits. With --screenshots DIR it also saves the
 * README's pictures there (the sidebar, the team view, the weekly summary; --locale and --theme
 * pick their language and theme).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../test/harness/chromium';
import { readSidebar, sidebarFrame } from '../test/harness/sidebar-reader';
import { sandboxDemoDataset } from '../test/sandbox-crm/demo-dataset';
import { startSandboxCrm } from '../test/sandbox-crm/server';
import { ensureBrowser, realSetupIo } from './demo/browser-setup';
import { runsHeadless } from './demo/browsers';
import { saveScreenshots, sidebarSettled, SCREENSHOT_MAX_BYTES, type ScreenshotLook } from './demo/screenshots';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-output' },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    'download-browser': { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    locale: { type: 'string' },
    theme: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run demo -- [--headless] [--out DIR] [--port N] [--no-build] [--download-browser] [--screenshots DIR [--locale en|ru] [--theme light|dark]]
  --headless           no window: save DIR/sidebar.png and DIR/kpis.json and exit (the default without a display)
  --download-browser   download Chrome for Testing without asking, if no usable browser is installed
  --screenshots DIR    also save the README's pictures there: sidebar.png, team.png, summary.png
Browser: CHROMIUM_PATH if set, else Chromium, Chrome for Testing or Microsoft Edge (Google Chrome 137+ cannot load the extension).`);
  process.exit(0);
}
if ((values.locale !== undefined && !['en', 'ru'].includes(values.locale)) || (values.theme !== undefined && !['light', 'dark'].includes(values.theme))) {
  console.error('--locale takes en or ru, --theme light or dark.');
  process.exit(1);
}
const look = { locale: values.locale, theme: values.theme } as ScreenshotLook;

const browserFound = await ensureBrowser(realSetupIo(), { download: values['download-browser'] });
if (!browserFound) process.exit(1);

if (!values['no-build']) {
  console.error('Building the extension (test build, with the sandbox CRM host)…');
  // npx is npx.cmd on Windows, which only a shell can start (the arguments have no spaces).
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error(build.stdout);
    console.error('The build failed.');
    process.exit(1);
  }
}

const headless = runsHeadless(process.platform, process.env, values.headless);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const crm = await startSandboxCrm({ port: Number(values.port), dataset: (url) => sandboxDemoDataset(url, Date.now(), { timeZone }).dataset });
console.error(`Sandbox CRM: ${crm.url}/deals (${crm.dataset.deal?.length ?? 0} deals, ${crm.dataset.activity?.length ?? 0} activities)`);
const browser = await launchWithExtension({ headless, executablePath: browserFound.path });
const page = await browser.context.newPage();
await page.goto(`${crm.url}/deals`);
const userAgent = await page.evaluate(() => navigator.userAgent);
console.error(`Browser running: ${/(?:Edg|Chrome)\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent}${headless ? ' (headless)' : ''}`);

if (headless) {
  try {
    const frame = await sidebarFrame(page);
    const reading = await readSidebar(frame);
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    // The picture shows the forecast and the plan, which come after the first numbers.
    await sidebarSettled(frame);
    await page.screenshot({ path: resolve(out, 'sidebar.png') });
    const kpis = {
      crm: crm.url,
      ...reading,
      period: { start: new Date(reading.period.start).toISOString(), end: new Date(reading.period.end).toISOString() },
      asOf: new Date(reading.asOf).toISOString(),
    };
    writeFileSync(resolve(out, 'kpis.json'), `${JSON.stringify(kpis, null, 2)}\n`);
    console.log(JSON.stringify(kpis, null, 2));
    console.error(`Saved ${resolve(out, 'sidebar.png')} and ${resolve(out, 'kpis.json')}`);
    if (values.screenshots) await screenshots(frame);
  } finally {
    await browser.close();
    await crm.close();
  }
} else {
  if (values.screenshots) await screenshots(await sidebarFrame(page));
  console.error('KPI Lens is open on the sandbox CRM. Press Ctrl-C to quit.');
  const quit = async () => {
    await browser.close();
    await crm.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  browser.context.on('close', () => void quit());
}

async function screenshots(frame: Awaited<ReturnType<typeof sidebarFrame>>) {
  await readSidebar(frame);
  for (const shot of await saveScreenshots(browser, page, frame, values.screenshots!, look)) {
    const large = shot.bytes > SCREENSHOT_MAX_BYTES ? `: larger than the ${SCREENSHOT_MAX_BYTES / 1024} KB a README picture should be` : '';
    console.error(`Saved ${shot.path} (${Math.round(shot.bytes / 1024)} KB)${large}`);
  }
}
