import { describe, expect, it } from 'vitest';
import { createViewCache } from './view-cache';

describe('view cache', () => {
  it('serves a value while the source, the settings and the clock allow, and shares one computation', async () => {
    let now = 0;
    let runs = 0;
    const cache = createViewCache({ maxAgeMs: 1_000, maxEntries: 10, now: () => now });
    const compute = () => ++runs;
    const [a, b] = await Promise.all([cache.get('k', 1, 's', compute), cache.get('k', 1, 's', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    now = 999;
    expect(await cache.get('k', 1, 's', compute)).toBe(1); // still fresh
    expect(await cache.get('k', 2, 's', compute)).toBe(2); // the source changed
    expect(await cache.get('k', 2, 't', compute)).toBe(3); // the settings changed
    now = 2_000;
    expect(await cache.get('k', 2, 't', compute)).toBe(4); // too old
  });

  it('does not keep a failure, and evicts the least recently used entries', async () => {
    let now = 0;
    const cache = createViewCache({ maxAgeMs: 10_000, maxEntries: 2, now: () => now });
    await expect(cache.get('bad', 0, '', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get('bad', 0, '', () => 'ok')).toBe('ok');
    now = 1;
    await cache.get('a', 0, '', () => 'a');
    now = 2;
    await cache.get('b', 0, '', () => 'b');
    expect(cache.size()).toBe(2);
    expect(cache.recentKeys('', 1)).toEqual(['a', 'b']);
    cache.drop('a');
    expect(cache.recentKeys('', 0)).toEqual(['b']);
  });
});
