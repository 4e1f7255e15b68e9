import { useStore } from 'zustand';
import { useI18n } from '../../common/i18n';
import { canStart, type ImporterStore } from './store';

const SHOWN_REJECTS = 100;

/** The Import button, the progress of a run, and what came of it: counts, rows not imported (with a download), warnings. */
export function ImportRun({ store, numbersUrl }: { store: ImporterStore; numbersUrl: (source: string) => string }) {
  const { t, number } = useI18n();
  const state = useStore(store, (current) => current);
  const importer = store.getState();
  const { phase, preview, progress, summary } = state;
  const ready = canStart(state);
  const open = preview?.formats.some((format) => format.problem) ?? false;
  const unknownCurrency = (preview?.currencies ?? []).filter((entry) => entry.source === 'unknown').reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="import-run">
      {preview?.error && (
        <p className="problem" role="alert">
          {t('import.failed', { reason: preview.error })}
        </p>
      )}
      {open && (
        <p className="warn" role="alert">
          {t('import.formatsOpen')}
        </p>
      )}
      {unknownCurrency > 0 && <p className="warn">{t('import.currencyUnknown', { count: unknownCurrency })}</p>}
      <div className="inline">
        {phase === 'importing' ? (
          <button type="button" onClick={importer.stop}>
            {t('import.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready} onClick={() => void importer.start()}>
            {t('import.start')}
          </button>
        )}
      </div>
      {phase === 'importing' && (
        <div role="status">
          <progress max={progress?.totalBytes ?? 1} value={progress?.bytes ?? 0} aria-label={t('import.reading')} />
          <p>{progress ? t('import.progress', { rows: progress.rows, imported: progress.imported, rejected: progress.rejected }) : t('import.reading')}</p>
        </div>
      )}
      {phase === 'done' && summary && (
        <p role="status" className="save-saved">
          {t('import.done', { imported: summary.imported, rows: summary.rows, source: state.source })}{' '}
          <a href={numbersUrl(state.source)} target="_blank" rel="noreferrer">
            {t('import.open')}
          </a>
        </p>
      )}
      {phase === 'done' && summary?.duplicates && (
        <p className="note">
          {t('import.duplicates', {
            rows: summary.duplicates.rows,
            rule: summary.duplicates.column ? t('import.duplicates.newest', { column: summary.duplicates.column }) : t('import.duplicates.last'),
          })}
        </p>
      )}
      {phase === 'stopped' && <p role="status">{t('import.cancelled')}</p>}
      {phase === 'failed' && state.error && (
        <p className="problem" role="alert">
          {t('import.failed', { reason: state.error })}
        </p>
      )}
      {state.storeRejected > 0 && (
        <p className="warn">
          {t('import.storeRejected', { count: state.storeRejected })}
          {state.storeReasons.length > 0 && `: ${state.storeReasons.join('; ')}`}
        </p>
      )}
      {summary && summary.rejectCount > 0 && (
        <div className="import-rejects">
          <table className="grid">
            <caption>
              {t('import.rejectsTitle')} ({number(summary.rejectCount)})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rejects.slice(0, SHOWN_REJECTS).map((reject) => (
                <tr key={`${reject.line}-${reject.reason}`}>
                  <td>{number(reject.line)}</td>
                  <td>{reject.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.rejectCount > SHOWN_REJECTS && <p className="note">{t('import.moreRejects', { count: summary.rejectCount - SHOWN_REJECTS })}</p>}
          <button type="button" onClick={() => void importer.downloadRejects()}>
            {t('import.download')}
          </button>
        </div>
      )}
      {summary && summary.warnings.length > 0 && (
        <div className="import-warnings">
          <h3>{t('import.warnings')}</h3>
          <ul>
            {summary.warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
