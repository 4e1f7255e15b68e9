import { describe, expect, it } from 'vitest';
import { dataVersionKey, statusVersionKey } from '@/lib/messaging';
import { createDataVersions } from './data-version';

describe('the "data changed" counters', () => {
  it('are written to every area the pages watch (Firefox builds: session and local, for the framed sidebar)', async () => {
    const written: Record<string, unknown>[][] = [[], []];
    const areas = written.map((log) => ({ set: async (items: Record<string, unknown>) => void log.push(items) }));
    createDataVersions(areas).bumpNow('pipedrive:acme');
    await Promise.resolve();
    for (const log of written) {
      expect(log).toHaveLength(1);
      expect(Object.keys(log[0]!).sort()).toEqual([dataVersionKey('pipedrive:acme'), statusVersionKey('pipedrive:acme')].sort());
    }
    expect(written[0]).toEqual(written[1]);
  });
});
