import { Suspense, useState } from 'react';
import type { SidebarLeaderboardMetric } from '../../lib/views/choices';
import type { ViewSelection } from '../../lib/views/selection';
import { useI18n } from '../common/i18n';
import { ActivityCard } from './ActivityCard';
import { LazyCharts } from './lazy';
import { HeatMap } from './HeatMap';
import { Leaderboard } from './Leaderboard';
import { PersonalPanel } from './PersonalPanel';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { useSidebarActions } from './sidebar-context';
import { useDataTick, useRequest } from './use-background';
import { useAfterPaint } from './use-later';
import { usePinned, type PinnedAnswer } from './use-pinned';

export type TeamPanelProps = {
  selection: ViewSelection;
  /** The pinned view of the team (or the rep's own numbers when peers are hidden). */
  response: PinnedAnswer;
  metric: SidebarLeaderboardMetric;
  onMetric: (metric: SidebarLeaderboardMetric) => void;
};

/** A rep of the team, opened from the leaderboard: the same cards as the personal view, for that rep. */
function DrillDown({ selection, name, onBack }: { selection: ViewSelection; name: string; onBack: () => void }) {
  const { t } = useI18n();
  const { response, error } = usePinned(selection);
  return (
    <>
      <div className="drill-head">
        <button type="button" className="secondary" onClick={onBack}>
          {t('team.back')}
        </button>
        <h2>{t('team.drillTitle', { name })}</h2>
      </div>
      {error && <p className="problem" role="alert">{error}</p>}
      {!response ? <p className="loading" role="status">{t('sidebar.loading')}</p> : <PersonalPanel selection={selection} response={response} />}
    </>
  );
}

/**
 * The team view a lead runs the weekly meeting from: the leaderboard (ranked by a chosen figure,
 * with total and median), team quota attainment and pipeline, the activity heat map, the charts,
 * and a drill-down into any rep. A rep whose lead has not shared peers' numbers gets their own
 * row and rank and their own cards: the background never sends them more.
 */
export function TeamPanel({ selection, response, metric, onMetric }: TeamPanelProps) {
  const { t } = useI18n();
  const { drawCharts } = useSidebarActions();
  const [drill, setDrill] = useState<{ ownerId: string; name: string }>();
  const tick = useDataTick(selection.source);
  const later = useAfterPaint(response.pinned !== null);
  const board = useRequest({ type: 'view/team', ...selection, metric }, tick);
  const charts = useRequest(later && !response.peersHidden ? { type: 'view/charts', ...selection } : null, tick);

  if (drill) {
    return <DrillDown selection={{ ...selection, view: 'personal', ownerId: drill.ownerId }} name={drill.name} onBack={() => setDrill(undefined)} />;
  }
  const view = response.pinned;
  const open = !response.peersHidden && response.canSeePeers;
  return (
    <>
      <Leaderboard board={board.value} metric={metric} onMetric={onMetric} onDrill={open ? (ownerId, name) => setDrill({ ownerId, name }) : undefined} error={board.error} />
      {response.peersHidden && view && <PersonalPanel selection={{ ...selection, view: 'personal' }} response={response} compact />}
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
