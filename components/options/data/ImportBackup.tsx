import { useState } from 'react';
import { parseDataExport, type ImportOutcome, type ParsedExport, recordsToCsv } from '@/lib/export';
import { migrateSettings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { fileDate, importItems } from './transfer';

const REJECTS_SHOWN = 50;

/**
 * Reads a KPI Lens export back. Every record is validated where it arrives
 * (the background, through lib/model); the rejected ones are listed with their
 * place in the file and the reason, and can be downloaded. Settings in the
 * file are restored only when the rep asks, migrated like stored settings.
 */
export function ImportBackup({ onImported }: { onImported: () => void }) {
  const { t, number, dateTime } = useI18n();
  const api = useOptionsApi();
  const [file, setFile] = useState<{ name: string; parsed: ParsedExport }>();
  const [restoreSettings, setRestoreSettings] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [outcome, setOutcome] = useState<ImportOutcome & { settingsProblems?: string[] }>();
  const [failure, setFailure] = useState<string>();

  const choose = async (chosen: File | undefined) => {
    setOutcome(undefined);
    setFailure(undefined);
    if (!chosen) return setFile(undefined);
    setFile({ name: chosen.name, parsed: parseDataExport(await chosen.text()) });
  };

  const run = async () => {
    if (!file?.parsed.ok) return;
    const { items, settings } = file.parsed;
    setProgress(0);
    try {
      const result: ImportOutcome & { settingsProblems?: string[] } = await importItems(api, items, setProgress);
      if (restoreSettings && settings !== undefined) {
        const migrated = migrateSettings(settings);
        const saved = await api.saveSettings(migrated.settings);
        result.settingsProblems = saved.ok ? migrated.problems : Object.entries(saved.errors).map(([field, why]) => `${field}: ${why}`);
      }
      setOutcome(result);
      onImported();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(undefined);
    }
  };

  const parsed = file?.parsed;
  return (
    <div>
      <h3>{t('options.data.import')}</h3>
      <p className="note">{t('options.data.importHint')}</p>
      <label htmlFor="backup-file">{t('options.data.importFile')}</label>{' '}
      <input id="backup-file" type="file" accept="application/json,.json" onChange={(event) => void choose(event.target.files?.[0])} />
      {parsed && !parsed.ok && (
        <p className="problem" role="alert">
          {t('options.data.importBad', { reason: parsed.error })}
        </p>
      )}
      {parsed?.ok && (
        <div className="record-form">
          <p>
            {t('options.data.importSummary', { count: parsed.items.length })}
            {parsed.exportedAt !== undefined && ` · ${t('options.data.exportedAt', { when: dateTime(parsed.exportedAt) })}`}
          </p>
          {parsed.settings !== undefined && (
            <label className="check">
              <input type="checkbox" checked={restoreSettings} onChange={(event) => setRestoreSettings(event.target.checked)} />
              {t('options.data.restoreSettings')}
            </label>
          )}
          <button type="button" className="primary" disabled={progress !== undefined} onClick={() => void run()}>
            {t('options.data.importRun')}
          </button>
          {progress !== undefined && <progress max={parsed.items.length} value={progress} aria-label={t('options.data.import')} />}
        </div>
      )}
      {failure && (
        <p className="problem" role="alert">
          {failure}
        </p>
      )}
      {outcome && (
        <div role="status" className="import-outcome">
          <p>{t('options.data.imported', { count: outcome.imported })}</p>
          {outcome.rejected > 0 && <p className="warn">{t('options.data.rejected', { count: outcome.rejected })}</p>}
          {outcome.settingsProblems?.map((problem) => (
            <p key={problem} className="note">
              {problem}
            </p>
          ))}
        </div>
      )}
      {outcome && outcome.rejects.length > 0 && (
        <>
          <table className="grid">
            <caption>{t('options.data.rejects')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.data.rejectPlace')}</th>
                <th scope="col">{t('options.data.rejectType')}</th>
                <th scope="col">{t('options.data.rejectId')}</th>
                <th scope="col">{t('options.data.rejectReason')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.rejects.slice(0, REJECTS_SHOWN).map((reject) => (
                <tr key={reject.index}>
                  <td>{number(reject.index + 1)}</td>
                  <td>{reject.type}</td>
                  <td>{reject.externalId ?? '—'}</td>
                  <td>{reject.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              api.download(
                `kpi-lens-import-rejects-${fileDate(api.now())}.csv`,
                new Blob(
                  [
                    recordsToCsv(
                      outcome.rejects.map((reject) => ({ place: reject.index + 1, type: reject.type, externalId: reject.externalId, reason: reject.reason })),
                      ['place'],
                    ),
                  ],
                  { type: 'text/csv' },
                ),
              )
            }
          >
            {t('options.data.rejectsDownload')}
          </button>
        </>
      )}
    </div>
  );
}
