import { useCallback, useEffect, useState } from 'react';
import { intlTag } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';

/**
 * How much this browser stores for KPI Lens, and whether the browser may evict
 * it under storage pressure. "Persisted" storage is only cleared by the rep.
 */
export function StorageInfo() {
  const { t, locale } = useI18n();
  const api = useOptionsApi();
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number }>();
  const [persisted, setPersisted] = useState<boolean>();
  const [asked, setAsked] = useState<boolean>();
  const refresh = useCallback(() => {
    void api.storage.estimate().then(setEstimate, () => setEstimate({}));
    void api.storage.persisted().then(setPersisted, () => setPersisted(undefined));
  }, [api]);
  useEffect(refresh, [refresh]);
  const size = (bytes: number | undefined) =>
    bytes === undefined ? '—' : new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);

  return (
    <div>
      <h3>{t('options.data.storage')}</h3>
      <dl className="pairs">
        <dt>{t('options.data.used')}</dt>
        <dd data-storage="usage">{size(estimate?.usage)}</dd>
        <dt>{t('options.data.available')}</dt>
        <dd>{size(estimate?.quota)}</dd>
        <dt>{t('options.data.persisted')}</dt>
        <dd data-storage="persisted">{persisted === undefined ? '—' : persisted ? t('options.data.persistedYes') : t('options.data.persistedNo')}</dd>
      </dl>
      {persisted === false && (
        <p>
          <button
            type="button"
            onClick={() =>
              void api.storage.persist().then((granted) => {
                setAsked(granted);
                refresh();
              })
            }
          >
            {t('options.data.persist')}
          </button>{' '}
          <span role="status">{asked === false ? t('options.data.persistRefused') : ''}</span>
        </p>
      )}
      <p className="note">{t('options.data.persistHint')}</p>
    </div>
  );
}
