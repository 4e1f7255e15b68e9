/**
 * The first run of `npm run demo` on any machine: find a browser that loads unpacked
 * extensions, and when there is none, get one — `apt-get install chromium` as root on
 * Debian-family systems (as .ci/run does), else Chrome for Testing through
 * @puppeteer/browsers, after asking (or, without a terminal to ask in, the one command
 * that does it). Everything the machine is asked goes through `SetupIo`, so the flow is
 * tested with a fake machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { basename, dirname, join } from 'node:path';
import {
  browserCacheDir,
  chromeForTestingArgs,
  chromeForTestingCommand,
  chromeForTestingPlatform,
  discoverBrowser,
  type DiscoveryInput,
  type FoundBrowser,
} from './browsers';

export type SetupIo = DiscoveryInput & {
  isRoot: boolean;
  /** The running Node binary: npm's own npx script is started with it, no shell in between. */
  nodePath: string;
  /** A person at a terminal who can answer a question. */
  interactive: boolean;
  ask: (question: string) => Promise<boolean>;
  /** Runs a command; `show` lets its output through to the terminal (progress of a download). */
  run: (command: string, args: readonly string[], options?: { env?: Record<string, string>; show?: boolean }) => { status: number | null; stdout: string };
  log: (line: string) => void;
};

export function realSetupIo(): SetupIo {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    homeDir: homedir(),
    exists: existsSync,
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    isRoot: process.getuid?.() === 0,
    nodePath: process.execPath,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ask: async (question) => {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await prompt.question(question)).trim());
      } finally {
        prompt.close();
      }
    },
    run: (command, args, options = {}) => {
      // npx is npx.cmd on Windows, which only a shell can start.
      const result = spawnSync(command, args, {
        env: { ...process.env, ...options.env },
        encoding: 'utf8',
        shell: process.platform === 'win32',
        stdio: options.show ? ['inherit', 'pipe', 'inherit'] : ['ignore', 'pipe', 'pipe'],
      });
      if (options.show && result.stdout) process.stdout.write(result.stdout);
      return { status: result.status, stdout: result.stdout ?? '' };
    },
    log: (line) => console.error(line),
  };
}

/** The discovery on this machine, for the test harness and the benchmarks. */
export function findBrowserHere(): FoundBrowser | undefined {
  return discoverBrowser(realSetupIo()).browser;
}

/**
 * A browser the demo can use, set up if need be, and said plainly which one and why;
 * undefined (after saying what to do) when there is none and none could be had.
 * `download`: the user already agreed to download Chrome for Testing (`--download-browser`).
 */
export async function ensureBrowser(io: SetupIo, options: { download: boolean }): Promise<FoundBrowser | undefined> {
  const first = discoverBrowser(io);
  for (const skipped of first.skipped) io.log(`Found ${skipped.name} at ${skipped.path}, not using it: ${skipped.reason}.`);
  if (first.error) {
    io.log(`${first.error} Point it at a Chromium, Chrome for Testing or Edge binary, or unset it to let the demo find one.`);
    return undefined;
  }
  if (first.browser) return announce(io, first.browser);

  io.log('No Chromium, Chrome for Testing or Microsoft Edge was found.');
  if (io.platform === 'linux' && io.isRoot && io.exists('/usr/bin/apt-get')) {
    const installed = installWithApt(io);
    if (installed) return announce(io, { ...installed, why: 'installed just now with apt-get (running as root on a Debian-family system)' });
  }
  const cacheDir = browserCacheDir(io.platform, io.env, io.homeDir);
  if (!chromeForTestingPlatform(io.platform, io.arch)) {
    io.log(
      `Google builds no Chrome for Testing for ${io.platform} on ${io.arch}: install your distribution's Chromium (for example \`sudo apt-get install -y chromium\`, \`sudo dnf install chromium\` or \`sudo pacman -S chromium\`), or set CHROMIUM_PATH to a Chromium binary.`,
    );
    return undefined;
  }
  const command = chromeForTestingCommand(cacheDir);
  io.log(`The demo can download Chrome for Testing (Google's build of Chrome for automation, which loads unpacked extensions; about 150 MB) into ${cacheDir}.`);
  const agreed = options.download || (io.interactive && (await io.ask('Download it now? [y/N] ')));
  if (!agreed) {
    io.log(io.interactive ? 'Not downloading.' : 'Not downloading without asking (no terminal to ask in).');
    io.log(
      `To download it, run:\n  ${command}\nthen \`npm run demo\` again (or run \`npm run demo -- --download-browser\`). Or set CHROMIUM_PATH to a Chromium or Edge binary.`,
    );
    return undefined;
  }
  io.log(`Running: ${command}`);
  const download = runNpx(io, chromeForTestingArgs(cacheDir));
  const after = discoverBrowser(io).browser;
  if (download.status !== 0 || !after) {
    io.log(
      `The download did not give a usable browser (exit code ${String(download.status)}). Run the command above yourself to see why, or set CHROMIUM_PATH.`,
    );
    return undefined;
  }
  return announce(io, { ...after, why: 'downloaded just now' });
}

/**
 * npx with these arguments. Under `npm run`, npm's own npx script is run with this Node (no
 * shell, so a path with spaces stays one argument); otherwise `npx` from PATH.
 */
function runNpx(io: SetupIo, args: readonly string[]) {
  const npm = io.env.npm_execpath;
  const script = npm && basename(npm) === 'npm-cli.js' ? join(dirname(npm), 'npx-cli.js') : undefined;
  if (script && io.exists(script)) return io.run(io.nodePath, [script, ...args], { show: true });
  return io.run('npx', args, { show: true });
}

function announce(io: SetupIo, browser: FoundBrowser): FoundBrowser {
  io.log(`Using ${browser.name} at ${browser.path} (${browser.why}).`);
  return browser;
}

/** apt-get install chromium, when this system's apt has the package (Ubuntu ships Chromium only as a snap). */
function installWithApt(io: SetupIo): FoundBrowser | undefined {
  io.log('Running as root on a system with apt-get: installing chromium (apt-get update, apt-get install chromium)…');
  if (io.run('apt-get', ['update', '-qq']).status !== 0) {
    io.log('apt-get update failed (no network to the package mirrors?).');
    return undefined;
  }
  const candidate = /Candidate:\s*(\S+)/.exec(io.run('apt-cache', ['policy', 'chromium']).stdout)?.[1];
  if (!candidate || candidate === '(none)') {
    io.log('This system has no apt package named chromium (Ubuntu ships Chromium as a snap).');
    return undefined;
  }
  const install = io.run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { env: { DEBIAN_FRONTEND: 'noninteractive' }, show: true });
  const browser = discoverBrowser(io).browser;
  if (install.status !== 0 || !browser) {
    io.log(`apt-get install chromium failed (exit code ${String(install.status)}).`);
    return undefined;
  }
  return browser;
}
