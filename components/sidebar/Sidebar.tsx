import type { StoredSourceStatus } from '../../lib/db/status';
import type { SidebarUiState } from '../../lib/settings/ui-state';
import type { PinnedView } from '../../lib/views/pinned';
import { useI18n } from '../common/i18n';
import { ActivityCard, type ActivityCardProps } from './ActivityCard';
import { Controls } from './Controls';
import { EmptyState } from './EmptyState';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { SyncStatusBar } from './SyncStatusBar';

export type SidebarProps = {
  ui: SidebarUiState;
  onUiChange: (patch: Partial<SidebarUiState>) => void;
  /** Null while the first numbers are being computed, or when there are none. */
  view: PinnedView | null;
  /** The background has answered at least once. */
  loaded: boolean;
  /** The background could not compute the numbers. */
  error?: string;
  activityTargets: ActivityCardProps['targets'] | undefined;
  reportingCurrency: string;
  status: StoredSourceStatus | undefined;
  hasData: boolean;
  teamAvailable: boolean;
  ownerName?: string;
  onExploreDemo: () => void;
  onSyncNow?: () => void;
  /** Absent in the side panel, which the browser closes itself. */
  onCollapse?: () => void;
};

/** The sidebar: few numbers up front (activities, quota, pipeline), each one explained. */
export function Sidebar(props: SidebarProps) {
  const { t } = useI18n();
  const { view } = props;
  return (
    <div className="sidebar" data-syncing={String(props.status?.syncing ?? false)} data-as-of={view?.asOf} data-time-zone={view?.timeZone} data-period-start={view?.period.start} data-period-end={view?.period.end}>
      <header className="bar">
        <h1>{t('app.title')}</h1>
        {props.ownerName && <span className="owner">{props.ownerName}</span>}
        {props.onCollapse && (
          <button type="button" className="icon" aria-label={t('sidebar.collapse')} onClick={props.onCollapse}>
            ⟩
          </button>
        )}
      </header>
      <Controls ui={props.ui} onChange={props.onUiChange} teamAvailable={props.teamAvailable} />
      <main>
        {props.error && (
          <p className="problem" role="alert">
            {props.error}
          </p>
        )}
        {props.loaded && !props.hasData && !props.status?.syncing ? (
          <EmptyState onExploreDemo={props.onExploreDemo} />
        ) : view === null ? (
          <p className="loading" role="status">
            {t('sidebar.loading')}
          </p>
        ) : (
          <>
            <ActivityCard counts={view.activities} targets={props.activityTargets} />
            <QuotaCard result={view.quota} currency={props.reportingCurrency} />
            <PipelineCard pipeline={view.pipeline} deals={view.dealsInPipeline} />
          </>
        )}
      </main>
      <SyncStatusBar status={props.status} onSyncNow={props.onSyncNow} />
    </div>
  );
}
