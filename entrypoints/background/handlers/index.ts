import type { Browser } from 'wxt/browser';
import { reopenIfClosed } from '@/lib/db';
import { isRunActive } from '@/lib/sync';
import { listConnections } from '@/lib/connections';
import type { Request, RequestType, Responses } from '@/lib/messaging';
import { connectionHandlers } from './connections';
import { coreHandlers, toggleSidebar } from './core';
import type { Handler, HandlerDeps } from './types';
import { createPinnedPath, viewHandlers } from './views';
import { importHandlers } from './import';
import { summaryHandlers } from './summary';
import { optionsHandlers } from './options';
import { frameHandlers } from './frame';
import { forecastHandlers } from './forecast';

export type { HandlerDeps } from './types';

/** Every request type has exactly one handler; one file per feature. */
export function createHandlers(deps: HandlerDeps) {
  const pinnedPath = createPinnedPath(deps);
  const table: { [T in RequestType]: Handler<T> } = {
    ...coreHandlers(deps, pinnedPath.pageOpened),
    ...viewHandlers(deps, pinnedPath),
    ...connectionHandlers(deps),
    ...importHandlers(deps),
    ...summaryHandlers(deps),
    ...optionsHandlers(deps),
    ...frameHandlers(deps, pinnedPath.framed),
    ...forecastHandlers(deps),
  };
  return {
    async handle(request: Request, sender: Browser.runtime.MessageSender): Promise<Responses[RequestType]> {
      await reopenIfClosed(deps.db);
      // The table is keyed by type, so the handler found always takes this request's type.
      const handler = table[request.type] as (request: Request, sender: Browser.runtime.MessageSender) => Promise<Responses[RequestType]>;
      return handler(request, sender);
    },
    async resumeInterruptedSyncs(): Promise<void> {
      await reopenIfClosed(deps.db);
      for (const connection of await listConnections()) {
        const states = await deps.db.syncState.where('source').equals(connection.source).toArray();
        // A run that stopped on a full disk but could not record it still looks active: it waits for the rep.
        if (isRunActive(states) && !(await deps.statuses.stoppedOnFullDisk(connection.source))) void deps.scheduler.kick(connection.source);
      }
    },
    toggleSidebarInActiveTab: () => toggleSidebar(deps.frames, undefined),
  };
}
export type Handlers = ReturnType<typeof createHandlers>;
