/**
 * Which browser `npm run demo` (and the end-to-end harness) can run KPI Lens in, found
 * without touching the machine: the platform, the environment and the file system come
 * in as arguments, so every rule is a table test. The demo loads the extension with
 * `--load-extension`, which Chromium, Chrome for Testing and Microsoft Edge honour and
 * branded Google Chrome ignores from version 137 on: Chrome is reported, never used.
 */
import { posix, win32 } from 'node:path';

export type BrowserKind = 'custom' | 'chromium' | 'chrome-for-testing' | 'edge';

export type FoundBrowser = { path: string; kind: BrowserKind; name: string; why: string };

export type Discovery = {
  browser?: FoundBrowser;
  /** Browsers found but not usable, with the reason (branded Google Chrome). */
  skipped: { path: string; name: string; reason: string }[];
  /** Set when CHROMIUM_PATH points at nothing: that is the user's explicit choice, so nothing else is tried. */
  error?: string;
};

export type DiscoveryInput = {
  platform: NodeJS.Platform;
  arch: string;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  exists: (path: string) => boolean;
  /** Entries of a directory (names only); [] when it does not exist. */
  list: (dir: string) => string[];
};

export const CHROME_SKIPPED_REASON =
  'Google Chrome 137 and later ignore --load-extension, which the demo needs to load KPI Lens; Chromium, Chrome for Testing or Edge do not';

type Candidate = { path: string; kind: Exclude<BrowserKind, 'custom'>; name: string; why: string };

const pathOf = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix);

/** Where the demo keeps a Chrome for Testing it downloaded: the user's cache, not the repository. */
export function browserCacheDir(platform: NodeJS.Platform, env: DiscoveryInput['env'], homeDir: string): string {
  const path = pathOf(platform);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(homeDir, 'AppData', 'Local'), 'kpi-lens', 'browsers');
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Caches', 'kpi-lens', 'browsers');
  return path.join(env.XDG_CACHE_HOME ?? path.join(homeDir, '.cache'), 'kpi-lens', 'browsers');
}

/**
 * The @puppeteer/browsers platform folder of Chrome for Testing, or undefined where Google
 * builds none (Linux on ARM, for one).
 */
export function chromeForTestingPlatform(platform: NodeJS.Platform, arch: string): 'linux' | 'mac' | 'mac_arm' | 'win32' | 'win64' | undefined {
  if (platform === 'linux') return arch === 'x64' ? 'linux' : undefined;
  if (platform === 'darwin') return arch === 'arm64' ? 'mac_arm' : 'mac';
  if (platform === 'win32') return arch === 'x64' || arch === 'arm64' ? 'win64' : 'win32';
  return undefined;
}

/** The executable inside one @puppeteer/browsers install folder (`<cache>/chrome/<platform>-<build>/`). */
function chromeForTestingExecutable(platform: string): string[] {
  if (platform === 'linux') return ['chrome-linux64', 'chrome'];
  if (platform === 'mac' || platform === 'mac_arm') {
    const folder = platform === 'mac' ? 'chrome-mac-x64' : 'chrome-mac-arm64';
    return [folder, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
  }
  return [platform === 'win32' ? 'chrome-win32' : 'chrome-win64', 'chrome.exe'];
}

/** Version-sorted, newest first: `linux-131.0.6778.85` before `linux-99.0.1`. */
function newestFirst(names: readonly string[]): string[] {
  const key = (name: string) => (name.match(/\d+/g) ?? []).map(Number);
  return [...names].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
    return a < b ? -1 : 1;
  });
}

/** Chrome for Testing downloaded by the demo (or by Puppeteer into its own cache). */
function downloaded(input: DiscoveryInput): Candidate[] {
  const cft = chromeForTestingPlatform(input.platform, input.arch);
  if (!cft) return [];
  const path = pathOf(input.platform);
  const roots = [
    { dir: browserCacheDir(input.platform, input.env, input.homeDir), why: 'downloaded by an earlier `npm run demo`' },
    { dir: input.env.PUPPETEER_CACHE_DIR ?? path.join(input.homeDir, '.cache', 'puppeteer'), why: 'found in Puppeteer’s browser cache' },
  ];
  return roots.flatMap(({ dir, why }) =>
    newestFirst(input.list(path.join(dir, 'chrome')).filter((name) => name.startsWith(`${cft}-`))).map((build) => ({
      path: path.join(dir, 'chrome', build, ...chromeForTestingExecutable(cft)),
      kind: 'chrome-for-testing' as const,
      name: `Chrome for Testing ${build.slice(cft.length + 1)}`,
      why,
    })),
  );
}

/** Playwright's own Chromium builds, when a developer has run `npx playwright install chromium` here before. */
function playwrightBuilds(input: DiscoveryInput): Candidate[] {
  const path = pathOf(input.platform);
  const root =
    input.env.PLAYWRIGHT_BROWSERS_PATH ??
    (input.platform === 'win32'
      ? path.join(input.env.LOCALAPPDATA ?? path.join(input.homeDir, 'AppData', 'Local'), 'ms-playwright')
      : input.platform === 'darwin'
        ? path.join(input.homeDir, 'Library', 'Caches', 'ms-playwright')
        : path.join(input.homeDir, '.cache', 'ms-playwright'));
  const inside: Record<string, string[][]> = {
    linux: [
      ['chrome-linux', 'chrome'],
      ['chrome-linux64', 'chrome'],
    ],
    darwin: [
      ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
      ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
      ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ],
    win32: [
      ['chrome-win', 'chrome.exe'],
      ['chrome-win64', 'chrome.exe'],
    ],
  };
  return newestFirst(input.list(root).filter((name) => /^chromium-\d+$/.test(name))).flatMap((build) =>
    (inside[input.platform] ?? []).map((parts) => ({
      path: path.join(root, build, ...parts),
      kind: 'chromium' as const,
      name: `Playwright’s Chromium (${build})`,
      why: 'found in Playwright’s browser cache',
    })),
  );
}

/** Installed browsers at their usual places, in order of preference, and branded Chrome (to be skipped). */
function installed(input: DiscoveryInput): { usable: Candidate[]; chrome: string[] } {
  const { platform, env, homeDir } = input;
  if (platform === 'win32') {
    const path = win32;
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return {
      usable: [
        ...roots.map((root) => ({
          path: path.join(root, 'Chromium', 'Application', 'chrome.exe'),
          kind: 'chromium' as const,
          name: 'Chromium',
          why: 'installed on this machine',
        })),
        ...roots.map((root) => ({
          path: path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          kind: 'edge' as const,
          name: 'Microsoft Edge',
          why: 'installed with Windows',
        })),
      ],
      chrome: roots.map((root) => path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    };
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', posix.join(homeDir, 'Applications')];
    const app = (bundle: string, binary = bundle) => apps.map((dir) => posix.join(dir, `${bundle}.app`, 'Contents', 'MacOS', binary));
    return {
      usable: [
        ...app('Chromium').map((path) => ({ path, kind: 'chromium' as const, name: 'Chromium', why: 'installed in Applications' })),
        ...app('Google Chrome for Testing').map((path) => ({
          path,
          kind: 'chrome-for-testing' as const,
          name: 'Chrome for Testing',
          why: 'installed in Applications',
        })),
        ...app('Microsoft Edge').map((path) => ({ path, kind: 'edge' as const, name: 'Microsoft Edge', why: 'installed in Applications' })),
      ],
      chrome: app('Google Chrome'),
    };
  }
  // Linux and the other Unixes: the distribution's packages, then anything named so on PATH.
  const onPath = (names: readonly string[]) =>
    (env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .flatMap((dir) => names.map((name) => posix.join(dir, name)));
  const chromium = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    ...onPath(['chromium', 'chromium-browser']),
  ];
  const edge = [
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    ...onPath(['microsoft-edge', 'microsoft-edge-stable']),
  ];
  return {
    usable: [
      ...chromium.map((path) => ({ path, kind: 'chromium' as const, name: 'Chromium', why: 'installed on this system' })),
      ...edge.map((path) => ({ path, kind: 'edge' as const, name: 'Microsoft Edge', why: 'installed on this system' })),
    ],
    chrome: ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', ...onPath(['google-chrome', 'google-chrome-stable'])],
  };
}

/**
 * The browser to use, first match wins: CHROMIUM_PATH; Chromium installed on the system;
 * Chrome for Testing in Applications or downloaded earlier; Playwright's Chromium; Edge.
 * Google Chrome found on the way is listed as skipped, with the reason.
 */
export function discoverBrowser(input: DiscoveryInput): Discovery {
  const custom = input.env.CHROMIUM_PATH;
  if (custom) {
    if (!input.exists(custom)) return { skipped: [], error: `CHROMIUM_PATH is set to ${custom}, but there is no file there.` };
    return { browser: { path: custom, kind: 'custom', name: 'the browser in CHROMIUM_PATH', why: 'CHROMIUM_PATH is set' }, skipped: [] };
  }
  const { usable, chrome } = installed(input);
  const byKind = (kind: Candidate['kind']) => usable.filter((candidate) => candidate.kind === kind);
  const ordered = [...byKind('chromium'), ...byKind('chrome-for-testing'), ...downloaded(input), ...playwrightBuilds(input), ...byKind('edge')];
  const found = ordered.find((candidate) => input.exists(candidate.path));
  const skipped = [...new Set(chrome)].filter((path) => input.exists(path)).map((path) => ({ path, name: 'Google Chrome', reason: CHROME_SKIPPED_REASON }));
  return found ? { browser: { ...found }, skipped } : { skipped };
}

/**
 * The arguments to npx that download Chrome for Testing where the demo looks for it.
 * @puppeteer/browsers 2.x: 3.x needs Node 22, the project supports Node 20.
 */
export function chromeForTestingArgs(cacheDir: string): string[] {
  return ['--yes', '@puppeteer/browsers@2', 'install', 'chrome@stable', '--path', cacheDir];
}

/** The same as one command to copy into a terminal. */
export function chromeForTestingCommand(cacheDir: string): string {
  return ['npx', ...chromeForTestingArgs(cacheDir)].map((part) => (/[\s"']/.test(part) ? `"${part}"` : part)).join(' ');
}

/**
 * Whether the demo should run without a window: when asked to, or on Linux with no
 * display server (macOS and Windows always have one).
 */
export function runsHeadless(platform: NodeJS.Platform, env: DiscoveryInput['env'], asked: boolean): boolean {
  if (asked) return true;
  if (platform === 'darwin' || platform === 'win32') return false;
  return !env.DISPLAY && !env.WAYLAND_DISPLAY;
}
