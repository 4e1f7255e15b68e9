import { summaryForSource } from '@/lib/export';
import { loadSettings } from '@/lib/settings';
import type { HandlerDeps, HandlerGroup } from './types';

/** The weekly summary page's numbers, built where the records are (the page may not open IndexedDB). */
export function summaryHandlers(deps: HandlerDeps): HandlerGroup<'summary/build'> {
  return {
    'summary/build': async (request) => {
      const settings = await loadSettings();
      return deps.views.withData(request.source, (data) =>
        summaryForSource(data, settings, request, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone),
      );
    },
  };
}
