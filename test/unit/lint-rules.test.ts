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
