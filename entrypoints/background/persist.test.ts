import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './onboarding';

describe('requestPersistentStorage', () => {
  it.each([
    ['no storage manager', undefined, 'unavailable'],
    ['no persist() (Chromium service worker)', { persisted: async () => false }, 'unavailable'],
    ['already persistent', { persisted: async () => true, persist: async () => true }, 'already'],
    ['granted', { persisted: async () => false, persist: async () => true }, 'granted'],
    ['refused', { persisted: async () => false, persist: async () => false }, 'refused'],
    ['throws', { persisted: async () => { throw new Error('x'); }, persist: async () => true }, 'unavailable'],
  ] as const)('%s → %s', async (_label, storage, expected) => {
    expect(await requestPersistentStorage(storage)).toBe(expected);
  });
});
