import { browser } from 'wxt/browser';
import { dataVersionKey, statusVersionKey } from '@/lib/messaging';

/**
 * While a sync writes page after page, pages hear about its progress every
 * second but recompute the numbers only every few seconds: recomputing reads
 * the whole source and would slow the sync itself.
 */
const STATUS_EVERY_MS = 1_000;
const DATA_EVERY_MS = 8_000;

/**
 * Where the counters are written. storage.session, which every extension page can watch, except
 * in Firefox: there the sidebar framed in the CRM page has no storage.session (nor its change
 * events), so Firefox builds also write the counters to storage.local. They are counters, never
 * data; erasing everything clears both areas.
 */
type VersionArea = { set(items: Record<string, unknown>): Promise<void> };
const VERSION_AREAS = (): VersionArea[] => (import.meta.env.FIREFOX ? [browser.storage.session, browser.storage.local] : [browser.storage.session]);

/**
 * Tells open pages (sidebar, side panel, options) that a source changed,
 * through storage.session (see VERSION_AREAS).
 */
export function createDataVersions(areas: VersionArea[] = VERSION_AREAS()) {
  const publish = (items: Record<string, number>) => {
    for (const area of areas) void area.set(items).catch(() => undefined);
  };
  const pendingData = new Map<string, ReturnType<typeof setTimeout>>();
  const pendingStatus = new Map<string, ReturnType<typeof setTimeout>>();
  let counter = Date.now();
  const publishStatus = (source: string) => {
    pendingStatus.delete(source);
    publish({ [statusVersionKey(source)]: ++counter });
  };
  const publishData = (source: string) => {
    pendingData.delete(source);
    publish({ [dataVersionKey(source)]: ++counter, [statusVersionKey(source)]: ++counter });
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
      if (!pendingStatus.has(source))
        pendingStatus.set(
          source,
          setTimeout(() => publishStatus(source), STATUS_EVERY_MS),
        );
      if (!pendingData.has(source))
        pendingData.set(
          source,
          setTimeout(() => publishData(source), DATA_EVERY_MS),
        );
    },
  };
}
