import type { ForecastShown, ShownOwner, ViewSelection } from '@/lib/views';
import { Figure } from '../Figure';
import { ExplainButton } from './ExplainButton';
import { chance, useForecastI18n, type ForecastI18n } from './format';

export type RepForecastsProps = { shown: ForecastShown; selection: ViewSelection };

/** Most likely first; reps whose range rests on too few closed deals after the others. */
function ranked(owners: readonly ShownOwner[]): ShownOwner[] {
  return [...owners].sort((a, b) => Number(a.lowSample) - Number(b.lowSample) || b.revenue.p50 - a.revenue.p50);
}

function RepRow({ owner, shown, selection, i18n }: { owner: ShownOwner; shown: ForecastShown; selection: ViewSelection; i18n: ForecastI18n }) {
  const { f, money } = i18n;
  const common = { id: 'rep' as const, rep: owner.ownerId, explain: owner.explain, currency: shown.currency, selection };
  return (
    <tr data-owner={owner.ownerId} className={owner.lowSample ? 'low-sample' : undefined}>
      <th scope="row">{owner.ownerName}</th>
      {owner.lowSample ? (
        <td colSpan={2} className="num">
          <ExplainButton {...common}>{f('fc.byRep.lowSample')}</ExplainButton>
        </td>
      ) : (
        <>
          <td className="num">
            <ExplainButton {...common}>
              <Figure name={`forecast.rep.${owner.ownerId}.p50`} value={owner.revenue.p50}>
                {money(owner.revenue.p50, shown.currency)}
              </Figure>
            </ExplainButton>
          </td>
          <td className="num">
            {owner.probabilityOfQuota === null ? (
              <span className="muted">{f('fc.byRep.noQuota')}</span>
            ) : (
              <Figure name={`forecast.rep.${owner.ownerId}.probabilityOfQuota`} value={owner.probabilityOfQuota}>
                {chance(owner.probabilityOfQuota, i18n)}
              </Figure>
            )}
          </td>
        </>
      )}
    </tr>
  );
}

/**
 * Each rep's own forecast in the team view: the most likely result (P50) and the chance of their own
 * quota, or "not enough history" when the rep closed too few deals for a range worth showing. Every
 * row opens the rep's explain panel: inputs, the rep's open deals, the method in words.
 */
export function RepForecasts({ shown, selection }: RepForecastsProps) {
  const i18n = useForecastI18n();
  const { f } = i18n;
  const owners = ranked(shown.byOwner ?? []);
  if (!owners.length) return null;
  return (
    <section className="card rep-forecasts" aria-labelledby="rep-forecasts-title">
      <h2 id="rep-forecasts-title">{f('fc.byRep.title')}</h2>
      <table className="data-table">
        <caption className="visually-hidden">{f('fc.byRep.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{f('fc.byRep.rep')}</th>
            <th scope="col" className="num">
              {f('fc.byRep.likely')}
            </th>
            <th scope="col" className="num">
              {f('fc.byRep.chance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {owners.map((owner) => (
            <RepRow key={owner.ownerId} owner={owner} shown={shown} selection={selection} i18n={i18n} />
          ))}
        </tbody>
      </table>
      {owners.some((owner) => owner.lowSample) && <p className="note sample-note">{f('fc.byRep.lowNote')}</p>}
    </section>
  );
}
