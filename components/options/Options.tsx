import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/protocol';
import { useI18n } from '../common/i18n';
import { useBackgroundStatus } from '../common/use-status';

/** Options: connections, and "Explore with demo data" while no CRM is connected. */
export function Options() {
  const { t, dateTime } = useI18n();
  const { sources, refresh } = useBackgroundStatus();
  const [loaded, setLoaded] = useState<number>();
  const crmSources = sources?.filter((source) => source.source !== 'demo') ?? [];
  const exploreDemo = async () => {
    const reply = (await browser.runtime.sendMessage({ type: 'demo/load' })) as Reply<'demo/load'>;
    if (reply.ok) setLoaded(reply.value.records);
    refresh();
  };
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <section aria-labelledby="connections">
        <h2 id="connections">{t('options.connections')}</h2>
        {crmSources.length === 0 ? (
          <>
            <p>{t('options.noConnections')}</p>
            <button type="button" className="primary" onClick={() => void exploreDemo()}>
              {t('empty.demo')}
            </button>
            {loaded !== undefined && <p role="status">{t('options.demoLoaded', { count: loaded })}</p>}
          </>
        ) : (
          <ul>
            {crmSources.map((source) => (
              <li key={source.source}>
                <strong>{source.label}</strong> ({source.crm}) · {t('popup.records', { count: source.records })} ·{' '}
                {source.lastSyncAt ? t('sync.last', { when: dateTime(source.lastSyncAt) }) : t('sync.never')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="note">{t('options.privacy')}</p>
    </main>
  );
}
