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
    ['dangerouslySetInnerHTML', TSX, 'export function C({ crm }: { crm: string }) { return <div dangerouslySetInnerHTML={{ __html: crm }} />; }', /No dangerouslySetInnerHTML/],
    ['eval', TS, 'export function f(crm: string) { return eval(crm); }', /^no-eval:/],
    ['new Function', TS, "export function f(crm: string) { return new Function('x', crm); }", /^no-new-func:/],
    ['Function()', TS, 'export function f(crm: string) { return Function(crm); }', /^no-new-func:/],
    ['string setTimeout', TS, "export function f() { setTimeout('alert(1)', 10); }", /^no-implied-eval:/],
    ['string window.setInterval', TS, 'export function f(crm: string) { window.setInterval(`go(${crm})`, 10); }', /^no-implied-eval:/],
  ])('%s is an error', async (_name, file, code, expected) => {
    const errors = await errorsOf(code, file);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it('the safe ways pass: textContent, DOM nodes, JSX text, function timers', async () => {
    const ts = 'export function f(el: HTMLElement, crm: string) { el.textContent = crm; el.append(document.createElement("b")); setTimeout(() => f(el, crm), 10); }';
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
    ['chrome.runtime.sendMessage in a content script', 'entrypoints/crm.content/__lint-probe__.ts', "declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };\nexport const f = () => chrome.runtime.sendMessage({ type: 'page/opened' });"],
    ["runtime['sendMessage']", TSX, `${page}export const f = () => browser.runtime['sendMessage']({ type: 'demo/load' });`],
    ['a runtime taken apart first', TS, `${page}const { runtime } = browser;\nexport const f = () => runtime.sendMessage({ type: 'status/get' });`],
    ['sendMessage taken out of runtime', TS, `${page}const { sendMessage } = browser.runtime;\nexport const f = () => sendMessage({ type: 'status/get' });`],
  ])('%s is an error', async (_name, file, code) => {
    const errors = await errorsOf(code, file);
    expect(errors.some((e) => channel.test(e)), errors.join('\n')).toBe(true);
  });

  it('passes the channel itself, and a page that asks through send()', async () => {
    const sendTs = readFileSync(new URL('../../lib/messaging/send.ts', import.meta.url), 'utf8');
    expect(sendTs).toContain('browser.runtime.sendMessage(');
    expect(await errorsOf(sendTs, 'lib/messaging/send.ts')).toEqual([]);
    const asking = "import { send } from '../lib/messaging/send';\nexport const f = () => send({ type: 'status/get' });";
    expect(await errorsOf(asking, TS)).toEqual([]);
  });

  it('leaves the background’s own tabs.sendMessage to content scripts alone', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const f = (id: number) => browser.tabs.sendMessage(id, { type: 'sidebar/toggle' });";
    expect(await errorsOf(code, 'entrypoints/background/__lint-probe__.ts')).toEqual([]);
  });
});

describe('lint keeps lib/adapters off the clock: now comes from the AdapterContext', () => {
  const clock = /^no-restricted-syntax: lib\/adapters reads no clock/;
  const ADAPTER = 'lib/adapters/close/__lint-probe__.ts';
  it.each([
    ['Date.now()', 'export const f = () => Date.now() + 1000;'],
    ['new Date()', 'export const f = () => new Date().getTime();'],
    ['Date() as a function', 'export const f = () => Date();'],
    ['performance.now()', 'export const f = () => performance.now();'],
  ])('%s is an error in an adapter', async (_name, code) => {
    const errors = await errorsOf(code, ADAPTER);
    expect(errors.some((e) => clock.test(e)), errors.join('\n')).toBe(true);
  });

  it('passes the given clock, dates built from values, and the same code outside lib/adapters', async () => {
    const given = "import type { AdapterContext } from '../types';\nexport const f = (ctx: AdapterContext, at: string) => new Date(Date.parse(at)).getTime() - ctx.now() + Date.UTC(2024, 0, 1);";
    expect(await errorsOf(given, ADAPTER)).toEqual([]);
    expect(await errorsOf('export const f = () => Date.now();', 'lib/sync/__lint-probe__.ts')).toEqual([]);
    expect(await errorsOf('export const f = () => Date.now();', 'lib/adapters/close/__lint-probe__.test.ts')).toEqual([]);
  });
});
