import { browser } from 'wxt/browser';

type LockableArea = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Closes storage.local to content scripts (Chromium 102+: only the extension's pages and worker may
 * read or write it). The browser forgets the level when it restarts, so this runs first at every
 * worker start. Firefox has no such switch for storage.local (bug 1724754; its `setAccessLevel` is
 * for storage.session, closed by default): there content scripts can always read storage.local,
 * so nothing secret is kept in it in any browser (connections live in lib/connections/vault.ts),
 * and the content scripts never need it (they ask the background).
 * Resolves to whether storage.local is now closed to content scripts.
 */
export async function closeStorageToContentScripts(area: LockableArea = browser.storage.local as unknown as LockableArea): Promise<boolean> {
  if (typeof area.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false; // an older browser: nothing in storage.local is secret anyway
  }
}
