import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, readPrefs } from './prefs';

describe('sidebar prefs', () => {
  it.each([
    [undefined, DEFAULT_PREFS],
    ['garbage', DEFAULT_PREFS],
    [
      { compare: 'last-year', metric: 'winRate' },
      { compare: 'last-year', metric: 'winRate' },
    ],
    [{ compare: 'next-year', metric: 'bribes' }, DEFAULT_PREFS],
    [{ range: { from: '2024-01-01', to: '2024-01-31' } }, { ...DEFAULT_PREFS, range: { from: '2024-01-01', to: '2024-01-31' } }],
    // A backwards or malformed range is dropped, not kept half-way.
    [{ range: { from: '2024-02-01', to: '2024-01-31' } }, DEFAULT_PREFS],
    [{ range: { from: '2024-1-1', to: '2024-01-31' } }, DEFAULT_PREFS],
    [JSON.parse('{"__proto__": {"compare": "none"}}'), DEFAULT_PREFS],
  ])('%j', (stored, expected) => {
    expect(readPrefs(stored)).toEqual(expected);
  });
});
