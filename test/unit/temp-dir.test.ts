import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteTempDir, testTempDir } from '../harness/temp-dir';

// The tests of each block run in order: a later test sees what the earlier one's end removed.
describe("a test's folder", () => {
  let dir = '';
  it('exists, empty, while the test runs', () => {
    dir = testTempDir('kpi-lens-probe-');
    expect(existsSync(dir)).toBe(true);
    writeFileSync(join(dir, 'records.json'), '{}');
  });
  it('is gone, with its files, once that test ended', () => {
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
  });
});

let suiteDir = '';
describe("a suite's folder", () => {
  suiteDir = suiteTempDir('kpi-lens-probe-suite-');
  it('exists in its first test', () => {
    writeFileSync(join(suiteDir, 'a.csv'), 'x');
    expect(existsSync(suiteDir)).toBe(true);
  });
  it('and still in the next, with what the first wrote', () => {
    expect(existsSync(join(suiteDir, 'a.csv'))).toBe(true);
  });
});

describe('after that suite', () => {
  it('its folder is gone', () => {
    expect(suiteDir).not.toBe('');
    expect(existsSync(suiteDir)).toBe(false);
  });
});
