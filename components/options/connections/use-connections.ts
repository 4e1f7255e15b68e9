import { useCallback, useEffect, useState } from 'react';
import type { ConnectionView } from '../../../lib/connections/views';
import type { ConnectionsApi } from './api';

/** The connections with their sync status: asked again when a status moves, and every few seconds. */
export function useConnections(api: ConnectionsApi, refreshMs = 5_000): { connections: ConnectionView[] | undefined; error?: string; refresh: () => void } {
  const [connections, setConnections] = useState<ConnectionView[]>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(() => {
    api.list().then(
      (list) => {
        setConnections(list);
        setError(undefined);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [api]);
  useEffect(() => {
    refresh();
    const stop = api.watch(refresh);
    const timer = setInterval(refresh, refreshMs);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [api, refresh, refreshMs]);
  return { connections, error, refresh };
}
