import type { ViewSelection } from '@/lib/views';
import { useSidebar } from '../store-context';
import type { Place } from '../store-wants';
import { DealsCard } from './DealsCard';
import { ForecastCard } from './ForecastCard';
import { PlanCard } from './PlanCard';

/**
 * A rep's forecast, plan to quota and deals that matter, from the sidebar store (which asks the
 * background for them once the pinned numbers are painted, and for the track record once the
 * forecast is shown).
 */
export function ForecastSection({ place, selection }: { place: Place; selection: ViewSelection }) {
  const forecast = useSidebar((state) => state.answers[`${place}.forecast`]);
  const track = useSidebar((state) => state.answers[`${place}.track`].value);
  const shown = forecast.value?.status === 'ok' ? forecast.value : undefined;
  return (
    <div className="forecast-area" data-pending={forecast.value === undefined && !forecast.error ? 'true' : undefined}>
      <ForecastCard forecast={forecast.value} track={track} selection={selection} {...(forecast.error ? { error: forecast.error } : {})} />
      {shown && <PlanCard shown={shown} selection={selection} />}
      {shown && <DealsCard shown={shown} selection={selection} />}
    </div>
  );
}
