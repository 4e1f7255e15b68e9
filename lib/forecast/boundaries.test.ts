/**
 * lib/forecast is pure: it imports only lib/model, lib/period, lib/kpi, lib/money (and itself), and
 * has no clock, no Math.random, no browser and no framework. Checked on the source of every non-test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const SOURCES = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts');
const ALLOWED = /^(\.\/[a-z-]+|\.\.\/(model|period|kpi|money)(\/index)?)$/;

describe('lib/forecast boundaries', () => {
  it.each(SOURCES)('%s imports only model, period, kpi, money and its own files', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(ALLOWED);
  });

  it.each(SOURCES)('%s reads no clock and draws no unseeded random numbers', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(
      /Date\.now|new Date\(\)|performance\.now|Math\.random|\bwindow\.|\bdocument\.|chrome\.|browser\.|from 'react'|from 'dexie'|from 'wxt/,
    );
  });

  it('the test generator is only used by tests', () => {
    for (const file of SOURCES) expect(readFileSync(join(DIR, file), 'utf8')).not.toMatch(/test-support/);
  });
});
