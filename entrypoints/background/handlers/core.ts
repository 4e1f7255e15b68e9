import { browser, type Browser } from 'wxt/browser';
import { supportsSession, detectCrm, listConnections, saveConnection, sourceOf } from '@/lib/connections';
import { forgetDatabaseMark, storageProblemOf } from '@/lib/db';
import type { Responses, SourceStatus } from '@/lib/messaging';
import { markOnce, WORKER_MARKS } from '@/lib/perf';
import { DEMO_SOURCE, loadDemoData } from '../demo';
import { listImportedSources } from './import';
import type { FrameUi } from '../frame-ui';
import { onFirstConnect } from '../onboarding';
import { SANDBOX_ALLOWED } from '../registration';
import type { HandlerDeps, HandlerGroup } from './types';

/** A source synced longer ago than this is refreshed when its CRM page opens. */
const REFRESH_AFTER_MS = 10 * 60_000;

type CoreType = 'page/opened' | 'status/get' | 'sync/start' | 'demo/load' | 'data/delete-all' | 'sidebar/toggle' | 'sidebar/claim';

export async function allStatuses({ statuses, db }: HandlerDeps): Promise<SourceStatus[]> {
  const sources: SourceStatus[] = [];
  for (const connection of await listConnections()) {
    sources.push({ source: connection.source, crm: connection.crm, label: connection.account, ...(await statuses.status(connection.source)) });
  }
  // With the database closed (a full disk), the connected sources still report their problem.
  const importedSources = await listImportedSources(db).catch((error: unknown) => {
    if (storageProblemOf(error)) return [];
    throw error;
  });
  for (const imported of importedSources) {
    sources.push({
      source: imported.source,
      crm: imported.origin,
      label: imported.label,
      importedAt: imported.lastImportAt,
      ...(await statuses.status(imported.source)),
    });
  }
  const demo = await statuses.status(DEMO_SOURCE);
  if (demo.records > 0) sources.push({ source: DEMO_SOURCE, crm: 'demo', label: 'Demo data', ...demo });
  return sources;
}

/**
 * The popup's button and the keyboard shortcut: toggles the sidebar of the CRM the tab shows, when
 * a KPI Lens frame is on it (its content script asked for the frame's state, and the tab is still
 * on that CRM); the frame follows through frame-ui.ts like any other change.
 */
export async function toggleSidebar(frames: FrameUi, tabId: number | undefined): Promise<Responses['sidebar/toggle']> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return { toggled: false };
  const crm = await frames.crmOf(id);
  const url = (await browser.tabs.get(id).catch(() => undefined))?.url;
  if (!crm || !url || detectCrm(url, { allowSandbox: SANDBOX_ALLOWED })?.crm !== crm) return { toggled: false };
  await frames.toggle(crm);
  return { toggled: true };
}

/** `opened`: a connected CRM's page opened in a tab; what its sidebar asks for first is started ahead (views.ts). */
export function coreHandlers(deps: HandlerDeps, opened: (tabId: number | undefined, source: string) => void = () => undefined): HandlerGroup<CoreType> {
  const { db, scheduler, views, versions, statuses, tickets } = deps;

  async function pageOpened(sender: Browser.runtime.MessageSender): Promise<Responses['page/opened']> {
    markOnce(WORKER_MARKS.pageOpened);
    // Trust the browser's record of the sender's URL, not the URL in the message.
    const detected = sender.url ? detectCrm(sender.url, { allowSandbox: SANDBOX_ALLOWED }) : null;
    if (!detected) return { source: null };
    const source = sourceOf(detected.crm, detected.account);
    const known = (await listConnections()).some((connection) => connection.source === source);
    // CRMs with no session API (HubSpot, Close) need a token from the options first; the
    // sidebar shows its empty state saying so.
    const ticket = sender.tab?.id !== undefined ? await tickets.issue(sender.tab.id) : undefined;
    if (!known && !supportsSession(detected.crm)) return { source, ticket };
    // The content script only runs where the rep granted the CRM's host (or on the sandbox in
    // development and test builds): the rep's own session is the credential.
    if (!known) {
      await saveConnection({
        source,
        crm: detected.crm,
        account: detected.account,
        apiBase: detected.apiBase,
        appUrl: detected.appUrl,
        auth: { kind: 'session' },
        connectedAt: Date.now(),
      });
      await onFirstConnect(db, source, { demoRates: detected.crm === 'sandbox' });
    }
    // The sync states alone (no record counting): the sidebar's frame waits for this answer.
    const status = await statuses.syncSummary(source);
    if (!status.syncing && (status.lastSyncAt ?? 0) < Date.now() - REFRESH_AFTER_MS) void scheduler.kick(source);
    if (known) {
      // The source's read starts with this answer (the sidebar's first numbers wait for it), the
      // computation of its pinned numbers once the frame has its state (views.ts).
      views.preload(source);
      opened(sender.tab?.id, source);
    }
    return { source, ticket };
  }

  return {
    'page/opened': (_request, sender) => pageOpened(sender),
    'sidebar/claim': async (request, sender) => ({ trusted: await tickets.check(sender.tab?.id, request.ticket) }),
    'status/get': async () => ({ sources: await allStatuses(deps) }),
    'sync/start': async (request) => {
      const outcome = await scheduler.kick(request.source, { full: request.full });
      return { started: outcome === 'started', reason: outcome === 'started' ? undefined : outcome };
    },
    'demo/load': async () => {
      const loaded = await loadDemoData(db);
      views.invalidate(DEMO_SOURCE);
      statuses.forget(DEMO_SOURCE);
      versions.bumpNow(DEMO_SOURCE);
      void views.keepOrdersAfterWrites(DEMO_SOURCE).catch(() => undefined);
      return loaded;
    },
    'data/delete-all': async () => {
      await scheduler.stop();
      const sources = (await allStatuses(deps)).map((candidate) => candidate.source);
      // The empty database after this is the rep's choice, not a loss to report (lib/db/continuity.ts).
      await forgetDatabaseMark(browser.storage.local);
      await db.delete();
      await db.open();
      await browser.storage.session.clear();
      views.invalidate();
      statuses.forget();
      for (const source of sources) versions.bumpNow(source);
      return { deleted: true };
    },
    'sidebar/toggle': (request) => toggleSidebar(deps.frames, request.tabId),
  };
}
