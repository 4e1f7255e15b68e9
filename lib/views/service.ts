import type { RecordBatch } from '../adapters/types';
import { markOnce, WORKER_MARKS } from '../perf';
import { prepareColumns } from '../kpi';
import { hasValue, type KpiData, type KpiId } from '../kpi/types';
import { readsLateTables, type LateTables } from '../kpi/late-tables';
import type { ColumnType } from '../columns/spec';
import { columnTableOf, withColumns } from '../columns/table';
import type { CanonicalRecord, RecordType } from '../model';
import { periodContaining } from '../period';
import { shownStatus } from '../settings/benchmarks';
import { memoRepInputs } from '../settings/rep-inputs';
import type { Settings } from '../settings/schema';
import { ACTIVITY_KINDS, ACTIVITY_WINDOWS, type ActivityKind, type ActivityWindow } from './activity-windows';
import { computeCatalogueInSteps } from './catalogue';
import type { CatalogueValue, ViewContext } from './context';
import { createSourceCache, type SourceCache } from './data-cache';
import { forecastViews } from './forecast-service';
import { lean, type ShownResult } from './lean';
import { createPinnedFirst } from './pinned-first';
import { activityWindowPeriods, computePinnedView, mapPinnedView, pinnedKpiIds, warmPeriods, type PinnedView } from './pinned';
import { calendarOf } from './query';
import { scopeFor } from './scope';
import { selectionKey, type ViewSelection } from './selection';
import { dailyActivityTarget, targetForWindow } from './targets';
import { createViewCache, HEAVY_VIEW_MAX_AGE_MS, nextTask, VIEW_MAX_AGE_MS } from './view-cache';
import { isFileSource, knowsActivity, viewClock } from './data-clock';
import { queryOf, viewExtras, type ReadRecords } from './view-extras';

export type PinnedRequest = ViewSelection;

export type PinnedResponse = {
  pinned: PinnedView<ShownResult> | null;
  ownerName?: string;
  teamAvailable: boolean;
  /** The team view was asked for, but peers' numbers are not shared with this rep: these are their own. */
  peersHidden: boolean;
  /** The rep may open the team view with peers' numbers (leads, or when the lead shared them). */
  canSeePeers: boolean;
  /** Per kind and window, scaled to the window's working days (one rep's view only). */
  activityTargets: Record<ActivityKind, Record<ActivityWindow, number | undefined>>;
  reportingCurrency: string;
  /** The source is a file whose data ended before today: the view is as of the end of that day (data-clock.ts). */
  dataEndsAt?: number;
  /** True when the records cannot tell when a deal was last worked on (a file of deals without activities). */
  noActivityData?: boolean;
  /**
   * The settings a page needs to show the view (validated here), so the sidebar's first paint
   * parses no settings itself: its language choice, theme, time zone and pinned KPIs.
   */
  display: { locale: Settings['locale']; theme: Settings['theme']; timeZone: string; pinnedKpis: Settings['pinnedKpis'] };
};

export type ViewServiceDeps = {
  loadData: (source: string) => Promise<KpiData>;
  /**
   * With it, `loadData` leaves customers and MRR movements out, and this reads them right after (the
   * worker: lib/db/load.ts). A rep's pinned numbers, which never read them, are answered without
   * waiting for that read (lib/kpi/late-tables.ts); every other view waits for it.
   */
  loadLate?: (source: string) => Promise<LateTables>;
  /**
   * Reads a source's activities, deals or leads again after a write (the worker: from the column
   * store). Without it every write is applied to records in memory.
   */
  reloadType?: (source: string, type: ColumnType) => Promise<readonly CanonicalRecord[]>;
  /** Reads records by id for the explain panel's lists (the worker: from IndexedDB); without it, from the data. */
  readRecords?: ReadRecords;
  /** Keeps the row orders a computation sorted, for the next cold start (the worker: beside the chunks). */
  saveOrders?: (source: string, type: ColumnType, generation: number, orders: ReadonlyMap<string, Uint32Array>) => Promise<unknown>;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  /**
   * The browser's time zone, asked when first needed: its first ask loads ICU's zone data (about 10 ms),
   * which a cold worker should spend while IndexedDB reads the source (see `settingsWithZone`), not
   * before it can answer.
   */
  browserZone: () => string;
  /** After a source changes, the views pages used recently are recomputed this much later (ms); null: never. */
  rewarmDelayMs?: number | null;
};

const REWARM_WINDOW_MS = 10 * 60_000;

/**
 * Computes what the sidebar shows, where the data is (the background): the framed sidebar cannot
 * open IndexedDB itself when the browser blocks storage in third-party frames. A source's records
 * are loaded once and kept current by the writer (`applyWrite`); what was computed from them is kept
 * per (source, scope, period) until they change, so a request is answered from memory, and the
 * pinned views pages used recently are recomputed right after a change, before pages ask again.
 */
export function createViewService(deps: ViewServiceDeps) {
  const sources = new Map<string, Promise<SourceCache>>();
  const generations = new Map<string, number>();
  const computed = createViewCache({ maxAgeMs: VIEW_MAX_AGE_MS, maxEntries: 60, now: deps.now });
  const recentPinned = new Map<string, { selection: ViewSelection; at: number }>();
  const rewarmTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Sources written (or whose columns were built) since their sorted orders were last made for the store. */
  const unsorted = new Set<string>();
  const repInputs = memoRepInputs();

  const cacheOf = (source: string) => {
    let loading = sources.get(source);
    if (!loading) {
      const reload = deps.reloadType;
      const loadLate = deps.loadLate;
      loading = deps.loadData(source).then((data) => createSourceCache(data, reload && ((type) => reload(source, type)), loadLate && (() => loadLate(source))));
      sources.set(source, loading);
      loading.catch(() => sources.delete(source));
    }
    return loading;
  };
  const dataOf = async (source: string) => (await cacheOf(source)).data();
  const earlyDataOf = async (source: string) => (await cacheOf(source)).early();

  function changed(source: string | undefined) {
    const touched = source === undefined ? [...new Set([...generations.keys(), ...sources.keys()])] : [source];
    for (const key of touched) generations.set(key, (generations.get(key) ?? 0) + 1);
    if (deps.rewarmDelayMs === null) return;
    for (const key of touched) {
      clearTimeout(rewarmTimers.get(key));
      const timer = setTimeout(() => void rewarm(key).catch(() => undefined), deps.rewarmDelayMs ?? 1_500);
      // In Node (the CLI, tests) a pending re-warm must not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
      rewarmTimers.set(key, timer);
    }
  }

  async function rewarm(source: string) {
    rewarmTimers.delete(source);
    const since = deps.now() - REWARM_WINDOW_MS;
    for (const [key, recent] of recentPinned) {
      if (recent.at < since) recentPinned.delete(key);
      else if (recent.selection.source === source) await withColumns(() => pinned(recent.selection)).catch(() => undefined);
    }
  }

  /**
   * The settings, with the time zone's first use and the selection's periods done while the data still
   * loads: a cold worker waits about 100 ms on IndexedDB for the source, and the zone's first use (ICU's
   * zone data, the zone's offset formatter) and the periods' zoned arithmetic would otherwise be paid
   * after it, by the first query. A file's views are as of its data's end, unknown until it is read.
   */
  async function settingsWithZone(selection: ViewSelection): Promise<Settings> {
    const settings = await deps.loadSettings();
    const calendar = calendarOf(settings, deps.browserZone());
    if (isFileSource(selection.source)) periodContaining('day', deps.now(), calendar);
    else warmPeriods(selection, deps.now(), calendar);
    return settings;
  }

  /** What every view of a selection needs: data, settings, scope (privacy applied), the cache stamp. */
  async function context(selection: ViewSelection, early = false): Promise<ViewContext> {
    // Read before the data: a change landing meanwhile then makes this result stale, never the reverse.
    const generation = generations.get(selection.source) ?? 0;
    const [raw, settings] = await Promise.all([(early ? earlyDataOf : dataOf)(selection.source), settingsWithZone(selection)]);
    // What the rep entered in options (quotas, targets, costs) wins over the CRM's; field rules apply.
    const data = repInputs(raw, settings);
    const choice = scopeFor(data, settings, selection.source, selection.view, selection.ownerId);
    const now = deps.now();
    const clock = viewClock(selection.source, data, now, calendarOf(settings, deps.browserZone()));
    return { data, settings, choice, generation, stamp: JSON.stringify(settings), asOf: clock.asOf, now, dataEndsAt: clock.dataEndsAt };
  }

  /** The key of what a selection computes: the scope actually shown (privacy may narrow it), never the raw request alone. */
  const keyOf = (kind: string, selection: ViewSelection, ctx: ViewContext) => `${kind}|${selectionKey(selection)}|${JSON.stringify(ctx.choice.scope.ownerIds)}`;

  /**
   * Whether a pinned view gives the same numbers without customers and MRR movements: one rep's, of
   * KPIs that read neither, from a live CRM (a file's clock is its data's end, customers' included),
   * deals keeping their own regions (lib/kpi/late-tables.test.ts proves the rest).
   */
  function answersEarly(selection: ViewSelection, { choice, settings }: ViewContext): boolean {
    const { ownerIds, teamId } = choice.scope;
    const oneRep = ownerIds !== 'all' && ownerIds.length === 1 && teamId === undefined;
    return oneRep && !isFileSource(selection.source) && settings.regionField === 'deal' && !readsLateTables(pinnedKpiIds(settings));
  }

  async function pinned(selection: ViewSelection): Promise<PinnedResponse> {
    const early = await context(selection, true);
    const ctx = answersEarly(selection, early) ? early : await context(selection);
    const key = keyOf('pinned', selection, ctx);
    recentPinned.set(key, { selection, at: deps.now() });
    return computed.get(key, ctx.generation, ctx.stamp, () => computePinned(selection, ctx));
  }

  function computePinned(selection: ViewSelection, { data, settings, choice, asOf, dataEndsAt }: ViewContext): PinnedResponse {
    const calendar = calendarOf(settings, deps.browserZone());
    const oneRep = choice.scope.ownerIds !== 'all' && choice.scope.ownerIds.length === 1 && choice.scope.teamId === undefined;
    const activityTargets = {} as PinnedResponse['activityTargets'];
    // Found once for the three kinds (a zoned look-up each), as the counts' windows are.
    const windows = activityWindowPeriods(asOf, calendar);
    for (const kind of ACTIVITY_KINDS) {
      const perDay = oneRep ? dailyActivityTarget(data.targets, kind, choice.ownerId) : undefined;
      activityTargets[kind] = { day: undefined, week: undefined, month: undefined };
      for (const window of ACTIVITY_WINDOWS) activityTargets[kind][window] = targetForWindow(perDay, windows[window], calendar);
    }
    const empty = data.deals.length === 0 && data.activities.length === 0;
    const view = empty
      ? null
      : computePinnedView(data, {
          settings,
          browserZone: deps.browserZone(),
          asOf,
          scope: choice.scope,
          period: selection.period,
          range: selection.range,
          compare: selection.compare,
          source: selection.source,
        });
    markOnce(WORKER_MARKS.pinnedComputed);
    return {
      pinned: view && mapPinnedView(view, (result) => lean(result, (r) => shownStatus(r, settings, asOf))),
      ownerName: choice.ownerName,
      teamAvailable: choice.teamAvailable,
      peersHidden: choice.peersHidden,
      canSeePeers: choice.canSeePeers,
      activityTargets,
      reportingCurrency: settings.reportingCurrency,
      ...(dataEndsAt !== undefined ? { dataEndsAt } : {}),
      ...(knowsActivity(data) ? {} : { noActivityData: true }),
      display: { locale: settings.locale, theme: settings.theme, timeZone: calendar.timeZone, pinnedKpis: settings.pinnedKpis },
    };
  }

  /** The whole catalogue for a selection (full results, kept for charts and record lists). */
  async function catalogueOf(selection: ViewSelection): Promise<{ ctx: ViewContext; value: CatalogueValue }> {
    const ctx = await context(selection);
    const key = keyOf('catalogue', selection, ctx);
    const value = await computed.get<CatalogueValue>(
      key,
      ctx.generation,
      ctx.stamp,
      async () => {
        const { period, compare, query } = queryOf(selection, ctx, deps.browserZone());
        return { ...(await computeCatalogueInSteps(ctx.data, { ...query, period, comparePeriod: compare }, nextTask)), period, compare, asOf: ctx.asOf };
      },
      HEAVY_VIEW_MAX_AGE_MS,
    );
    return { ctx, value };
  }

  /** After a computation: the orders the engine sorted for the source's column tables go to the store. */
  function keepOrders(source: string): Promise<void> {
    const save = deps.saveOrders;
    const loading = sources.get(source);
    if (!save || !loading) return Promise.resolve();
    return loading
      .then((cache) => cache.data())
      .then(async (data) => {
        const saves: Promise<unknown>[] = [];
        for (const list of [data.activities, data.deals, data.leads] as readonly (readonly unknown[])[]) {
          const table = columnTableOf(list);
          if (!table?.madeOrders.size || table.generation === undefined) continue;
          const orders = new Map(table.madeOrders);
          table.madeOrders.clear();
          saves.push(save(source, table.type, table.generation, orders).catch(() => undefined));
        }
        await Promise.all(saves);
      })
      .catch(() => undefined);
  }
  /** A view computed over the column store: chunks read on demand (withColumns), sorted orders kept (not waited for). */
  const viewOf = async <T>(source: string, compute: () => Promise<T>): Promise<T> => {
    const value = await withColumns(compute);
    void keepOrders(source);
    return value;
  };

  const pinnedFirst = createPinnedFirst();
  /** A view other than the pinned numbers: after them (pinned-first.ts), over the column store. */
  const laterViewOf = <T>(source: string, compute: () => Promise<T>): Promise<T> => pinnedFirst.after(source, () => viewOf(source, compute));

  const extras = viewExtras({ browserZone: deps.browserZone, readRecords: deps.readRecords, catalogueOf, context, keyOf, computed });
  const forecasts = forecastViews({ browserZone: deps.browserZone, context, keyOf, computed });

  return {
    /** Forget a source (or all): the next view reads it again from the database. */
    invalidate(source?: string) {
      if (source === undefined) sources.clear();
      else {
        sources.delete(source);
        unsorted.add(source);
      }
      changed(source);
    },
    /**
     * A sync step committed these changes. Applied to the cached source; a load still in flight
     * gets them once it is done (upserts and deletes repeat safely).
     */
    applyWrite(source: string, batch: RecordBatch, deleted?: { [K in RecordType]?: string[] }) {
      const loaded = sources.get(source);
      if (loaded) void loaded.then((cache) => cache.apply(batch, deleted));
      unsorted.add(source);
      changed(source);
    },
    /**
     * A sync of `source` finished (or an import, the demo data's load, its columns' build). After a
     * write the orders kept for the next cold start belong to the column store's generation before it,
     * and a cold start without them sorts every record before its first numbers: at a team's size
     * (1,000,000 activities) the engine's first query takes about three times as long, the morning
     * after a night of syncs with no CRM page open (a page's recent pinned view is computed again after
     * a change, and keeps them; nothing else did). Sorted now, after any pinned numbers a page waits
     * for, and kept; nothing to do when nothing was written.
     */
    keepOrdersAfterWrites(source: string): Promise<void> {
      if (!deps.saveOrders || !unsorted.delete(source)) return Promise.resolve();
      return pinnedFirst.after(source, async () => {
        await withColumns(async () => prepareColumns(await earlyDataOf(source)));
        await keepOrders(source);
      });
    },
    dataOf,
    /**
     * Starts reading a source, if it is not read yet: its first read only, not the customers and MRR
     * movements (they are read by the first view that waits for them, after the pinned numbers).
     */
    preload(source: string): void {
      cacheOf(source).catch(() => undefined);
    },
    /**
     * Runs `use` over a source's data; when it touches records whose chunks the worker has not read
     * yet, they are read and `use` runs again (lib/columns/table.ts). For handlers that read the data.
     */
    withData<T>(source: string, use: (data: KpiData) => T | Promise<T>): Promise<T> {
      return withColumns(async () => use(await dataOf(source)));
    },
    pinned: (selection: ViewSelection) =>
      pinnedFirst.track(
        selection.source,
        viewOf(selection.source, () => pinned(selection)),
      ),
    /** Holds the source's other views until `answer` (the pinned numbers' whole answer) is settled. */
    first: <T>(source: string, answer: Promise<T>): Promise<T> => pinnedFirst.track(source, answer),
    /** Every KPI of the catalogue for a selection, lean, with the CLV method used named. */
    catalogue: (selection: ViewSelection) => laterViewOf(selection.source, () => catalogue(selection)),
    charts: (selection: ViewSelection) => laterViewOf(selection.source, () => extras.charts(selection)),
    team: (selection: ViewSelection, metric: Parameters<typeof extras.team>[1]) => laterViewOf(selection.source, () => extras.team(selection, metric)),
    insights: (selection: ViewSelection) => laterViewOf(selection.source, () => extras.insights(selection)),
    records: (...args: Parameters<typeof extras.records>) => laterViewOf(args[0].source, () => extras.records(...args)),
    forecast: (...args: Parameters<typeof forecasts.forecast>) => laterViewOf(args[0].source, () => forecasts.forecast(...args)),
    forecastTrack: (...args: Parameters<typeof forecasts.track>) => laterViewOf(args[0].source, () => forecasts.track(...args)),
    forecastRecords: (...args: Parameters<typeof forecasts.records>) => laterViewOf(args[0].source, () => forecasts.records(...args)),
  };

  /** Every KPI of the catalogue for a selection, lean, with the CLV method used named. */
  async function catalogue(selection: ViewSelection) {
    const { ctx, value } = await catalogueOf(selection);
    const results: Partial<Record<KpiId, ShownResult>> = {};
    for (const [id, result] of Object.entries(value.results) as [KpiId, NonNullable<(typeof value.results)[KpiId]>][]) {
      const shown = lean(result, (r) => shownStatus(r, ctx.settings, value.asOf));
      if (id === 'clv' || id === 'ltvToCac') {
        const method = hasValue(shown) ? shown.method : undefined;
        if (method && value.clvMethodNames[method]) shown.methodName = value.clvMethodNames[method];
        if (value.clvFallback) shown.methodNote = value.clvFallback;
      }
      results[id] = shown;
    }
    return { asOf: value.asOf, period: value.period, compare: value.compare, results, ownerName: ctx.choice.ownerName, peersHidden: ctx.choice.peersHidden };
  }
}
export type ViewService = ReturnType<typeof createViewService>;
