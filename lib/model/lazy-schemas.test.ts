/**
 * The service worker evaluates every module it bundles at each start, before it can take a page's
 * message. The record, CRM and connection schemas are for syncs and imports, not for the numbers a
 * restarted worker is first asked for: built as their modules loaded, they cost every start about 13 ms
 * (Node, the test build's background bundle: 90 → 77 ms). So an object schema at a module's top level
 * is wrapped in `z.lazy` there, built on its first parse. Settings and messages stay eager: a worker's
 * first answer parses both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const LAZY_DIRS = ['adapters', 'model', 'connections', 'import'];
const EAGER_OBJECT = /^(?:export )?const (\w+)(?:: [^=\n]+)? = z\s*\.(?:object|discriminatedUnion|looseObject|strictObject)\(/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('schemas built on first use', () => {
  const files = LAZY_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it('reads the modules it guards', () => {
    // Guards against a moved folder making this test check nothing.
    expect(files.filter((file) => /= z\.lazy\(/.test(readFileSync(file, 'utf8'))).length).toBeGreaterThan(20);
  });

  it('has no object schema built at a module top level in lib/adapters, lib/model, lib/connections and lib/import', () => {
    const eager = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(EAGER_OBJECT)].map((match) => `${file.slice(ROOT.length + 1)}: ${match[1]} (wrap it in z.lazy)`),
    );
    expect(eager).toEqual([]);
  });
});
