import { allStatuses } from './core';
import type { HandlerDeps, HandlerGroup } from './types';

export function viewHandlers(deps: HandlerDeps): HandlerGroup<'view/pinned'> {
  return {
    'view/pinned': async (request) => {
      const [view, sources] = await Promise.all([deps.views.pinned(request), allStatuses(deps)]);
      return { ...view, status: sources.find((candidate) => candidate.source === request.source) ?? null };
    },
  };
}
