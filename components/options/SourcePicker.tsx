import { useState } from 'react';
import type { SourceStatus } from '@/lib/messaging';
import { useI18n } from '../common/i18n';
import { useOptionsApi } from './api';

/**
 * Which source's data the targets and inputs below are about: quotas, spend
 * and costs are records of one source (a CRM account, an import, the demo).
 * Without any source yet, the demo data is one click away.
 */
export function SourcePicker({
  sources,
  source,
  onChoose,
  onDemoLoaded,
}: {
  sources: SourceStatus[] | undefined;
  source: string | undefined;
  onChoose: (source: string) => void;
  onDemoLoaded: () => void;
}) {
  const { t } = useI18n();
  const api = useOptionsApi();
  const [loaded, setLoaded] = useState<number>();
  if (sources === undefined) return null;
  if (sources.length === 0) {
    return (
      <section className="options-section" aria-labelledby="source-title">
        <h2 id="source-title">{t('options.source.title')}</h2>
        <p>{t('options.noConnections')}</p>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void api.loadDemo().then((reply) => {
              setLoaded(reply.records);
              onDemoLoaded();
            })
          }
        >
          {t('empty.demo')}
        </button>
        {loaded !== undefined && <p role="status">{t('options.demoLoaded', { count: loaded })}</p>}
      </section>
    );
  }
  return (
    <section className="options-section source-picker" aria-labelledby="source-title">
      <h2 id="source-title">{t('options.source.title')}</h2>
      <label htmlFor="options-source">{t('options.source.label')}</label>{' '}
      <select id="options-source" value={source} onChange={(event) => onChoose(event.target.value)}>
        {sources.map((candidate) => (
          <option key={candidate.source} value={candidate.source}>
            {candidate.label} ({candidate.crm}) · {t('popup.records', { count: candidate.records })}
          </option>
        ))}
      </select>
      <p className="note">{t('options.source.hint')}</p>
    </section>
  );
}
