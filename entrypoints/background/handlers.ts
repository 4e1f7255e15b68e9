import { browser, type Browser } from 'wxt/browser';
import { detectCrm } from '../../lib/connections/registry';
import { listConnections, saveConnection } from '../../lib/connections/store';
import { sourceOf } from '../../lib/connections/types';
import type { KpiLensDb } from '../../lib/db/db';
import { isRunActive } from '../../lib/sync/engine';
import type { Request, Responses, SourceStatus } from '../../lib/messaging/protocol';
import type { createSyncScheduler } from '../../lib/sync/scheduler';
import type { createViewService } from '../../lib/views/service';
import type { createDataVersions } from './data-version';
import type { createStatusCache } from './status-cache';
import { DEMO_SOURCE, loadDemoData } from './demo';
import { onFirstConnect } from './onboarding';
import { SANDBOX_ALLOWED } from './registration';

/** A source synced longer ago than this is refreshed when its CRM page opens. */
const REFRESH_AFTER_MS = 10 * 60_000;

type Deps = {
  db: KpiLensDb;
  scheduler: ReturnType<typeof createSyncScheduler>;
  views: ReturnType<typeof createViewService>;
  versions: ReturnType<typeof createDataVersions>;
  statuses: ReturnType<typeof createStatusCache>;
};
export type Handlers = ReturnType<typeof createHandlers>;

export function createHandlers({ db, scheduler, views, versions, statuses }: Deps) {
  async function pageOpened(sender: Browser.runtime.MessageSender): Promise<Responses['page/opened']> {
    // Trust the browser's record of the sender's URL, not the URL in the message.
    const detected = sender.url ? detectCrm(sender.url, { allowSandbox: SANDBOX_ALLOWED }) : null;
    if (!detected) return { source: null };
    const source = sourceOf(detected.crm, detected.account);
    const known = (await listConnections()).some((connection) => connection.source === source);
    // Pages on the sandbox (development and test builds) and CRMs whose host the rep
    // granted use the rep's own session; nothing to enter.
    if (!known) {
      await saveConnection({ source, crm: detected.crm, account: detected.account, apiBase: detected.apiBase, appUrl: detected.appUrl, auth: { kind: 'session' }, connectedAt: Date.now() });
      await onFirstConnect(db, source, { demoRates: detected.crm === 'sandbox' });
    }
    const status = await statuses.status(source);
    if (!status.syncing && (status.lastSyncAt ?? 0) < Date.now() - REFRESH_AFTER_MS) void scheduler.kick(source);
    return { source };
  }

  async function status(): Promise<Responses['status/get']> {
    const sources: SourceStatus[] = [];
    for (const connection of await listConnections()) {
      const stored = await statuses.status(connection.source);
      sources.push({ source: connection.source, crm: connection.crm, label: connection.account, ...stored });
    }
    const demo = await statuses.status(DEMO_SOURCE);
    if (demo.records > 0) sources.push({ source: DEMO_SOURCE, crm: 'demo', label: 'Demo data', ...demo });
    return { sources };
  }

  async function pinned(request: Extract<Request, { type: 'view/pinned' }>): Promise<Responses['view/pinned']> {
    const [view, all] = await Promise.all([views.pinned(request), status()]);
    return { ...view, status: all.sources.find((candidate) => candidate.source === request.source) ?? null };
  }

  async function toggleSidebar(tabId: number | undefined): Promise<Responses['sidebar/toggle']> {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return { toggled: false };
    try {
      await browser.tabs.sendMessage(id, { type: 'sidebar/toggle' });
      return { toggled: true };
    } catch {
      return { toggled: false }; // not a CRM tab: no content script there
    }
  }

  return {
    async handle(request: Request, sender: Browser.runtime.MessageSender): Promise<Responses[Request['type']]> {
      switch (request.type) {
        case 'page/opened':
          return pageOpened(sender);
        case 'status/get':
          return status();
        case 'sync/start': {
          const outcome = await scheduler.kick(request.source, { full: request.full });
          return { started: outcome === 'started', reason: outcome === 'started' ? undefined : outcome };
        }
        case 'demo/load': {
          const loaded = await loadDemoData(db);
          views.invalidate(DEMO_SOURCE);
          statuses.forget(DEMO_SOURCE);
          versions.bumpNow(DEMO_SOURCE);
          return loaded;
        }
        case 'data/delete-all': {
          const sources = (await status()).sources.map((candidate) => candidate.source);
          await db.delete();
          await db.open();
          await browser.storage.session.clear();
          views.invalidate();
          statuses.forget();
          for (const source of sources) versions.bumpNow(source);
          return { deleted: true };
        }
        case 'view/pinned':
          return pinned(request);
        case 'sidebar/toggle':
          return toggleSidebar(request.tabId);
      }
    },
    async resumeInterruptedSyncs(): Promise<void> {
      for (const connection of await listConnections()) {
        const states = await db.syncState.where('source').equals(connection.source).toArray();
        if (isRunActive(states)) void scheduler.kick(connection.source);
      }
    },
    toggleSidebarInActiveTab: () => toggleSidebar(undefined),
  };
}
