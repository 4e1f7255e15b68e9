import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../../test/harness/temp-dir';
import { createNodeIO, OUTPUT_FILE_MODE } from './node-io';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files the CLI writes', () => {
  it('are readable by their owner only (600), new or replacing a file that was 644, whatever the umask', async () => {
    const dir = testTempDir('kpi-lens-io-');
    const previous = process.umask(0o022);
    try {
      const io = createNodeIO();
      const fresh = join(dir, 'records.json');
      await io.writeFile(fresh, '{"deals":[]}\n');
      expect(mode(fresh)).toBe(OUTPUT_FILE_MODE);
      expect(readFileSync(fresh, 'utf8')).toBe('{"deals":[]}\n');

      const old = join(dir, 'old.json');
      writeFileSync(old, 'x'.repeat(100), { mode: 0o644 });
      expect(mode(old)).toBe(0o644);
      await io.writeFile(old, '{}');
      expect(mode(old)).toBe(0o600);
      expect(readFileSync(old, 'utf8')).toBe('{}'); // truncated, not appended
    } finally {
      process.umask(previous);
    }
  });
});
