import type { RequestOf } from '@/lib/messaging';
import type { ViewSelection } from '@/lib/views';
import type { HandlerDeps, HandlerGroup } from './types';

type ForecastType = 'view/forecast' | 'view/forecast-track' | 'forecast/records';

function selectionOf(request: RequestOf<ForecastType>): ViewSelection {
  const { source, view, period, range, compare, ownerId } = request;
  return { source, view, period, range, compare, ownerId };
}

/** The forecast views, computed from the in-memory source cache; privacy is applied inside the view service. */
export function forecastHandlers({ views }: HandlerDeps): HandlerGroup<ForecastType> {
  return {
    'view/forecast': (request) => views.forecast(selectionOf(request)),
    'view/forecast-track': (request) => views.forecastTrack(selectionOf(request)),
    'forecast/records': (request) =>
      views.forecastRecords(
        selectionOf(request),
        request.explain === 'rep' ? { explain: 'rep', rep: request.rep ?? '' } : { explain: request.explain },
        request.offset,
        request.limit,
      ),
  };
}
