import { useRef, useState } from 'react';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';

type Level = 'data' | 'everything';

/**
 * Deleting, at two levels, each behind a confirmation that says what goes:
 * the synced data (connections and settings stay, the next sync brings the
 * data back), or everything KPI Lens keeps in this browser.
 */
export function DeleteData({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useI18n();
  const api = useOptionsApi();
  const [confirming, setConfirming] = useState<Level>();
  const [done, setDone] = useState<Level>();
  const [failure, setFailure] = useState<string>();
  const confirmButton = useRef<HTMLButtonElement>(null);

  const ask = (level: Level) => {
    setConfirming(level);
    setDone(undefined);
    requestAnimationFrame(() => confirmButton.current?.focus());
  };
  const run = async (level: Level) => {
    try {
      if (level === 'data') await api.deleteData();
      else await api.eraseEverything();
      setDone(level);
      setFailure(undefined);
      onDeleted();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setConfirming(undefined);
    }
  };

  return (
    <div>
      <h3>{t('options.data.delete')}</h3>
      <p>
        <button type="button" className="danger" onClick={() => ask('data')}>
          {t('options.data.deleteData')}
        </button>{' '}
        <button type="button" className="danger" onClick={() => ask('everything')}>
          {t('options.data.deleteEverything')}
        </button>
      </p>
      {confirming && (
        <div role="alertdialog" aria-labelledby="delete-confirm-text" className="confirm">
          <p id="delete-confirm-text">{t(confirming === 'data' ? 'options.data.confirmData' : 'options.data.confirmEverything')}</p>
          <button ref={confirmButton} type="button" className="danger" onClick={() => void run(confirming)}>
            {t('options.data.confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>
            {t('options.cancel')}
          </button>
        </div>
      )}
      <p role="status">{done === 'data' ? t('options.data.deletedData') : done === 'everything' ? t('options.data.deletedEverything') : ''}</p>
      {failure && (
        <p className="problem" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
