import { summaryForSource } from '@/lib/export';
import { loadSettings } from '@/lib/settings';
import type { HandlerDeps, HandlerGroup } from './types';

/** The weekly summary page's numbers, built where the records are (the page may not open IndexedDB). */
export function summaryHandlers(deps: HandlerDeps): HandlerGroup<'summary/build'> {
  return {
    'summary/build': async (request) => {
      const [data, settings] = await Promise.all([deps.views.dataOf(request.source), loadSettings()]);
      return summaryForSource(data, settings, request, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    },
  };
}
