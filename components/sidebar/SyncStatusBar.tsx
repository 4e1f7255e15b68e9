import type { StoredSourceStatus } from '@/lib/db';
import { useI18n } from '../common/i18n';

/** Last sync, a progress bar while syncing, the quarantine count, and the last problem with what to do. */
export function SyncStatusBar({ status, onSyncNow }: { status: StoredSourceStatus | undefined; onSyncNow?: () => void }) {
  const { t, dateTime } = useI18n();
  if (!status) return null;
  const progress = status.progress;
  const share = progress?.totalEstimate ? Math.min(1, progress.records / Math.max(progress.totalEstimate, 1)) : undefined;
  return (
    <footer className="sync" aria-live="polite">
      {status.syncing && progress ? (
        <>
          <p>{t('sync.running', { object: progress.object, records: progress.records })}</p>
          <progress
            aria-label={t('sync.running', { object: progress.object, records: progress.records })}
            max={progress.objectCount}
            value={progress.objectIndex + (share ?? 0)}
          />
        </>
      ) : (
        <p>{status.lastSyncAt ? t('sync.last', { when: dateTime(status.lastSyncAt) }) : t('sync.never')}</p>
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
