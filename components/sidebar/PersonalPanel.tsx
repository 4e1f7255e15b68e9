import { Suspense, useState } from 'react';
import type { ViewSelection } from '../../lib/views/selection';
import { useI18n } from '../common/i18n';
import { LazyAtRiskCard, LazyCatalogue, LazyCharts, LazyLapseCard } from './lazy';
import { PinnedCards } from './PinnedCards';
import { useSidebarActions } from './sidebar-context';
import { useDataTick, useRequest } from './use-background';
import { useAfterPaint } from './use-later';
import type { PinnedAnswer } from './use-pinned';

export type PersonalPanelProps = {
  selection: ViewSelection;
  response: PinnedAnswer;
  /** The team view of a rep who may not see peers shows these cards too, without deals at risk or lapsing customers. */
  compact?: boolean;
};

/**
 * One rep's view: the pinned numbers first; then, once they are painted, deals at risk, customers
 * likely to lapse and the charts; the whole catalogue one click away.
 */
export function PersonalPanel({ selection, response, compact = false }: PersonalPanelProps) {
  const { t } = useI18n();
  const { pinned, drawCharts } = useSidebarActions();
  const [showAll, setShowAll] = useState(false);
  const view = response.pinned;
  const later = useAfterPaint(view !== null);
  const tick = useDataTick(selection.source);
  const insights = useRequest(later && !compact ? { type: 'view/insights', ...selection } : null, tick);
  const charts = useRequest(later ? { type: 'view/charts', ...selection } : null, tick);
  const catalogue = useRequest(showAll ? { type: 'view/catalogue', ...selection } : null, tick);
  if (!view) return null;
  const currency = response.reportingCurrency;
  return (
    <>
      <PinnedCards view={view} pinned={pinned} selection={selection} activityTargets={response.activityTargets} currency={currency} />
      <button type="button" className="secondary" aria-expanded={showAll} aria-controls="catalogue" onClick={() => setShowAll((open) => !open)}>
        {t(showAll ? 'catalogue.hide' : 'catalogue.show')}
      </button>
      <Suspense fallback={<p className="loading">{t('sidebar.loading')}</p>}>
        {showAll && (
          <div id="catalogue">
            <LazyCatalogue results={catalogue.value?.results} selection={selection} loading={catalogue.loading} error={catalogue.error} />
          </div>
        )}
        {!compact && later && (
          <>
            <LazyAtRiskCard atRisk={insights.value?.atRisk} currency={currency} />
            <LazyLapseCard lapse={insights.value?.lapse} />
          </>
        )}
        {charts.error && <p className="problem">{charts.error}</p>}
        {charts.value ? <LazyCharts data={charts.value} draw={drawCharts} /> : later && <p className="loading">{t('chart.loading')}</p>}
      </Suspense>
    </>
  );
}
