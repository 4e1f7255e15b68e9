import { Suspense, useCallback } from 'react';
import { useI18n } from '../common/i18n';
import { ActivityCard } from './ActivityCard';
import { LazyCharts, LazyTeamForecast } from './lazy';
import { HeatMap } from './HeatMap';
import { Leaderboard } from './Leaderboard';
import { PersonalPanel } from './PersonalPanel';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { useSidebarActions } from './sidebar-context';
import { useSidebar } from './store-context';
import { useAfterPaint } from './use-later';

/** A rep of the team, opened from the leaderboard: the same cards as the personal view, for that rep. */
function DrillDown({ name }: { name: string }) {
  const { t } = useI18n();
  const { value: response, error } = useSidebar((state) => state.answers.drillPinned);
  const { openDrill } = useSidebar((state) => state.actions);
  return (
    <>
      <div className="drill-head">
        <button type="button" className="secondary" onClick={() => openDrill(undefined)}>
          {t('team.back')}
        </button>
        <h2>{t('team.drillTitle', { name })}</h2>
      </div>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {!response ? (
        <p className="loading" role="status">
          {t('sidebar.loading')}
        </p>
      ) : (
        <PersonalPanel place="drill" />
      )}
    </>
  );
}

/**
 * The team view a lead runs the weekly meeting from: the leaderboard (ranked by a chosen figure,
 * with total and median), the team's forecast and each rep's, team quota attainment and pipeline,
 * the activity heat map, the charts, and a drill-down into any rep. A rep who is not a lead, with peers' numbers off in this browser, gets their own
 * row and rank and their own cards: the background never sends them more.
 */
export function TeamPanel() {
  const { t } = useI18n();
  const { drawCharts } = useSidebarActions();
  const selection = useSidebar((state) => state.selection);
  const response = useSidebar((state) => state.answers.pinned.value);
  const metric = useSidebar((state) => state.prefs?.metric);
  const board = useSidebar((state) => state.answers.board);
  const charts = useSidebar((state) => state.answers.teamCharts);
  const drill = useSidebar((state) => state.drill);
  const later = useSidebar((state) => state.painted.main);
  const { setPrefs, openDrill, markPainted } = useSidebar((state) => state.actions);
  useAfterPaint(
    response?.pinned != null && !later,
    useCallback(() => markPainted('main'), [markPainted]),
  );

  if (!selection || !response || !metric) return null;
  if (drill) return <DrillDown name={drill.name} />;
  const view = response.pinned;
  const open = !response.peersHidden && response.canSeePeers;
  return (
    <>
      <Leaderboard
        board={board.value}
        metric={metric}
        onMetric={(next) => setPrefs({ metric: next })}
        onDrill={open ? (ownerId, name) => openDrill({ ownerId, name }) : undefined}
        error={board.error}
      />
      {response.peersHidden && view && <PersonalPanel place="main" compact />}
      {open && view && later && (
        <Suspense fallback={<p className="loading">{t('sidebar.loading')}</p>}>
          <LazyTeamForecast selection={selection} />
        </Suspense>
      )}
      {open && view && (
        <>
          <h2 className="section-title">{t('team.cards', { team: board.value?.teamName ?? '' })}</h2>
          <QuotaCard result={view.quota} currency={response.reportingCurrency} selection={selection} />
          <PipelineCard pipeline={view.pipeline} deals={view.dealsInPipeline} selection={selection} />
          <ActivityCard counts={view.activities} targets={undefined} periodResult={view.results.activityCounts} selection={selection} />
        </>
      )}
      {open && board.value && <HeatMap data={board.value.heatMap} />}
      {open && charts.value && (
        <Suspense fallback={null}>
          <LazyCharts data={charts.value} draw={drawCharts} />
        </Suspense>
      )}
    </>
  );
}
