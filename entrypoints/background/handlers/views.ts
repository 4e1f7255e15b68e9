import type { RequestOf, SourceStatus } from '@/lib/messaging';
import type { ViewSelection } from '@/lib/views';
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

/** Views computed from the in-memory source cache; privacy is applied inside the view service. */
export function viewHandlers(deps: HandlerDeps): HandlerGroup<ViewType> {
  const { views } = deps;
  let statuses: { at: number; value: Promise<SourceStatus[]> } | undefined;
  const recentStatuses = () => {
    if (!statuses || statuses.at < Date.now() - STATUS_MAX_AGE_MS) {
      const value = allStatuses(deps);
      statuses = { at: Date.now(), value };
      value.catch(() => (statuses = undefined));
    }
    return statuses.value;
  };
  return {
    'view/pinned': async (request) => {
      const [view, sources] = await Promise.all([views.pinned(selectionOf(request)), recentStatuses()]);
      return { ...view, status: sources.find((candidate) => candidate.source === request.source) ?? null };
    },
    'view/catalogue': (request) => views.catalogue(selectionOf(request)),
    'view/charts': (request) => views.charts(selectionOf(request)),
    'view/team': (request) => views.team(selectionOf(request), request.metric),
    'view/insights': (request) => views.insights(selectionOf(request)),
    'records/get': (request) => views.records(selectionOf(request), request.kpi, request.offset, request.limit),
  };
}
