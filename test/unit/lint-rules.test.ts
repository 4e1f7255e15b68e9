import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The project's lint config (eslint.config.js) is the guard against CRM data
 * becoming markup or code: these samples must be errors in product code.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });

async function errorsOf(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const TS = 'components/__lint-probe__.ts';
const TSX = 'components/__lint-probe__.tsx';

describe('lint catches HTML built from strings and code made from strings', () => {
  it.each([
    ['innerHTML', TS, 'export function f(el: HTMLElement, crm: string) { el.innerHTML = crm; }', /No innerHTML/],
    ['outerHTML', TS, 'export function f(el: HTMLElement, crm: string) { el.outerHTML = crm; }', /No innerHTML\/outerHTML/],
    ['innerHTML +=', TS, 'export function f(el: HTMLElement, crm: string) { el.innerHTML += crm; }', /No innerHTML/],
    ['insertAdjacentHTML', TS, "export function f(el: HTMLElement, crm: string) { el.insertAdjacentHTML('beforeend', crm); }", /No insertAdjacentHTML/],
    ['document.write', TS, 'export function f(crm: string) { document.write(crm); }', /No document.write/],
    [
      'dangerouslySetInnerHTML',
      TSX,
      'export function C({ crm }: { crm: string }) { return <div dangerouslySetInnerHTML={{ __html: crm }} />; }',
      /No dangerouslySetInnerHTML/,
    ],
    ['eval', TS, 'export function f(crm: string) { return eval(crm); }', /^no-eval:/],
    ['new Function', TS, "export function f(crm: string) { return new Function('x', crm); }", /^no-new-func:/],
    ['Function()', TS, 'export function f(crm: string) { return Function(crm); }', /^no-new-func:/],
    ['string setTimeout', TS, "export function f() { setTimeout('alert(1)', 10); }", /^no-implied-eval:/],
    ['string window.setInterval', TS, 'export function f(crm: string) { window.setInterval(`go(${crm})`, 10); }', /^no-implied-eval:/],
  ])('%s is an error', async (_name, file, code, expected) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('the safe ways pass: textContent, DOM nodes, JSX text, function timers', async () => {
    const ts =
      'export function f(el: HTMLElement, crm: string) { el.textContent = crm; el.append(document.createElement("b")); setTimeout(() => f(el, crm), 10); }';
    const tsx = 'export function C({ crm }: { crm: string }) { return <div title={crm}>{crm}</div>; }';
    expect(await errorsOf(ts, TS)).toEqual([]);
    expect(await errorsOf(tsx, TSX)).toEqual([]);
  });
});

describe('lint keeps one channel to the background: send() in lib/messaging', () => {
  const channel = /^no-restricted-syntax: Ask the background with send\(\)/;
  const page = "import { browser } from 'wxt/browser';\n";
  it.each([
    ['browser.runtime.sendMessage in a page', TS, `${page}export const f = () => browser.runtime.sendMessage({ type: 'status/get' });`],
    [
      'chrome.runtime.sendMessage in a content script',
      'entrypoints/crm.content/__lint-probe__.ts',
      "declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };\nexport const f = () => chrome.runtime.sendMessage({ type: 'page/opened' });",
    ],
    ["runtime['sendMessage']", TSX, `${page}export const f = () => browser.runtime['sendMessage']({ type: 'demo/load' });`],
    ['a runtime taken apart first', TS, `${page}const { runtime } = browser;\nexport const f = () => runtime.sendMessage({ type: 'status/get' });`],
    ['sendMessage taken out of runtime', TS, `${page}const { sendMessage } = browser.runtime;\nexport const f = () => sendMessage({ type: 'status/get' });`],
  ])('%s is an error', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => channel.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('passes the channel itself, and a page that asks through send()', async () => {
    const sendTs = readFileSync(new URL('../../lib/messaging/send.ts', import.meta.url), 'utf8');
    expect(sendTs).toContain('browser.runtime.sendMessage(');
    expect(await errorsOf(sendTs, 'lib/messaging/send.ts')).toEqual([]);
    const asking = "import { send } from '@/lib/messaging';\nexport const f = () => send({ type: 'status/get' });";
    expect(await errorsOf(asking, TS)).toEqual([]);
  });

  it('leaves the background’s own tabs.sendMessage to content scripts alone', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const f = (id: number) => browser.tabs.sendMessage(id, { type: 'sidebar/toggle' });";
    expect(await errorsOf(code, 'entrypoints/background/__lint-probe__.ts')).toEqual([]);
  });
});

describe('lint keeps the pure core off the clock: now is a parameter', () => {
  const clock = /^no-restricted-syntax: The pure core .* reads no clock/;
  const ADAPTER = 'lib/adapters/close/__lint-probe__.ts';
  const CORE = [
    'lib/adapters/close/__lint-probe__.ts',
    'lib/kpi/__lint-probe__.ts',
    'lib/model/__lint-probe__.ts',
    'lib/period/__lint-probe__.ts',
    'lib/forecast/__lint-probe__.ts',
  ];
  const reads = [
    ['Date.now()', 'export const f = () => Date.now() + 1000;'],
    ['new Date()', 'export const f = () => new Date().getTime();'],
    ['Date() as a function', 'export const f = () => Date();'],
    ['performance.now()', 'export const f = () => performance.now();'],
  ] as const;
  it.each(CORE.flatMap((file) => reads.map(([name, code]) => [name, file, code] as const)))('%s is an error in %s', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => clock.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('passes the given clock, dates built from values, and the same code outside the core or in its tests', async () => {
    const given =
      "import type { AdapterContext } from '../types';\nexport const f = (ctx: AdapterContext, at: string) => new Date(Date.parse(at)).getTime() - ctx.now() + Date.UTC(2024, 0, 1);";
    expect(await errorsOf(given, ADAPTER)).toEqual([]);
    expect(await errorsOf('export const f = (now: number) => new Date(now).toISOString();', 'lib/kpi/__lint-probe__.ts')).toEqual([]);
    expect(await errorsOf('export const f = () => Date.now();', 'lib/sync/__lint-probe__.ts')).toEqual([]);
    expect(await errorsOf('export const f = () => Date.now();', 'lib/adapters/close/__lint-probe__.test.ts')).toEqual([]);
    expect(await errorsOf('export const f = () => Date.now();', 'lib/forecast/__lint-probe__.test.ts')).toEqual([]);
  });
});

describe('lint keeps the pure core framework-free: no React, Dexie, WXT or extension API', () => {
  const platform = /^no-restricted-(imports|globals|syntax): .*The pure core .* is framework-free/;
  const CORE = [
    'lib/kpi/__lint-probe__.ts',
    'lib/model/__lint-probe__.ts',
    'lib/period/__lint-probe__.ts',
    'lib/adapters/pipedrive/__lint-probe__.ts',
    'lib/forecast/__lint-probe__.ts',
  ];
  const uses = [
    ['react', "import { useState } from 'react';\nexport const f = useState;"],
    ['react-dom/client', "import { createRoot } from 'react-dom/client';\nexport const f = createRoot;"],
    ['dexie', "import Dexie from 'dexie';\nexport const f = Dexie;"],
    ['wxt/browser', "import { browser } from 'wxt/browser';\nexport const f = browser;"],
    ['wxt/utils/storage', "import { storage } from 'wxt/utils/storage';\nexport const f = storage;"],
    ['#imports', "import { browser } from '#imports';\nexport const f = browser;"],
    ['webextension-polyfill', "import browser from 'webextension-polyfill';\nexport const f = browser;"],
    ['the browser global', 'export const f = () => browser.storage.local.get();'],
    ['the chrome global', 'export const f = () => chrome.runtime.id;'],
    ['globalThis.chrome', 'export const f = () => globalThis.chrome;'],
  ] as const;
  it.each(CORE.flatMap((file) => uses.map(([name, code]) => [name, file, code] as const)))('%s is an error in %s', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => platform.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('passes zod and date-fns in the core, and React or Dexie where they belong', async () => {
    expect(
      await errorsOf("import { z } from 'zod';\nimport { addDays } from 'date-fns';\nexport const f = [z, addDays];", 'lib/kpi/__lint-probe__.ts'),
    ).toEqual([]);
    expect(await errorsOf("import Dexie from 'dexie';\nexport const f = Dexie;", 'lib/db/__lint-probe__.ts')).toEqual([]);
    expect(await errorsOf("import { useState } from 'react';\nexport const f = useState;", TS)).toEqual([]);
  });
});

describe('lint keeps one length of a day: DAY_MS from lib/period', () => {
  const day = /^no-restricted-syntax: Use DAY_MS from lib\/period/;
  it.each([
    ['a page', TS, 'export const since = (now: number) => now - 7 * 86_400_000;'],
    ['lib/sync', 'lib/sync/__lint-probe__.ts', 'const DAY = 86_400_000;\nexport const f = (n: number) => n * DAY;'],
    ['the pure core', 'lib/forecast/__lint-probe__.ts', 'export const f = (n: number) => n / 86400000;'],
    ['a test', 'lib/kpi/__lint-probe__.test.ts', 'export const f = (n: number) => n / 86400000;'],
  ])('a bare day in milliseconds is an error in %s', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => day.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('passes DAY_MS itself, where it is defined, and other numbers', async () => {
    expect(await errorsOf("import { DAY_MS } from '@/lib/period';\nexport const f = (now: number) => now - 7 * DAY_MS + 3_600_000;", TS)).toEqual([]);
    expect(await errorsOf('export const DAY_MS = 86_400_000;', 'lib/period/units.ts')).toEqual([]);
  });
});

describe('lint makes pages, entrypoints and scripts use lib/ through its public index with @/', () => {
  const index = /^no-restricted-imports: .*Import lib\/ through its module's index/;
  it.each([
    ['a deep relative import in a component', TSX, "import { listKpis } from '../lib/kpi/registry';\nexport const f = listKpis;"],
    ['a relative import of an index', TS, "import { listKpis } from '../lib/kpi';\nexport const f = listKpis;"],
    ['a deep @/ import in an entrypoint', 'entrypoints/background/__lint-probe__.ts', "import { openDb } from '@/lib/db/db';\nexport const f = openDb;"],
    [
      'a type-only deep import',
      'entrypoints/sidebar/__lint-probe__.tsx',
      "import type { Settings } from '../../lib/settings/schema';\nexport type S = Settings;",
    ],
    ['a re-export from deep inside', 'components/sidebar/__lint-probe__.ts', "export { send } from '../../lib/messaging/send';"],
    ['a script reaching into a file', 'scripts/bench/__lint-probe__.ts', "import { computeKpis } from '../../lib/kpi/compute';\nexport const f = computeKpis;"],
  ])('%s is an error', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(
      errors.some((e) => index.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('passes the index with @/, and lib/ importing its own files', async () => {
    expect(
      await errorsOf(
        "import { listKpis } from '@/lib/kpi';\nimport type { Settings } from '@/lib/settings';\nexport const f: [typeof listKpis, Settings?] = [listKpis];",
        TS,
      ),
    ).toEqual([]);
    expect(await errorsOf("import { computeKpis } from '../kpi/compute';\nexport const f = computeKpis;", 'lib/views/__lint-probe__.ts')).toEqual([]);
    expect(await errorsOf("import { readCdnow } from '@/lib/clv/test-cdnow-files';\nexport const f = readCdnow;", 'scripts/bench/__lint-probe__.ts')).toEqual(
      [],
    );
  });
});
