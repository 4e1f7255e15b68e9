import { useState } from 'react';
import { RECORD_TABLES } from '@/lib/db';
import { RECORD_TYPES, type RecordType } from '@/lib/model';
import type { Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Section } from '../form';
import { DeleteData } from './DeleteData';
import { ImportBackup } from './ImportBackup';
import { QuarantineTable, type QuarantineView } from './QuarantineTable';
import { StorageInfo } from './StorageInfo';
import { exportCsv, exportJson, exportQuarantineCsv, fileDate } from './transfer';

/**
 * Data: what is stored where, how much, the records that could not be read (a table, and their
 * CSV), export (JSON and CSV per table), import, delete.
 */
export function DataSection({
  settings,
  onChanged,
  quarantine,
  quarantinePageSize = 25,
}: {
  settings: Settings;
  onChanged: () => void;
  quarantine?: QuarantineView;
  quarantinePageSize?: number;
}) {
  const { t } = useI18n();
  const api = useOptionsApi();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();

  const download = async (what: string, make: () => Promise<{ name: string; blob: Blob | null }>) => {
    setBusy(what);
    setMessage(undefined);
    try {
      const { name, blob } = await make();
      if (blob) api.download(name, blob);
      else setMessage(t('options.data.emptyTable'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };
  const json = () =>
    download('json', async () => {
      const { blob, records } = await exportJson(api, settings);
      setMessage(t('options.data.exported', { count: records }));
      return { name: `kpi-lens-export-${fileDate(api.now())}.json`, blob };
    });
  const csv = (type: RecordType) =>
    download(type, async () => ({ name: `kpi-lens-${RECORD_TABLES[type]}-${fileDate(api.now())}.csv`, blob: await exportCsv(api, type) }));

  const quarantineCsv = () =>
    download('quarantine', async () => ({ name: `kpi-lens-not-read-${fileDate(api.now())}.csv`, blob: await exportQuarantineCsv(api) }));

  return (
    <Section id="data" title={t('options.data.title')}>
      <h3>{t('options.data.where')}</h3>
      <ul className="statement">
        <li>{t('options.data.where.records')}</li>
        <li>{t('options.data.where.settings')}</li>
        <li>{t('options.data.where.session')}</li>
        <li>{t('options.data.where.nothingElse')}</li>
      </ul>
      <StorageInfo />
      {quarantine && (
        <QuarantineTable
          view={quarantine}
          pageSize={quarantinePageSize}
          download={
            <button type="button" disabled={busy !== undefined} onClick={() => void quarantineCsv()}>
              {t('options.data.quarantineCsv')}
            </button>
          }
        />
      )}
      <h3>{t('options.data.export')}</h3>
      <p className="note">{t('options.data.exportHint')}</p>
      <p>
        <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void json()}>
          {t('options.data.exportJson')}
        </button>
      </p>
      <ul className="csv-list" aria-label={t('options.data.exportCsv')}>
        {RECORD_TYPES.map((type) => (
          <li key={type}>
            <button type="button" disabled={busy !== undefined} onClick={() => void csv(type)}>
              {t('options.data.csvOf', { table: RECORD_TABLES[type] })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{busy ? t('options.data.working') : (message ?? '')}</p>
      <ImportBackup onImported={onChanged} />
      <DeleteData onDeleted={onChanged} />
    </Section>
  );
}
