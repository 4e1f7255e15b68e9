import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './onboarding';

type Storage = Parameters<typeof requestPersistentStorage>[0];
const yes = async (): Promise<boolean> => true;
const no = async (): Promise<boolean> => false;
const fails = async (): Promise<boolean> => {
  throw new Error('x');
};

describe('requestPersistentStorage', () => {
  it.each<[string, Storage, string]>([
    ['no storage manager', undefined, 'unavailable'],
    ['no persist() (Chromium service worker)', { persisted: no }, 'unavailable'],
    ['already persistent', { persisted: yes, persist: yes }, 'already'],
    ['granted', { persisted: no, persist: yes }, 'granted'],
    ['refused', { persisted: no, persist: no }, 'refused'],
    ['throws', { persisted: fails, persist: yes }, 'unavailable'],
  ])('%s → %s', async (_label, storage, expected) => {
    expect(await requestPersistentStorage(storage)).toBe(expected);
  });
});
