import type { RequestOf, SourceStatus } from '@/lib/messaging';
import { markOnce, WORKER_MARKS } from '@/lib/perf';
import type { ViewSelection } from '@/lib/views';
import { warmPinned } from '../warm-pinned';
import { allStatuses } from './core';
import type { HandlerDeps, HandlerGroup } from './types';

type ViewType = 'view/pinned' | 'view/catalogue' | 'view/charts' | 'view/team' | 'view/insights' | 'records/get';

/**
 * The status sent with the pinned numbers may be this old: pages follow the status live through
 * `status-version:<source>` anyway, and reading it from IndexedDB on every sidebar load would put
 * a database read between the rep and the numbers.
 */
const STATUS_MAX_AGE_MS = 10_000;

/** The selection part of a view request (everything but its type and request-specific fields). */
function selectionOf(request: RequestOf<ViewType>): ViewSelection {
  const { source, view, period, range, compare, ownerId } = request;
  return { source, view, period, range, compare, ownerId };
}

/**
 * What the pinned numbers' answer needs besides the view: the sources' statuses, read at most every
 * STATUS_MAX_AGE_MS. `warm` starts both for a CRM page that just opened (see warm-pinned.ts).
 */
export function createPinnedPath(deps: HandlerDeps) {
  let statuses: { at: number; value: Promise<SourceStatus[]> } | undefined;
  const recentStatuses = () => {
    if (!statuses || statuses.at < Date.now() - STATUS_MAX_AGE_MS) {
      const value = allStatuses(deps).then((sources) => {
        markOnce(WORKER_MARKS.statusesRead);
        return sources;
      });
      statuses = { at: Date.now(), value };
      value.catch(() => (statuses = undefined));
    }
    return statuses.value;
  };
  const warm = (source: string) => {
    warmPinned(deps.views, source);
    recentStatuses().catch(() => undefined);
  };
  // Per tab: the source of a CRM page that opened, until its content script asks for the frame's state.
  const opened = new Map<number, { source: string; timer: ReturnType<typeof setTimeout> }>();
  const start = (tabId: number) => {
    const pending = opened.get(tabId);
    if (!pending) return;
    opened.delete(tabId);
    clearTimeout(pending.timer);
    warm(pending.source);
  };
  return {
    recentStatuses,
    /**
     * A connected CRM's page opened in a tab: the warm-up starts once its content script has its
     * frame's state (the frame is created then; on a cold worker the reading and computing would
     * otherwise hold that answer back), or after WARM_FALLBACK_MS without it.
     */
    pageOpened(tabId: number | undefined, source: string) {
      if (tabId === undefined) return warm(source);
      if (opened.has(tabId)) clearTimeout(opened.get(tabId)!.timer);
      opened.set(tabId, { source, timer: setTimeout(() => start(tabId), WARM_FALLBACK_MS) });
    },
    /** The frame's state was answered for a tab. */
    framed(tabId: number) {
      setTimeout(() => start(tabId), 0);
    },
  };
}

/** Without a frame-state request this long after a page opened, the warm-up starts anyway. */
const WARM_FALLBACK_MS = 50;
export type PinnedPath = ReturnType<typeof createPinnedPath>;

/** Views computed from the in-memory source cache; privacy is applied inside the view service. */
export function viewHandlers(deps: HandlerDeps, path: PinnedPath): HandlerGroup<ViewType> {
  const { views } = deps;
  return {
    // The whole answer (the status too) goes before the source's other views compute (views.first).
    'view/pinned': (request) =>
      views.first(
        request.source,
        Promise.all([views.pinned(selectionOf(request)), path.recentStatuses()]).then(([view, sources]) => {
          markOnce(WORKER_MARKS.pinnedSent);
          return { ...view, status: sources.find((candidate) => candidate.source === request.source) ?? null };
        }),
      ),
    'view/catalogue': (request) => views.catalogue(selectionOf(request)),
    'view/charts': (request) => views.charts(selectionOf(request)),
    'view/team': (request) => views.team(selectionOf(request), request.metric),
    'view/insights': (request) => views.insights(selectionOf(request)),
    'records/get': (request) => views.records(selectionOf(request), request.kpi, request.offset, request.limit),
  };
}
