import { readStoredSelection, type createViewService } from '@/lib/views';

/**
 * A CRM page of a connected source opened: its sidebar will ask for the pinned numbers of the
 * selection it reads from the same storage (components/sidebar/boot.ts) about 100 ms later, once
 * its frame has loaded. Started now, the source's read and the computation overlap the frame's
 * loading, and the sidebar's request shares them through the view cache (same key, same
 * generation of the source, same settings: never a result from other data). On a worker the
 * browser had stopped, this is most of the wait for fresh numbers.
 */
export function warmPinned(views: ReturnType<typeof createViewService>, source: string): void {
  void readStoredSelection(source)
    .then((selection) => views.pinned(selection))
    // The sidebar's own request says whatever went wrong.
    .catch(() => undefined);
}
