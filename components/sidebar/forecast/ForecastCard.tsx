import type { ForecastResponse, ForecastShown, TrackResponse, ViewSelection } from '@/lib/views';
import { Figure } from '../Figure';
import { ExplainButton } from './ExplainButton';
import { chance, useForecastI18n, type ForecastI18n } from './format';

export type ForecastCardProps = {
  forecast: ForecastResponse | undefined;
  track: TrackResponse | undefined;
  selection: ViewSelection;
  error?: string;
  /** The team's forecast in the team view (its own title and heading id). */
  team?: boolean;
};

/** Likely / either way / unlikely: where the chance of the quota stands (a third either side of even). */
function verdict(shown: ForecastShown, i18n: ForecastI18n): string | undefined {
  if (shown.quota === null || shown.probabilityOfQuota === null) return undefined;
  if (shown.wonSoFar.amount >= shown.quota) return i18n.f('fc.verdict.reached');
  if (shown.probabilityOfQuota >= 2 / 3) return i18n.f('fc.verdict.likely');
  if (shown.probabilityOfQuota > 1 / 3) return i18n.f('fc.verdict.toss');
  return i18n.f('fc.verdict.unlikely');
}

/** "For you, the last 6 months: inside the range 5 times of 6": how the same forecast did before. */
export function trackLine(track: TrackResponse, selection: ViewSelection, i18n: ForecastI18n): string {
  if (track.forecast === 0) return i18n.f('fc.track.none');
  const team = selection.view === 'team' && !selection.ownerId;
  const month = selection.period === 'month';
  const span = i18n.f(team ? (month ? 'fc.track.spanTeamMonth' : 'fc.track.spanTeam') : month ? 'fc.track.spanMonth' : 'fc.track.span', {
    count: track.forecast,
  });
  return `${span}: ${i18n.f('fc.track.inside', { count: track.inside })} ${i18n.f('fc.track.of', { count: track.forecast })}`;
}

/**
 * Where the period will end: the P10–P90 range of won revenue with its P50, what is won so far, the
 * chance of reaching the quota, and the forecast's own track record. Each number opens its explain panel.
 */
export function ForecastCard({ forecast, track, selection, error, team = false }: ForecastCardProps) {
  const i18n = useForecastI18n();
  const { f } = i18n;
  const titleId = team ? 'team-forecast-title' : 'forecast-title';
  const said = forecast?.status === 'ok' ? verdict(forecast, i18n) : undefined;
  return (
    <section className="card forecast" aria-labelledby={titleId} aria-busy={!forecast && !error} data-as-of={forecast?.asOf} data-team={team || undefined}>
      {/* The verdict beside the title: the answer to "will I make my number?" is the first thing read. */}
      <div className="card-head">
        <h2 id={titleId}>{f(team ? 'fc.teamTitle' : 'fc.title')}</h2>
        {said && <strong className="verdict">{said}</strong>}
      </div>
      {error ? (
        <p className="problem">{error}</p>
      ) : !forecast ? (
        <p className="loading">{f('fc.loading')}</p>
      ) : forecast.status !== 'ok' ? (
        <p className="note">{f(forecast.missing.includes('deals') ? 'fc.needs.deals' : 'fc.needs.history')}</p>
      ) : (
        <ForecastBody shown={forecast} track={track} selection={selection} i18n={i18n} />
      )}
    </section>
  );
}

function ForecastBody({
  shown,
  track,
  selection,
  i18n,
}: {
  shown: ForecastShown;
  track: TrackResponse | undefined;
  selection: ViewSelection;
  i18n: ForecastI18n;
}) {
  const { f, money } = i18n;
  const currency = shown.currency;
  const common = { currency, selection };
  return (
    <>
      <p className="sub">{f('fc.rangeLabel', { end: i18n.date(shown.period.end - 1) })}</p>
      <p className="headline">
        <ExplainButton id="range" explain={shown.explain.range} {...common}>
          <Figure name="forecast.p10" value={shown.revenue.p10}>
            {money(shown.revenue.p10, currency)}
          </Figure>
          {' – '}
          <Figure name="forecast.p90" value={shown.revenue.p90}>
            {money(shown.revenue.p90, currency)}
          </Figure>
        </ExplainButton>
      </p>
      {/* One line for the most likely result and what is won already: the card stays short enough for the plan and the deals to show beside it. */}
      <p className="sub">
        <Figure name="forecast.p50" value={shown.revenue.p50}>
          {f('fc.likely', { p50: money(shown.revenue.p50, currency) })}
        </Figure>
        {' · '}
        <ExplainButton id="wonSoFar" explain={shown.explain.wonSoFar} {...common}>
          <Figure name="forecast.wonSoFar" value={shown.wonSoFar.amount}>
            {f('fc.wonSoFar', { amount: money(shown.wonSoFar.amount, currency) })}
          </Figure>
        </ExplainButton>{' '}
        ({f('fc.wonDeals', { count: shown.wonSoFar.deals })})
      </p>
      {shown.probabilityOfQuota !== null && shown.quota !== null ? (
        <p>
          <ExplainButton id="probabilityOfQuota" explain={shown.explain.probabilityOfQuota} {...common}>
            <Figure name="forecast.probabilityOfQuota" value={shown.probabilityOfQuota}>
              {f('fc.chance', { percent: chance(shown.probabilityOfQuota, i18n), quota: money(shown.quota, currency) })}
            </Figure>
          </ExplainButton>
        </p>
      ) : (
        <p className="note">{f('fc.noQuota')}</p>
      )}
      {!track ? (
        <p className="loading">{f('fc.track.loading')}</p>
      ) : (
        <p className="sub track">
          <ExplainButton id="track" explain={track.explain} track={track} {...common}>
            <span data-inside={track.inside} data-forecast={track.forecast}>
              {trackLine(track, selection, i18n)}
            </span>
          </ExplainButton>
        </p>
      )}
    </>
  );
}
