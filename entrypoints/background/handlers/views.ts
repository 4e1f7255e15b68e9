import type { RequestOf } from '../../../lib/messaging/protocol';
import type { ViewSelection } from '../../../lib/views/selection';
import { allStatuses } from './core';
import type { HandlerDeps, HandlerGroup } from './types';

type ViewType = 'view/pinned' | 'view/catalogue' | 'view/charts' | 'view/team' | 'view/insights' | 'records/get';

/** The selection part of a view request (everything but its type and request-specific fields). */
function selectionOf(request: RequestOf<ViewType>): ViewSelection {
  const { source, view, period, range, compare, ownerId } = request;
  return { source, view, period, range, compare, ownerId };
}

/** Views computed from the in-memory source cache; privacy is applied inside the view service. */
export function viewHandlers(deps: HandlerDeps): HandlerGroup<ViewType> {
  const { views } = deps;
  return {
    'view/pinned': async (request) => {
      const [view, sources] = await Promise.all([views.pinned(selectionOf(request)), allStatuses(deps)]);
      return { ...view, status: sources.find((candidate) => candidate.source === request.source) ?? null };
    },
    'view/catalogue': (request) => views.catalogue(selectionOf(request)),
    'view/charts': (request) => views.charts(selectionOf(request)),
    'view/team': (request) => views.team(selectionOf(request), request.metric),
    'view/insights': (request) => views.insights(selectionOf(request)),
    'records/get': (request) => views.records(selectionOf(request), request.kpi, request.offset, request.limit),
  };
}
