import type { Browser } from 'wxt/browser';
import type { KpiLensDb } from '@/lib/db';
import type { RequestOf, RequestType, Responses } from '@/lib/messaging';
import type { createSyncScheduler } from '@/lib/sync';
import type { createViewService } from '@/lib/views';
import type { createDataVersions } from '../data-version';
import type { FrameTickets } from '../frame-tickets';
import type { FrameUi } from '../frame-ui';
import type { createStatusCache } from '../status-cache';

/** What every handler may use: the background's single database and services. */
export type HandlerDeps = {
  db: KpiLensDb;
  scheduler: ReturnType<typeof createSyncScheduler>;
  views: ReturnType<typeof createViewService>;
  versions: ReturnType<typeof createDataVersions>;
  statuses: ReturnType<typeof createStatusCache>;
  tickets: FrameTickets;
  /** The sidebar frame's state, for the CRM content scripts (they read no extension storage). */
  frames: FrameUi;
};

export type Handler<T extends RequestType> = (request: RequestOf<T>, sender: Browser.runtime.MessageSender) => Promise<Responses[T]>;

/** A feature's handlers, keyed by the request types it answers. */
export type HandlerGroup<T extends RequestType> = { [K in T]: Handler<K> };
