import { useState } from 'react';
import type { ForecastShown, ViewSelection } from '@/lib/views';
import { AlertItem, OutlookItem } from './DealItem';
import { ExplainButton } from './ExplainButton';
import { useForecastI18n } from './format';

type Tab = 'work' | 'risk' | 'cleanUp';
const TABS: readonly Tab[] = ['work', 'risk', 'cleanUp'];

/**
 * The deals that matter: those to work (by expected contribution to this period), the live ones that
 * are slipping, and, apart, the dead ones to clean up. Each list's count opens its explain panel.
 */
export function DealsCard({ shown, selection }: { shown: ForecastShown; selection: ViewSelection }) {
  const i18n = useForecastI18n();
  const { f } = i18n;
  const [tab, setTab] = useState<Tab>('work');
  const { currency } = shown;
  const counts: Record<Tab, number> = { work: shown.openDeals, risk: shown.atRisk.total, cleanUp: shown.cleanUp.total };
  const explainId = tab === 'work' ? 'topDeals' : tab === 'risk' ? 'atRisk' : 'cleanUp';
  const shownCount = tab === 'work' ? shown.topDeals.length : tab === 'risk' ? shown.atRisk.deals.length : shown.cleanUp.deals.length;
  return (
    <section className="card deals" aria-labelledby="deals-title">
      <h2 id="deals-title">{f('deals.title')}</h2>
      <div className="segmented" role="radiogroup" aria-label={f('deals.tabs')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="radio" aria-checked={tab === name} data-count={counts[name]} onClick={() => setTab(name)}>
            {f(`deals.${name}`)} ({i18n.number(counts[name], 0)})
          </button>
        ))}
      </div>
      {shownCount === 0 ? (
        <p className="note">{f(`deals.none.${tab}`)}</p>
      ) : (
        <ul className="link-list" data-list={tab}>
          {tab === 'work'
            ? shown.topDeals.map((deal) => <OutlookItem key={deal.dealId} deal={deal} currency={currency} />)
            : (tab === 'risk' ? shown.atRisk : shown.cleanUp).deals.map((deal) => <AlertItem key={deal.dealId} deal={deal} currency={currency} />)}
        </ul>
      )}
      {counts[tab] > 0 && (
        <p className="sub">
          <ExplainButton id={explainId} explain={shown.explain[explainId]} currency={currency} selection={selection}>
            {f('deals.all', { count: counts[tab] })}
          </ExplainButton>
        </p>
      )}
    </section>
  );
}
