import { browser } from 'wxt/browser';
import { dataVersionKey, statusVersionKey } from '../../lib/messaging/protocol';

/**
 * While a sync writes page after page, pages hear about its progress every
 * second but recompute the numbers only every few seconds: recomputing reads
 * the whole source and would slow the sync itself.
 */
const STATUS_EVERY_MS = 1_000;
const DATA_EVERY_MS = 8_000;

/**
 * Tells open pages (sidebar, side panel, options) that a source changed,
 * through storage.session, which every extension page can watch.
 */
export function createDataVersions() {
  const pendingData = new Map<string, ReturnType<typeof setTimeout>>();
  const pendingStatus = new Map<string, ReturnType<typeof setTimeout>>();
  let counter = Date.now();
  const publishStatus = (source: string) => {
    pendingStatus.delete(source);
    void browser.storage.session.set({ [statusVersionKey(source)]: ++counter });
  };
  const publishData = (source: string) => {
    pendingData.delete(source);
    void browser.storage.session.set({ [dataVersionKey(source)]: ++counter, [statusVersionKey(source)]: ++counter });
  };
  return {
    /** Right away: the change is complete (demo loaded, data deleted, sync finished). */
    bumpNow(source: string) {
      clearTimeout(pendingData.get(source));
      clearTimeout(pendingStatus.get(source));
      pendingStatus.delete(source);
      publishData(source);
    },
    /** A sync step committed: more are likely to follow. */
    bumpSoon(source: string) {
      if (!pendingStatus.has(source)) pendingStatus.set(source, setTimeout(() => publishStatus(source), STATUS_EVERY_MS));
      if (!pendingData.has(source)) pendingData.set(source, setTimeout(() => publishData(source), DATA_EVERY_MS));
    },
  };
}
