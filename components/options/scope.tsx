import type { ReactNode } from 'react';
import { useCreated } from '../common/page-store';
import { browserOptionsApi, OptionsApiContext, type OptionsApi } from './api';
import { browserConnectionsApi, ConnectionsApiContext, type ConnectionsApi } from './connections/api';
import { createOptionsStore, OptionsStoreProvider } from './store';

/**
 * What the options page's sections share: the page store and the APIs it and their actions use
 * (the browser and the background, or fakes in tests).
 */
export function OptionsScope({
  api = browserOptionsApi,
  connections = browserConnectionsApi,
  children,
}: {
  api?: OptionsApi;
  connections?: ConnectionsApi;
  children: ReactNode;
}) {
  const store = useCreated(() => createOptionsStore(api, connections));
  return (
    <OptionsApiContext.Provider value={api}>
      <ConnectionsApiContext.Provider value={connections}>
        <OptionsStoreProvider store={store}>{children}</OptionsStoreProvider>
      </ConnectionsApiContext.Provider>
    </OptionsApiContext.Provider>
  );
}
