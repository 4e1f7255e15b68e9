import type { RecordBatch } from '../adapters/types';
import type { KpiData } from '../kpi/types';
import type { RecordType } from '../model';
import { createSourceCache, type SourceCache } from './data-cache';
import { periodContaining } from '../period';
import type { Settings } from '../settings/schema';
import type { SidebarUiState } from '../settings/ui-state';
import { ACTIVITY_KINDS, ACTIVITY_WINDOWS, computePinnedView, type ActivityKind, type ActivityWindow, type PinnedView } from './pinned';
import { calendarOf } from './query';
import { scopeFor } from './scope';
import { dailyActivityTarget, targetForWindow } from './targets';

export type PinnedRequest = { source: string; view: SidebarUiState['view']; period: SidebarUiState['period'] };

export type PinnedResponse = {
  pinned: PinnedView | null;
  ownerName?: string;
  teamAvailable: boolean;
  /** Per kind and window, scaled to the window's working days (personal view only). */
  activityTargets: Record<ActivityKind, Record<ActivityWindow, number | undefined>>;
  reportingCurrency: string;
};

export type ViewServiceDeps = {
  loadData: (source: string) => Promise<KpiData>;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  browserZone: string;
};

/**
 * Computes what the sidebar shows, where the data is (the background): the
 * framed sidebar cannot open IndexedDB itself when the browser blocks storage in
 * third-party frames. A source's records are loaded once and kept until the
 * source changes (`invalidate`).
 */
export function createViewService(deps: ViewServiceDeps) {
  const cache = new Map<string, Promise<SourceCache>>();
  const cacheOf = (source: string) => {
    let loading = cache.get(source);
    if (!loading) {
      loading = deps.loadData(source).then(createSourceCache);
      cache.set(source, loading);
      loading.catch(() => cache.delete(source));
    }
    return loading;
  };
  const dataOf = async (source: string) => (await cacheOf(source)).data();

  return {
    /** Forget a source (or all): the next view reads it again from the database. */
    invalidate(source?: string) {
      if (source === undefined) cache.clear();
      else cache.delete(source);
    },
    /**
     * A sync step committed these changes. Applied to the cached source; a load
     * still in flight gets them once it is done (upserts and deletes repeat safely).
     */
    applyWrite(source: string, batch: RecordBatch, deleted?: { [K in RecordType]?: string[] }) {
      void cache.get(source)?.then((loaded) => loaded.apply(batch, deleted));
    },
    dataOf,
    async pinned(request: PinnedRequest): Promise<PinnedResponse> {
      const [data, settings] = await Promise.all([dataOf(request.source), deps.loadSettings()]);
      const asOf = deps.now();
      const choice = scopeFor(data, settings, request.source, request.view);
      const calendar = calendarOf(settings, deps.browserZone);
      const activityTargets = {} as PinnedResponse['activityTargets'];
      for (const kind of ACTIVITY_KINDS) {
        const perDay = request.view === 'personal' ? dailyActivityTarget(data.targets, kind, choice.ownerId) : undefined;
        activityTargets[kind] = { day: undefined, week: undefined, month: undefined };
        for (const window of ACTIVITY_WINDOWS) activityTargets[kind][window] = targetForWindow(perDay, periodContaining(window, asOf, calendar), calendar);
      }
      const empty = data.deals.length === 0 && data.activities.length === 0;
      return {
        pinned: empty ? null : computePinnedView(data, { settings, browserZone: deps.browserZone, asOf, scope: choice.scope, period: request.period }),
        ownerName: choice.ownerName,
        teamAvailable: choice.teamAvailable,
        activityTargets,
        reportingCurrency: settings.reportingCurrency,
      };
    },
  };
}
