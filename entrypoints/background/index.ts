// First: marks when the bundle begins to run (script-start.ts).
import './script-start';
import { browser } from 'wxt/browser';
import {
  openDb,
  DB_NAME,
  SCHEMA_VERSIONS,
  createColumnBuilder,
  saveOrders,
  loadKpiData,
  loadLateTables,
  reloadColumnRecords,
  readRecordsById,
  forgetSlotIndexes,
  watchContinuity,
} from '@/lib/db';
import { markOnce, WORKER_MARKS } from '@/lib/perf';
import { loadSettings } from '@/lib/settings';
import { createSyncScheduler } from '@/lib/sync';
import { createViewService } from '@/lib/views';
import { createDataVersions } from './data-version';
import { createFrameTickets } from './frame-tickets';
import { browserFrameUi } from './frame-ui';
import { createStatusCache } from './status-cache';
import { createHandlers } from './handlers';
import { buildSyncJob } from './jobs';
import { syncContentScripts } from './registration';
import { listen } from './router';
import { setupWeeklyNotification } from './weekly-notification';
import { withFailableUpgrades } from './test-upgrade-hook';
import { closeStorageToContentScripts } from './storage-access';

/**
 * The single writer: owns the database, runs syncs, answers the extension's
 * pages. Wiring only; the logic lives in lib/.
 */
/**
 * The browser's time zone, found on first use: the first ask loads ICU's zone data (about 10 ms), and
 * a cold worker should not pay that before it can take the page's message.
 */
let zone: string | undefined;
const browserZone = () => (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

export default defineBackground(() => {
  // Before anything else: content scripts may not read or write storage.local (forgotten at every browser restart).
  void closeStorageToContentScripts();
  // Test builds can make an upgrade fail on purpose (see test-upgrade-hook.ts); production builds drop it.
  const db = import.meta.env.MODE === 'test' ? openDb(DB_NAME, withFailableUpgrades(SCHEMA_VERSIONS)) : openDb();
  // A database the browser replaced by an empty one (damaged files) is said to the rep (lib/db/continuity.ts).
  watchContinuity(db, browser.storage.local, () => Date.now());
  const views = createViewService({
    loadData: async (source) => {
      markOnce(WORKER_MARKS.readStarted);
      const data = await loadKpiData(db, source, { whole: true, lateTables: false });
      markOnce(WORKER_MARKS.dataLoaded);
      return data;
    },
    loadLate: (source) => loadLateTables(db, source),
    reloadType: (source, type) => reloadColumnRecords(db, source, type),
    readRecords: (source, type, ids) => readRecordsById(db, source, type, ids),
    saveOrders: (source, type, generation, orders) => saveOrders(db, source, type, generation, orders),
    loadSettings,
    now: () => Date.now(),
    browserZone,
  });
  const versions = createDataVersions();
  const statuses = createStatusCache(db);
  const scheduler = createSyncScheduler({
    withLock: async (name, task) =>
      (await navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await task();
        return true;
      })) as boolean,
    jobFor: (source) => buildSyncJob(db, source, (write) => views.applyWrite(source, write.batch, write.deleted)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    wakeAt: async (source, when) => {
      await browser.alarms.create(`sync:${source}`, { when });
    },
    cancelWake: async (source) => {
      await browser.alarms.clear(`sync:${source}`);
    },
    onStarted: (source) => statuses.runStarted(source),
    onProgress: (source) => versions.bumpSoon(source),
    onFinished: (source, result) => {
      // A sync's id → slot maps (tens of MB for a big account) go with it; the next sync reads them again.
      forgetSlotIndexes();
      // The status is told before the pages are (the version's bump): a page asking then sees the stop.
      void statuses
        .runFinished(source, result)
        .catch(() => undefined)
        .finally(() => versions.bumpNow(source));
      void browser.storage.session.set({ [`sync-result:${source}`]: { ...result, at: Date.now() } });
      // The next cold start's sorted orders, for what this run wrote (a sliced run goes on and sorts at its end).
      if (result.status !== 'sliced') void views.keepOrdersAfterWrites(source).catch(() => undefined);
    },
  });
  // Databases from before the column store get their columns after the upgrade, with progress in the status.
  const columns = createColumnBuilder({
    db,
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    onProgress: (source) => {
      statuses.forget(source);
      versions.bumpSoon(source);
    },
    onReady: (source) => {
      views.invalidate(source);
      versions.bumpNow(source);
      void views.keepOrdersAfterWrites(source).catch(() => undefined);
    },
  });
  void columns.run().catch(() => undefined);
  const tickets = createFrameTickets();
  const frames = browserFrameUi();
  browser.tabs.onRemoved.addListener((tabId) => {
    void tickets.forget(tabId);
    void frames.forget(tabId);
  });
  // Every change of a CRM's sidebar state reaches the content scripts framing it (they cannot watch storage).
  browser.storage.onChanged.addListener((changes, area) => void frames.changed(changes, area));
  const handlers = createHandlers({ db, scheduler, views, versions, statuses, tickets, frames });
  listen(handlers);
  setupWeeklyNotification({ now: () => Date.now(), browserZone, language: navigator.language });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith('sync:')) void scheduler.kick(alarm.name.slice('sync:'.length));
    if (alarm.name === 'sync-watchdog') {
      void handlers.resumeInterruptedSyncs();
      void columns.run().catch(() => undefined);
    }
  });
  // A worker stopped mid-sync is woken by this alarm and resumes from the stored cursor.
  void browser.alarms.create('sync-watchdog', { periodInMinutes: 1 });
  void handlers.resumeInterruptedSyncs();

  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void handlers.toggleSidebarInActiveTab();
  });
  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  markOnce(WORKER_MARKS.ready);
});
