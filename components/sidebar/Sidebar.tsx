import { Suspense, useMemo, useState, type ReactNode } from 'react';
import type { DiscardedNotice as DiscardedNoticeValue } from '@/lib/db';
import type { KpiId } from '@/lib/kpi';
import type { SidebarUiState } from '@/lib/settings';
import type { SidebarPrefs } from '@/lib/views';
import { useI18n } from '../common/i18n';
import type { ShownStatus } from '../common/source-line';
import { Controls } from './Controls';
import { DataNotes } from './DataNotes';
import { DiscardedNotice } from '../common/DiscardedNotice';
import { EmptyState } from './EmptyState';
import { PersonalPanel } from './PersonalPanel';
import type { LoadRecords } from './RecordList';
import { SidebarActionsProvider, type ExplainTarget, type ForecastExplainTarget } from './sidebar-context';
import { SyncStatusBar } from './SyncStatusBar';
import { LazyExplainPanel, LazyForecastExplainPanel, LazyTeamPanel } from './lazy';
import { send } from '@/lib/messaging';
import type { PinnedAnswer } from './pinned';
import { sidebarBody } from './store-wants';

export type SidebarProps = {
  ui: SidebarUiState;
  onUiChange: (patch: Partial<SidebarUiState>) => void;
  prefs: SidebarPrefs;
  onPrefs: (patch: Partial<SidebarPrefs>) => void;
  /** The background's answer (or the last one shown, while it computes); undefined before any. */
  response: PinnedAnswer | undefined;
  /** True once this page got the background's own answer (not only the remembered one). */
  fresh?: boolean;
  /** New numbers are on their way (the data, the settings or the selection changed). */
  updating?: boolean;
  /** The background could not compute the numbers. */
  error?: string;
  status: ShownStatus | undefined;
  hasData: boolean;
  pinned: readonly KpiId[];
  onTogglePin: (id: KpiId) => void;
  onExploreDemo: () => void;
  /** Absent where there is nothing to sync (a file, the demo data). */
  onSyncNow?: () => void;
  onExportSummary: () => void;
  /** Absent in the side panel, which the browser closes itself. */
  onCollapse?: () => void;
  /** The browser replaced the database by an empty one: when (lib/db/continuity.ts), until dismissed. */
  discarded?: DiscardedNoticeValue;
  onDismissDiscarded?: () => void;
  /** The side panel's choice of source (when several are connected). */
  sourcePicker?: ReactNode;
  /** False in tests (no canvas). */
  drawCharts?: boolean;
  /** Where the explain panel gets its records (the background by default). */
  loadRecords?: (target: ExplainTarget, offset: number) => ReturnType<LoadRecords>;
  /** Where the forecast's explain panel gets the deals behind a number (the background by default). */
  loadForecastRecords?: (target: ForecastExplainTarget, offset: number) => ReturnType<LoadRecords>;
};

const askRecords = (target: ExplainTarget, offset: number) => send({ type: 'records/get', ...target.selection, kpi: target.kpi, offset, limit: 25 });
const askForecastRecords = (target: ForecastExplainTarget, offset: number) =>
  target.id === 'track'
    ? Promise.resolve({ total: 0, listable: 0, offset, rows: [] })
    : target.id === 'rep'
      ? send({ type: 'forecast/records', ...target.selection, explain: 'rep', rep: target.rep ?? '', offset, limit: 25 })
      : send({ type: 'forecast/records', ...target.selection, explain: target.id, offset, limit: 25 });

/** The sidebar: few numbers up front (activities, quota, pipeline), each one explained; the rest one click away. */
export function Sidebar(props: SidebarProps) {
  const { t } = useI18n();
  const [explained, setExplained] = useState<ExplainTarget>();
  const [forecastExplained, setForecastExplained] = useState<ForecastExplainTarget>();
  const { response, ui } = props;
  const view = response?.pinned ?? null;
  const actions = useMemo(
    () => ({
      pinned: props.pinned,
      togglePin: props.onTogglePin,
      explain: setExplained,
      explainForecast: setForecastExplained,
      drawCharts: props.drawCharts ?? true,
    }),
    [props.pinned, props.onTogglePin, props.drawCharts],
  );
  const loadRecords = props.loadRecords ?? askRecords;
  const loadForecastRecords = props.loadForecastRecords ?? askForecastRecords;
  const body = sidebarBody(response, props.hasData, props.status?.syncing ?? false, ui.view);
  return (
    <SidebarActionsProvider value={actions}>
      <div
        className="sidebar"
        data-syncing={String((props.status?.syncing ?? false) || (props.updating ?? false))}
        aria-busy={props.updating || undefined}
        data-fresh={String(props.fresh ?? false)}
        data-view={ui.view}
        data-as-of={view?.asOf}
        data-time-zone={view?.timeZone}
        data-period-start={view?.period.start}
        data-period-end={view?.period.end}
        aria-hidden={explained || forecastExplained ? true : undefined}
      >
        <header className="bar">
          <h1>{t('app.title')}</h1>
          {response?.ownerName && <span className="owner">{response.ownerName}</span>}
          {props.sourcePicker}
          {props.onCollapse && (
            <button type="button" className="icon" aria-label={t('sidebar.collapse')} onClick={props.onCollapse}>
              ⟩
            </button>
          )}
        </header>
        {/* A labelled region (a landmark), so nothing on the page sits outside one. */}
        <section aria-label={t('sidebar.controls')}>
          <Controls ui={ui} onChange={props.onUiChange} prefs={props.prefs} onPrefs={props.onPrefs} teamAvailable={response?.teamAvailable ?? false} />
          <div className="toolbar">
            <button type="button" className="secondary" onClick={props.onExportSummary}>
              {t('sidebar.exportSummary')}
            </button>
          </div>
        </section>
        <main>
          {props.discarded && <DiscardedNotice notice={props.discarded} onDismiss={props.onDismissDiscarded ?? (() => undefined)} />}
          {props.error && (
            <p className="problem" role="alert">
              {props.error}
            </p>
          )}
          {(body === 'team' || body === 'personal') && <DataNotes dataEndsAt={response?.dataEndsAt} noActivityData={response?.noActivityData} />}
          {body === 'empty' ? (
            <EmptyState onExploreDemo={props.onExploreDemo} />
          ) : body === 'loading' ? (
            <p className="loading" role="status">
              {t('sidebar.loading')}
            </p>
          ) : body === 'team' ? (
            <Suspense fallback={<p className="loading">{t('sidebar.loading')}</p>}>
              <LazyTeamPanel />
            </Suspense>
          ) : (
            <PersonalPanel place="main" />
          )}
        </main>
        <SyncStatusBar status={props.status} onSyncNow={props.onSyncNow} />
      </div>
      {explained && (
        <Suspense fallback={null}>
          <LazyExplainPanel
            target={explained}
            currency={response?.reportingCurrency ?? 'USD'}
            loadRecords={(offset) => loadRecords(explained, offset)}
            onClose={() => setExplained(undefined)}
          />
        </Suspense>
      )}
      {forecastExplained && (
        <Suspense fallback={null}>
          <LazyForecastExplainPanel
            target={forecastExplained}
            loadRecords={(offset) => loadForecastRecords(forecastExplained, offset)}
            onClose={() => setForecastExplained(undefined)}
          />
        </Suspense>
      )}
    </SidebarActionsProvider>
  );
}
