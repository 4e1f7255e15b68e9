import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION } from '@/lib/settings';
import { MAX_LATENESS_MS, WEEKLY_ALARM, WEEKLY_NOTIFICATION, setupWeeklyNotification } from './weekly-notification';

const HOUR = 3_600_000;
let now = 0;
const deps = { now: () => now, browserZone: () => 'Europe/Berlin', language: 'en-US' };

async function saveSettings(patch: Record<string, unknown>) {
  await fakeBrowser.storage.local.set({ settings: { version: SETTINGS_VERSION, ...patch } });
}
/** An alarm as the browser reports it firing. */
const fired = (name: string, scheduledTime: number) => ({ name, scheduledTime, persistAcrossSessions: true });
const alarm = () => fakeBrowser.alarms.get(WEEKLY_ALARM);
const notices = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string; iconUrl: string }> }
  ).getAllCreateOptions();

beforeEach(() => {
  fakeBrowser.reset();
  // Thu 20 Mar 2025 12:00 in Berlin (CET, UTC+1).
  now = Date.UTC(2025, 2, 20, 11);
});

describe('the Monday-morning weekly summary notice', () => {
  it('stays silent until the rep opts in', async () => {
    await setupWeeklyNotification(deps).ready;
    expect(await alarm()).toBeUndefined();
  });

  it('opting in sets an alarm for the next Monday 08:30 in the rep zone; opting out clears it', async () => {
    await setupWeeklyNotification(deps).ready;
    await saveSettings({ weeklySummaryNotification: true });
    // Mon 24 Mar 2025 08:30 CET = 07:30Z.
    await vi.waitFor(async () => expect((await alarm())?.scheduledTime).toBe(Date.UTC(2025, 2, 24, 7, 30)));
    // The rep's own zone setting wins over the browser's: 08:30 in New York (EDT, UTC−4) = 12:30Z.
    await saveSettings({ weeklySummaryNotification: true, timeZone: 'America/New_York' });
    await vi.waitFor(async () => expect((await alarm())?.scheduledTime).toBe(Date.UTC(2025, 2, 24, 12, 30)));
    await saveSettings({ weeklySummaryNotification: false });
    await vi.waitFor(async () => expect(await alarm()).toBeUndefined());
  });

  it('shows the notice when the alarm fires, then sets the next one 08:30 local across the clock change', async () => {
    await saveSettings({ weeklySummaryNotification: true });
    await setupWeeklyNotification(deps).ready;
    const first = (await alarm())!.scheduledTime;
    now = first;
    await fakeBrowser.alarms.onAlarm.trigger(fired(WEEKLY_ALARM, first));
    await vi.waitFor(() => expect(notices()[WEEKLY_NOTIFICATION]).toBeDefined());
    const notice = notices()[WEEKLY_NOTIFICATION]!;
    expect(notice.title).toBe('Your weekly summary is ready');
    // On Mon 24 Mar the last full week is 17–23 March, ISO 2025-W12.
    expect(notice.message).toBe('Activities, deals, quota and pipeline of 2025-W12. Click to open it.');
    expect(notice.iconUrl).toMatch(/\/icon-128\.png$/);
    // Berlin springs forward on 30 Mar: the next notice is Mon 31 Mar 08:30 CEST = 06:30Z, 7 days less an hour later.
    await vi.waitFor(async () => expect((await alarm())?.scheduledTime).toBe(Date.UTC(2025, 2, 31, 6, 30)));
    expect((await alarm())!.scheduledTime - first).toBe(7 * 24 * HOUR - HOUR);
  });

  it('speaks the rep language', async () => {
    await saveSettings({ weeklySummaryNotification: true, locale: 'ru' });
    await setupWeeklyNotification(deps).ready;
    now = Date.UTC(2025, 2, 24, 7, 30);
    await fakeBrowser.alarms.onAlarm.trigger(fired(WEEKLY_ALARM, now));
    await vi.waitFor(() => expect(notices()[WEEKLY_NOTIFICATION]?.title).toBe('Недельная сводка готова'));
  });

  it('opens the summary page when the notice is clicked', async () => {
    await setupWeeklyNotification(deps).ready;
    await fakeBrowser.notifications.onClicked.trigger(WEEKLY_NOTIFICATION);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/summary.html')));
  });

  it('skips a notice a whole day late, and ignores other alarms', async () => {
    await saveSettings({ weeklySummaryNotification: true });
    await setupWeeklyNotification(deps).ready;
    const due = Date.UTC(2025, 2, 24, 7, 30);
    now = due + MAX_LATENESS_MS + 1;
    await fakeBrowser.alarms.onAlarm.trigger(fired(WEEKLY_ALARM, due));
    await fakeBrowser.alarms.onAlarm.trigger(fired('sync:pipedrive:acme', due));
    await vi.waitFor(async () => expect((await alarm())?.scheduledTime).toBe(Date.UTC(2025, 2, 31, 6, 30)));
    expect(notices()).toEqual({});
  });

  it('catches up at start-up with an alarm that came due while the browser was away', async () => {
    await saveSettings({ weeklySummaryNotification: true });
    const due = Date.UTC(2025, 2, 24, 7, 30);
    await fakeBrowser.alarms.create(WEEKLY_ALARM, { when: due });
    now = due + 2 * HOUR; // the browser starts at 10:30
    await setupWeeklyNotification(deps).ready;
    expect(notices()[WEEKLY_NOTIFICATION]).toBeDefined();
    expect((await alarm())?.scheduledTime).toBe(Date.UTC(2025, 2, 31, 6, 30));
  });
});
