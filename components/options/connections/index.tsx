import { useI18n } from '../../common/i18n';
import { useOptions } from '../store';
import { ConnectForm } from './ConnectForm';
import { ConnectionCard } from './ConnectionCard';
import './connections.css';

export type { ConnectionsApi } from './api';

/**
 * Options → Connections: every connected CRM (what it signs in as, its sync,
 * Test / Sync now / Disconnect) and the form to connect another one. The list
 * is the options store's; the actions go through the ConnectionsApi of the
 * page's OptionsScope (a fake background in tests).
 */
export function ConnectionsSection() {
  const { t } = useI18n();
  const { value: connections, error } = useOptions((state) => state.answers.connections);
  const { refreshConnections: refresh } = useOptions((state) => state.actions);
  return (
    <section aria-labelledby="connections-heading" className="connections">
      <h2 id="connections-heading">{t('options.connections')}</h2>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {connections === undefined ? (
        <p className="note">{t('sidebar.loading')}</p>
      ) : connections.length === 0 ? (
        <p className="note">{t('conn.none')}</p>
      ) : (
        <ul className="connection-list">
          {connections.map((connection) => (
            <li key={connection.source}>
              <ConnectionCard connection={connection} onChanged={refresh} />
            </li>
          ))}
        </ul>
      )}
      <ConnectForm onConnected={refresh} />
    </section>
  );
}
