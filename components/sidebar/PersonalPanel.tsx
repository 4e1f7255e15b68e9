import { Suspense, useCallback } from 'react';
import { useI18n } from '../common/i18n';
import { LazyAtRiskCard, LazyCatalogue, LazyCharts, LazyForecastSection, LazyLapseCard } from './lazy';
import { PinnedCards } from './PinnedCards';
import { useSidebarActions } from './sidebar-context';
import { usePanelSelection, useSidebar } from './store-context';
import type { Place } from './store-wants';
import { useAfterPaint } from './use-later';

export type PersonalPanelProps = {
  /** The sidebar's own panel, or a team lead's drill-down into a rep. */
  place: Place;
  /** The team view of a rep who may not see peers shows these cards too, without deals at risk or lapsing customers. */
  compact?: boolean;
};

/**
 * One rep's view: the forecast with its plan to quota and the deals that matter on top (above the fold
 * at a laptop's 1280×720: test/e2e/above-the-fold), then the pinned numbers. The pinned numbers are
 * asked and painted first, the forecast's place held for it meanwhile; then customers likely to lapse
 * and the charts; the whole catalogue one click away. Reads its place's numbers from the sidebar
 * store, which asks for them.
 */
export function PersonalPanel({ place, compact = false }: PersonalPanelProps) {
  const { t } = useI18n();
  const { pinned, drawCharts } = useSidebarActions();
  const selection = usePanelSelection(place);
  const response = useSidebar((state) => (place === 'main' ? state.answers.pinned : state.answers.drillPinned).value);
  const insights = useSidebar((state) => state.answers[`${place}.insights`]);
  const charts = useSidebar((state) => state.answers[`${place}.charts`]);
  const catalogue = useSidebar((state) => state.answers[`${place}.catalogue`]);
  const showAll = useSidebar((state) => state.catalogueOpen[place]);
  const later = useSidebar((state) => state.painted[place]);
  const forecastStatus = useSidebar((state) => state.answers[`${place}.forecast`].value?.status);
  const { openCatalogue, markPainted } = useSidebar((state) => state.actions);
  const view = response?.pinned ?? null;
  useAfterPaint(
    view !== null && !later,
    useCallback(() => markPainted(place), [markPainted, place]),
  );
  if (!view || !response || !selection) return null;
  const currency = response.reportingCurrency;
  const catalogueId = `catalogue-${place}`;
  // Where the forecast will be, held open from the first paint so the pinned cards below it do not jump far.
  const forecastSlot = (
    <div className="forecast-area" data-pending="true">
      <p className="card loading">{t('sidebar.loading')}</p>
    </div>
  );
  return (
    <>
      {/* First what a rep opens the sidebar for (issue 14): will I make my number, what to do today, which deals. */}
      {!compact &&
        (later ? (
          <Suspense fallback={forecastSlot}>
            <LazyForecastSection place={place} selection={selection} />
          </Suspense>
        ) : (
          forecastSlot
        ))}
      <PinnedCards view={view} pinned={pinned} selection={selection} activityTargets={response.activityTargets} currency={currency} />
      {/* It controls the catalogue only while the catalogue is there (and its id is this panel's own). */}
      <button
        type="button"
        className="secondary"
        aria-expanded={showAll}
        aria-controls={showAll ? catalogueId : undefined}
        onClick={() => openCatalogue(place, !showAll)}
      >
        {t(showAll ? 'catalogue.hide' : 'catalogue.show')}
      </button>
      {showAll && (
        <div id={catalogueId}>
          <Suspense fallback={<p className="loading">{t('sidebar.loading')}</p>}>
            <LazyCatalogue results={catalogue.value?.results} selection={selection} loading={catalogue.loading} error={catalogue.error} />
          </Suspense>
        </div>
      )}
      <Suspense fallback={<p className="loading">{t('sidebar.loading')}</p>}>
        {!compact && later && (
          <>
            {/* The forecast's deal lists split live deals at risk from dead ones; the plain list stays where it cannot be made. */}
            {forecastStatus === 'needs-data' && <LazyAtRiskCard atRisk={insights.value?.atRisk} currency={currency} />}
            <LazyLapseCard lapse={insights.value?.lapse} />
          </>
        )}
        {charts.error && <p className="problem">{charts.error}</p>}
        {charts.value ? <LazyCharts data={charts.value} draw={drawCharts} /> : later && <p className="loading">{t('chart.loading')}</p>}
      </Suspense>
    </>
  );
}
