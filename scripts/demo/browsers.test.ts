import { describe, expect, it } from 'vitest';
import {
  browserCacheDir,
  CHROME_SKIPPED_REASON,
  chromeForTestingCommand,
  chromeForTestingPlatform,
  discoverBrowser,
  runsHeadless,
  type BrowserKind,
} from './browsers';
import { fakeMachine } from './fake-machine';

type Row = {
  label: string;
  platform: NodeJS.Platform;
  arch?: string;
  env?: Record<string, string>;
  files: string[];
  /** The browser expected (path and kind), or null for none. */
  expected: { path: string; kind: BrowserKind } | null;
  /** Paths reported as skipped (branded Google Chrome). */
  skipped?: string[];
};

const CFT_LINUX = '/home/ana/.cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/chrome-linux64/chrome';
const CFT_MAC_ARM =
  '/Users/ana/Library/Caches/kpi-lens/browsers/chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
const CFT_WIN = 'C:\\Users\\ana\\AppData\\Local\\kpi-lens\\browsers\\chrome\\win64-131.0.6778.85\\chrome-win64\\chrome.exe';
const WIN_ENV = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };

const LINUX: Row[] = [
  { label: "Debian's chromium", platform: 'linux', files: ['/usr/bin/chromium'], expected: { path: '/usr/bin/chromium', kind: 'chromium' } },
  {
    label: "Ubuntu's chromium-browser",
    platform: 'linux',
    files: ['/usr/bin/chromium-browser'],
    expected: { path: '/usr/bin/chromium-browser', kind: 'chromium' },
  },
  { label: 'the Chromium snap', platform: 'linux', files: ['/snap/bin/chromium'], expected: { path: '/snap/bin/chromium', kind: 'chromium' } },
  {
    label: 'chromium elsewhere on PATH',
    platform: 'linux',
    env: { PATH: '/opt/tools/bin:/usr/local/bin' },
    files: ['/opt/tools/bin/chromium'],
    expected: { path: '/opt/tools/bin/chromium', kind: 'chromium' },
  },
  {
    label: 'only Google Chrome: skipped, none used',
    platform: 'linux',
    files: ['/usr/bin/google-chrome', '/opt/google/chrome/chrome'],
    expected: null,
    skipped: ['/usr/bin/google-chrome', '/opt/google/chrome/chrome'],
  },
  {
    label: 'Google Chrome and Edge: Edge',
    platform: 'linux',
    files: ['/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'],
    expected: { path: '/usr/bin/microsoft-edge', kind: 'edge' },
    skipped: ['/usr/bin/google-chrome-stable'],
  },
  { label: 'Edge under /opt', platform: 'linux', files: ['/opt/microsoft/msedge/msedge'], expected: { path: '/opt/microsoft/msedge/msedge', kind: 'edge' } },
  { label: 'Chrome for Testing downloaded by the demo', platform: 'linux', files: [CFT_LINUX], expected: { path: CFT_LINUX, kind: 'chrome-for-testing' } },
  {
    label: 'the newest of two Chrome for Testing builds',
    platform: 'linux',
    files: ['/home/ana/.cache/kpi-lens/browsers/chrome/linux-99.0.4844.51/chrome-linux64/chrome', CFT_LINUX],
    expected: { path: CFT_LINUX, kind: 'chrome-for-testing' },
  },
  {
    label: 'Chrome for Testing under XDG_CACHE_HOME',
    platform: 'linux',
    env: { XDG_CACHE_HOME: '/data/cache' },
    files: ['/data/cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/chrome-linux64/chrome'],
    expected: { path: '/data/cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/chrome-linux64/chrome', kind: 'chrome-for-testing' },
  },
  {
    label: "Chrome for Testing in Puppeteer's cache",
    platform: 'linux',
    files: ['/home/ana/.cache/puppeteer/chrome/linux-131.0.6778.85/chrome-linux64/chrome'],
    expected: { path: '/home/ana/.cache/puppeteer/chrome/linux-131.0.6778.85/chrome-linux64/chrome', kind: 'chrome-for-testing' },
  },
  {
    label: "Playwright's Chromium",
    platform: 'linux',
    files: [
      '/home/ana/.cache/ms-playwright/chromium-1187/chrome-linux/chrome',
      '/home/ana/.cache/ms-playwright/chromium_headless_shell-1187/chrome-linux/headless_shell',
    ],
    expected: { path: '/home/ana/.cache/ms-playwright/chromium-1187/chrome-linux/chrome', kind: 'chromium' },
  },
  {
    label: 'Chromium before Chrome for Testing before Edge',
    platform: 'linux',
    files: ['/usr/bin/microsoft-edge', CFT_LINUX, '/usr/bin/chromium'],
    expected: { path: '/usr/bin/chromium', kind: 'chromium' },
  },
  {
    label: 'no Chrome for Testing on ARM Linux (Google builds none)',
    platform: 'linux',
    arch: 'arm64',
    files: ['/home/ana/.cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/chrome-linux64/chrome'],
    expected: null,
  },
  { label: 'a macOS path means nothing on Linux', platform: 'linux', files: ['/Applications/Chromium.app/Contents/MacOS/Chromium'], expected: null },
  {
    label: 'a cache folder without the binary',
    platform: 'linux',
    files: ['/home/ana/.cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/README'],
    expected: null,
  },
  { label: 'nothing at all', platform: 'linux', files: [], expected: null },
];

const MAC: Row[] = [
  {
    label: 'Chromium in Applications',
    platform: 'darwin',
    arch: 'arm64',
    files: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
    expected: { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', kind: 'chromium' },
  },
  {
    label: 'Chromium in ~/Applications',
    platform: 'darwin',
    files: ['/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'],
    expected: { path: '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium', kind: 'chromium' },
  },
  {
    label: 'Chrome for Testing in Applications',
    platform: 'darwin',
    files: ['/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'],
    expected: { path: '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', kind: 'chrome-for-testing' },
  },
  {
    label: 'Chrome for Testing downloaded by the demo (Apple silicon)',
    platform: 'darwin',
    arch: 'arm64',
    files: [CFT_MAC_ARM],
    expected: { path: CFT_MAC_ARM, kind: 'chrome-for-testing' },
  },
  {
    label: 'an Intel build is not looked for on Apple silicon',
    platform: 'darwin',
    arch: 'arm64',
    files: [
      '/Users/ana/Library/Caches/kpi-lens/browsers/chrome/mac-131.0.6778.85/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ],
    expected: null,
  },
  {
    label: 'Edge',
    platform: 'darwin',
    files: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    expected: { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', kind: 'edge' },
  },
  {
    label: 'only Google Chrome: skipped, none used',
    platform: 'darwin',
    files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    expected: null,
    skipped: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  },
  { label: 'Linux paths mean nothing on macOS', platform: 'darwin', files: ['/usr/bin/chromium', '/snap/bin/chromium'], expected: null },
];

const WINDOWS: Row[] = [
  {
    label: 'Chromium in Program Files',
    platform: 'win32',
    env: WIN_ENV,
    files: ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
    expected: { path: 'C:\\Program Files\\Chromium\\Application\\chrome.exe', kind: 'chromium' },
  },
  {
    label: 'Chromium installed per user',
    platform: 'win32',
    env: WIN_ENV,
    files: ['C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
    expected: { path: 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe', kind: 'chromium' },
  },
  {
    label: 'Edge, which every Windows has',
    platform: 'win32',
    env: WIN_ENV,
    files: ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    expected: { path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', kind: 'edge' },
    skipped: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  },
  {
    label: 'Chrome for Testing downloaded by the demo',
    platform: 'win32',
    env: WIN_ENV,
    files: [CFT_WIN, 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
    expected: { path: CFT_WIN, kind: 'chrome-for-testing' },
  },
  {
    label: 'only Google Chrome: skipped, none used',
    platform: 'win32',
    env: WIN_ENV,
    files: ['C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    expected: null,
    skipped: ['C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
  },
  {
    label: 'no Program Files variables: nothing, no crash',
    platform: 'win32',
    env: {},
    files: ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
    expected: null,
  },
  { label: 'Unix paths mean nothing on Windows', platform: 'win32', env: WIN_ENV, files: ['/usr/bin/chromium'], expected: null },
];

describe.each([
  ['Linux', LINUX],
  ['macOS', MAC],
  ['Windows', WINDOWS],
])('discoverBrowser on %s', (_os, rows) => {
  it.each(rows)('$label', ({ platform, arch, env, files, expected, skipped = [] }) => {
    const result = discoverBrowser(fakeMachine({ platform, arch, env, files }));
    expect(result.browser ? { path: result.browser.path, kind: result.browser.kind } : null).toEqual(expected);
    expect(result.skipped.map((entry) => entry.path)).toEqual(skipped);
    expect(result.skipped.every((entry) => entry.reason === CHROME_SKIPPED_REASON)).toBe(true);
    expect(result.error).toBeUndefined();
    if (result.browser) expect(result.browser.why).not.toBe('');
  });
});

describe('CHROMIUM_PATH still wins', () => {
  it('over every browser found, even branded Chrome', () => {
    const machine = fakeMachine({
      platform: 'linux',
      env: { CHROMIUM_PATH: '/usr/bin/google-chrome' },
      files: ['/usr/bin/google-chrome', '/usr/bin/chromium'],
    });
    expect(discoverBrowser(machine).browser).toMatchObject({ path: '/usr/bin/google-chrome', kind: 'custom', why: 'CHROMIUM_PATH is set' });
  });

  it('and when it points at nothing, that is an error, not a silent fallback', () => {
    const machine = fakeMachine({
      platform: 'darwin',
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
      files: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
    });
    const result = discoverBrowser(machine);
    expect(result.browser).toBeUndefined();
    expect(result.error).toMatch(/CHROMIUM_PATH is set to \/nowhere\/chrome/);
  });
});

describe('the places and commands', () => {
  it.each([
    ['linux', {}, '/home/ana', '/home/ana/.cache/kpi-lens/browsers'],
    ['linux', { XDG_CACHE_HOME: '/data/cache' }, '/home/ana', '/data/cache/kpi-lens/browsers'],
    ['darwin', {}, '/Users/ana', '/Users/ana/Library/Caches/kpi-lens/browsers'],
    ['win32', { LOCALAPPDATA: 'D:\\Profiles\\ana\\Local' }, 'C:\\Users\\ana', 'D:\\Profiles\\ana\\Local\\kpi-lens\\browsers'],
    ['win32', {}, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Local\\kpi-lens\\browsers'],
  ] as const)('caches downloads on %s (%o) under %s in %s', (platform, env, home, expected) => {
    expect(browserCacheDir(platform, env, home)).toBe(expected);
  });

  it.each([
    ['linux', 'x64', 'linux'],
    ['linux', 'arm64', undefined],
    ['darwin', 'arm64', 'mac_arm'],
    ['darwin', 'x64', 'mac'],
    ['win32', 'x64', 'win64'],
    ['win32', 'ia32', 'win32'],
    ['freebsd', 'x64', undefined],
  ] as const)('knows the Chrome for Testing build of %s %s: %s', (platform, arch, expected) => {
    expect(chromeForTestingPlatform(platform, arch)).toBe(expected);
  });

  it('prints the download as one command, quoting a path with spaces', () => {
    expect(chromeForTestingCommand('/home/ana/.cache/kpi-lens/browsers')).toBe(
      'npx --yes @puppeteer/browsers@2 install chrome@stable --path /home/ana/.cache/kpi-lens/browsers',
    );
    expect(chromeForTestingCommand('C:\\Users\\Ana Lee\\AppData\\Local\\kpi-lens\\browsers')).toBe(
      'npx --yes @puppeteer/browsers@2 install chrome@stable --path "C:\\Users\\Ana Lee\\AppData\\Local\\kpi-lens\\browsers"',
    );
  });

  it.each([
    ['linux', {}, false, true],
    ['linux', { DISPLAY: ':0' }, false, false],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, false, false],
    ['linux', { DISPLAY: ':0' }, true, true],
    ['darwin', {}, false, false],
    ['win32', {}, false, false],
    ['win32', {}, true, true],
  ] as const)('runs headless on %s with %o, --headless %s: %s', (platform, env, asked, expected) => {
    expect(runsHeadless(platform, env, asked)).toBe(expected);
  });
});
