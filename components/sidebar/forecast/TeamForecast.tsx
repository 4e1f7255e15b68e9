import type { ViewSelection } from '@/lib/views';
import { useSidebar } from '../store-context';
import { ForecastCard } from './ForecastCard';
import { RepForecasts } from './RepForecasts';

/**
 * The team's forecast in a lead's team view: the team's range against the team's quota with its
 * track record, then each rep's own. From the sidebar store, which asks the background for it (the
 * same `view/forecast` query as the rep's, for the team view) once the team's numbers are painted.
 */
export function TeamForecast({ selection }: { selection: ViewSelection }) {
  const forecast = useSidebar((state) => state.answers.teamForecast);
  const track = useSidebar((state) => state.answers.teamTrack.value);
  const shown = forecast.value?.status === 'ok' ? forecast.value : undefined;
  return (
    <>
      <ForecastCard team forecast={forecast.value} track={track} selection={selection} {...(forecast.error ? { error: forecast.error } : {})} />
      {shown && <RepForecasts shown={shown} selection={selection} />}
    </>
  );
}
