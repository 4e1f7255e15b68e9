import { useI18n } from '../../common/i18n';
import { ConnectionsApiContext, useConnectionsApi, type ConnectionsApi } from './api';
import { ConnectForm } from './ConnectForm';
import { ConnectionCard } from './ConnectionCard';
import './connections.css';
import { useConnections } from './use-connections';

export type { ConnectionsApi } from './api';

/**
 * Options → Connections: every connected CRM (what it signs in as, its sync,
 * Test / Sync now / Disconnect) and the form to connect another one. `api`
 * replaces the browser and the background in tests.
 */
export function ConnectionsSection({ api }: { api?: ConnectionsApi }) {
  const fallback = useConnectionsApi();
  return (
    <ConnectionsApiContext.Provider value={api ?? fallback}>
      <Connections />
    </ConnectionsApiContext.Provider>
  );
}

function Connections() {
  const { t } = useI18n();
  const api = useConnectionsApi();
  const { connections, error, refresh } = useConnections(api);
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
