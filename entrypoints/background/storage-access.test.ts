import { describe, expect, it } from 'vitest';
import { closeStorageToContentScripts } from './storage-access';

describe('closing storage.local to content scripts', () => {
  it('asks for trusted contexts only where the browser can (Chromium)', async () => {
    const asked: unknown[] = [];
    expect(await closeStorageToContentScripts({ setAccessLevel: async (options) => void asked.push(options) })).toBe(true);
    expect(asked).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('says so where it cannot (Firefox has no such switch for storage.local; an old Chromium refuses)', async () => {
    expect(await closeStorageToContentScripts({})).toBe(false);
    expect(await closeStorageToContentScripts({ setAccessLevel: async () => Promise.reject(new Error('not supported')) })).toBe(false);
  });
});
