import { describe, expect, it } from 'vitest';
import { ensureBrowser, type SetupIo } from './browser-setup';
import { fakeMachine } from './fake-machine';

type Call = { command: string; args: readonly string[]; env?: Record<string, string> };

/**
 * A fake machine that answers commands: `effects` says what a command (matched by its
 * first words) prints, returns, and which files exist afterwards.
 */
function machine(options: {
  platform?: NodeJS.Platform;
  arch?: string;
  env?: Record<string, string>;
  files?: string[];
  isRoot?: boolean;
  interactive?: boolean;
  answer?: boolean;
  effects?: Record<string, { status?: number; stdout?: string; creates?: string[] }>;
}) {
  const base = fakeMachine({ platform: options.platform ?? 'linux', arch: options.arch, env: options.env, files: options.files });
  const calls: Call[] = [];
  const questions: string[] = [];
  const lines: string[] = [];
  const io: SetupIo = {
    ...base,
    isRoot: options.isRoot ?? false,
    nodePath: '/usr/local/bin/node',
    interactive: options.interactive ?? false,
    ask: async (question) => {
      questions.push(question);
      return options.answer ?? false;
    },
    run: (command, args, runOptions = {}) => {
      calls.push({ command, args, env: runOptions.env });
      const key = Object.keys(options.effects ?? {}).find((prefix) => [command, ...args].join(' ').startsWith(prefix));
      const effect = key ? options.effects?.[key] : undefined;
      for (const file of effect?.creates ?? []) base.files.add(file);
      return { status: effect?.status ?? 0, stdout: effect?.stdout ?? '' };
    },
    log: (line) => lines.push(line),
  };
  return { io, calls, questions, lines, text: () => lines.join('\n') };
}

const CFT = '/home/ana/.cache/kpi-lens/browsers/chrome/linux-131.0.6778.85/chrome-linux64/chrome';
const NPM = { npm_execpath: '/usr/local/lib/node_modules/npm/bin/npm-cli.js' };
const NPX_CLI = '/usr/local/lib/node_modules/npm/bin/npx-cli.js';

describe('ensureBrowser: a browser already there', () => {
  it('uses it and says which and why, running nothing', async () => {
    const m = machine({ files: ['/usr/bin/chromium'] });
    expect(await ensureBrowser(m.io, { download: false })).toMatchObject({ path: '/usr/bin/chromium', kind: 'chromium' });
    expect(m.text()).toBe('Using Chromium at /usr/bin/chromium (installed on this system).');
    expect(m.calls).toEqual([]);
  });

  it('says it skips Google Chrome and why, and takes Edge', async () => {
    const m = machine({
      platform: 'darwin',
      files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    });
    expect(await ensureBrowser(m.io, { download: false })).toMatchObject({ kind: 'edge' });
    expect(m.text()).toMatch(/Found Google Chrome at \/Applications\/Google Chrome\.app.*not using it: Google Chrome 137 and later ignore --load-extension/);
    expect(m.text()).toMatch(/Using Microsoft Edge at \/Applications\/Microsoft Edge\.app/);
  });

  it('stops on a CHROMIUM_PATH that points at nothing, without looking elsewhere', async () => {
    const m = machine({ env: { CHROMIUM_PATH: '/opt/none/chrome' }, files: ['/usr/bin/chromium'], isRoot: true });
    expect(await ensureBrowser(m.io, { download: true })).toBeUndefined();
    expect(m.text()).toMatch(/CHROMIUM_PATH is set to \/opt\/none\/chrome, but there is no file there/);
    expect(m.calls).toEqual([]);
  });
});

describe('ensureBrowser: as root on a Debian-family system', () => {
  it('installs Debian’s chromium with apt-get, as .ci/run does, and uses it', async () => {
    const m = machine({
      isRoot: true,
      files: ['/usr/bin/apt-get'],
      effects: {
        'apt-cache policy chromium': { stdout: 'chromium:\n  Installed: (none)\n  Candidate: 140.0.7339.185-1~deb12u1\n' },
        'apt-get install': { creates: ['/usr/bin/chromium'] },
      },
    });
    expect(await ensureBrowser(m.io, { download: false })).toMatchObject({ path: '/usr/bin/chromium', why: expect.stringMatching(/apt-get/) });
    expect(m.calls.map((call) => [call.command, ...call.args].join(' '))).toEqual([
      'apt-get update -qq',
      'apt-cache policy chromium',
      'apt-get install -y -qq chromium fonts-liberation',
    ]);
    expect(m.calls[2]?.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
    expect(m.text()).toMatch(/Using Chromium at \/usr\/bin\/chromium \(installed just now with apt-get/);
  });

  it('on Ubuntu (no chromium package, only a snap) goes on to Chrome for Testing', async () => {
    const m = machine({
      isRoot: true,
      files: ['/usr/bin/apt-get'],
      effects: { 'apt-cache policy chromium': { stdout: 'chromium:\n  Installed: (none)\n  Candidate: (none)\n' } },
    });
    expect(await ensureBrowser(m.io, { download: false })).toBeUndefined();
    expect(m.calls.map((call) => call.command)).toEqual(['apt-get', 'apt-cache']);
    expect(m.text()).toMatch(/no apt package named chromium/);
    expect(m.text()).toMatch(/npx --yes @puppeteer\/browsers@2 install chrome@stable --path \/home\/ana\/\.cache\/kpi-lens\/browsers/);
  });

  it('does not use apt-get when not root', async () => {
    const m = machine({ files: ['/usr/bin/apt-get'] });
    await ensureBrowser(m.io, { download: false });
    expect(m.calls).toEqual([]);
  });

  it('says so when apt-get update fails (no mirror), and offers Chrome for Testing', async () => {
    const m = machine({ isRoot: true, files: ['/usr/bin/apt-get'], effects: { 'apt-get update': { status: 100 } } });
    expect(await ensureBrowser(m.io, { download: false })).toBeUndefined();
    expect(m.text()).toMatch(/apt-get update failed/);
    expect(m.text()).toMatch(/To download it, run:/);
  });
});

describe('ensureBrowser: Chrome for Testing, only when the user agrees', () => {
  it('without a terminal, prints the one command and downloads nothing', async () => {
    const m = machine({ interactive: false });
    expect(await ensureBrowser(m.io, { download: false })).toBeUndefined();
    expect(m.questions).toEqual([]);
    expect(m.calls).toEqual([]);
    expect(m.text()).toMatch(/no terminal to ask in/);
    expect(m.text()).toMatch(/\n {2}npx --yes @puppeteer\/browsers@2 install chrome@stable --path \/home\/ana\/\.cache\/kpi-lens\/browsers\n/);
  });

  it('asks at a terminal, and a no downloads nothing', async () => {
    const m = machine({ interactive: true, answer: false });
    expect(await ensureBrowser(m.io, { download: false })).toBeUndefined();
    expect(m.questions).toEqual(['Download it now? [y/N] ']);
    expect(m.calls).toEqual([]);
  });

  it('asks at a terminal, and a yes downloads it with npm’s own npx and uses it', async () => {
    const m = machine({ interactive: true, answer: true, env: NPM, files: [NPX_CLI], effects: { '/usr/local/bin/node': { creates: [CFT] } } });
    expect(await ensureBrowser(m.io, { download: false })).toMatchObject({ path: CFT, kind: 'chrome-for-testing', why: 'downloaded just now' });
    expect(m.calls).toEqual([
      {
        command: '/usr/local/bin/node',
        args: [NPX_CLI, '--yes', '@puppeteer/browsers@2', 'install', 'chrome@stable', '--path', '/home/ana/.cache/kpi-lens/browsers'],
        env: undefined,
      },
    ]);
    expect(m.text()).toMatch(/Using Chrome for Testing 131\.0\.6778\.85 at .*chrome-linux64\/chrome \(downloaded just now\)/);
  });

  it('downloads without asking with --download-browser, through npx when not run by npm', async () => {
    const m = machine({ interactive: false, effects: { 'npx --yes': { creates: [CFT] } } });
    expect(await ensureBrowser(m.io, { download: true })).toMatchObject({ path: CFT });
    expect(m.questions).toEqual([]);
    expect(m.calls.map((call) => call.command)).toEqual(['npx']);
  });

  it('reports a failed download', async () => {
    const m = machine({ interactive: false, effects: { 'npx --yes': { status: 1 } } });
    expect(await ensureBrowser(m.io, { download: true })).toBeUndefined();
    expect(m.text()).toMatch(/did not give a usable browser \(exit code 1\)/);
  });

  it('on macOS, offers the download into the user’s Caches', async () => {
    const m = machine({ platform: 'darwin', arch: 'arm64' });
    await ensureBrowser(m.io, { download: false });
    expect(m.text()).toMatch(/--path \/Users\/ana\/Library\/Caches\/kpi-lens\/browsers\n/);
  });

  it('on ARM Linux, where there is no Chrome for Testing, says to install the distribution’s Chromium', async () => {
    const m = machine({ arch: 'arm64', interactive: true, answer: true });
    expect(await ensureBrowser(m.io, { download: true })).toBeUndefined();
    expect(m.questions).toEqual([]);
    expect(m.calls).toEqual([]);
    expect(m.text()).toMatch(/no Chrome for Testing for linux on arm64: install your distribution's Chromium/);
  });
});
