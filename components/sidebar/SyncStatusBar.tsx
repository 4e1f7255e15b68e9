import { useI18n } from '../common/i18n';
import { sourceStatusLine, type ShownStatus } from '../common/source-line';

/**
 * Last sync (or, for a file, when it was imported), a progress bar while syncing (records of the CRM's
 * total and the time left, when the CRM tells its total), the column store being prepared after an
 * update, the quarantine count, and the last problem with what to do.
 */
export function SyncStatusBar({ status, onSyncNow }: { status: ShownStatus | undefined; onSyncNow?: () => void }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  if (!status) return null;
  const progress = status.progress;
  const objectRecords = progress?.objectRecords ?? progress?.records ?? 0;
  const share = progress?.totalEstimate ? Math.min(1, objectRecords / Math.max(progress.totalEstimate, 1)) : undefined;
  const label = progress
    ? progress.totalEstimate
      ? t('sync.ofTotal', { object: progress.object, records: number(objectRecords), total: number(progress.totalEstimate) })
      : t('sync.running', { object: progress.object, records: number(progress.records) })
    : '';
  const timeLeft =
    progress?.timeLeftMs === undefined
      ? undefined
      : progress.timeLeftMs < 60_000
        ? t('sync.secondsLeft')
        : t('sync.timeLeft', { count: Math.round(progress.timeLeftMs / 60_000) });
  return (
    <footer className="sync" aria-live="polite">
      {status.syncing && progress ? (
        <>
          <p>
            {label}
            {timeLeft && <span className="time-left"> · {timeLeft}</span>}
          </p>
          <progress aria-label={label} max={progress.objectCount} value={progress.objectIndex + (share ?? 0)} />
        </>
      ) : (
        <p data-status-line>{sourceStatusLine(status, i18n)}</p>
      )}
      {status.preparing && (
        <p>
          <progress aria-hidden="true" max={Math.max(status.preparing.total, 1)} value={status.preparing.records} />{' '}
          {t('sync.preparing', { records: number(status.preparing.records), total: number(status.preparing.total) })}
        </p>
      )}
      {status.quarantined > 0 && <p className="warn">{t('sync.quarantined', { count: status.quarantined })}</p>}
      {status.problem && (
        <div className="problem" role="alert">
          <p>{status.problem.message}</p>
          <p>{status.problem.userAction}</p>
        </div>
      )}
      {onSyncNow && !status.syncing && (
        <button type="button" className="link" onClick={onSyncNow}>
          {t('sync.now')}
        </button>
      )}
    </footer>
  );
}
