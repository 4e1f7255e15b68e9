import { useState } from 'react';
import type { ImportedSource } from '@/lib/messaging';
import { useI18n } from '../../common/i18n';

/** Sources made from files and tables: open their numbers, or delete them (asked twice). */
export function ImportedSources({
  sources,
  numbersUrl,
  onDelete,
}: {
  sources: ImportedSource[];
  numbersUrl: (source: string) => string;
  onDelete: (source: string) => Promise<void>;
}) {
  const { t, dateTime } = useI18n();
  const [confirming, setConfirming] = useState<string>();
  if (sources.length === 0) return null;
  return (
    <table className="grid import-sources">
      <caption>{t('import.existing')}</caption>
      <tbody>
        {sources.map((entry) => (
          <tr key={entry.source}>
            <th scope="row">
              {entry.label}
              <br />
              <code>{entry.source}</code>
            </th>
            <td>
              {t('popup.records', { count: entry.imported })} · {t('import.lastImport', { when: dateTime(entry.lastImportAt) })}
            </td>
            <td>
              <a href={numbersUrl(entry.source)} target="_blank" rel="noreferrer">
                {t('import.open')}
              </a>
            </td>
            <td>
              {confirming === entry.source ? (
                <span className="inline">
                  <button type="button" className="danger" onClick={() => void onDelete(entry.source).finally(() => setConfirming(undefined))}>
                    {t('options.data.confirmYes')}
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>
                    {t('options.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" aria-label={`${t('import.delete')}: ${entry.source}`} onClick={() => setConfirming(entry.source)}>
                  {t('import.delete')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
