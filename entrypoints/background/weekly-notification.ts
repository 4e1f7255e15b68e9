import { browser, type Browser } from 'wxt/browser';
import { nextWeeklyNoticeAt, resolveWeek } from '@/lib/export';
import { resolveLocale, weeklyNotificationWords } from '@/lib/i18n';
import { type Settings, effectiveTimeZone, loadSettings, watchSettings } from '@/lib/settings';
import { calendarOf } from '@/lib/views';

export const WEEKLY_ALARM = 'weekly-summary';
/** One id: a notice shown twice (a missed alarm caught up at start-up and fired too) replaces itself. */
export const WEEKLY_NOTIFICATION = 'weekly-summary';
/** A notice more than this late (the browser was closed all Monday) is not worth showing any more. */
export const MAX_LATENESS_MS = 24 * 3_600_000;

export type WeeklyNotificationDeps = { now: () => number; browserZone: () => string; language?: string };

/**
 * The opt-in Monday-morning notice "Your weekly summary is ready" (settings.weeklySummaryNotification):
 * an alarm at the next Monday 08:30 in the rep's time zone, set again after each notice and whenever
 * the settings change; clicking the notice opens the summary page. Opting out clears the alarm.
 */
export function setupWeeklyNotification(deps: WeeklyNotificationDeps): { ready: Promise<void> } {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEEKLY_ALARM) void onAlarm(deps, alarm.scheduledTime);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === WEEKLY_NOTIFICATION) void openSummaryPage();
  });
  watchSettings((settings) => void scheduleWeeklyNotice(settings, deps));
  return { ready: loadSettings().then((settings) => catchUp(settings, deps)) };
}

/** Sets the alarm to the next Monday 08:30 (or clears it when the rep has not opted in); returns when. */
export async function scheduleWeeklyNotice(settings: Settings, deps: WeeklyNotificationDeps): Promise<number | undefined> {
  if (!settings.weeklySummaryNotification) {
    await browser.alarms.clear(WEEKLY_ALARM);
    return undefined;
  }
  const when = nextWeeklyNoticeAt(deps.now(), effectiveTimeZone(settings, deps.browserZone()));
  const existing = await browser.alarms.get(WEEKLY_ALARM);
  if (existing?.scheduledTime !== when) await browser.alarms.create(WEEKLY_ALARM, { when });
  return when;
}

/** Shows the notice in the rep's language, naming the week it covers. */
export async function showWeeklyNotice(settings: Settings, deps: WeeklyNotificationDeps): Promise<void> {
  const { week } = resolveWeek(undefined, deps.now(), calendarOf(settings, deps.browserZone()));
  await browser.notifications.create(WEEKLY_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon-128.png'),
    ...weeklyNotificationWords(resolveLocale(settings.locale, deps.language), week.label),
  });
}

export async function openSummaryPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/summary.html') });
}

async function onAlarm(deps: WeeklyNotificationDeps, scheduledTime: number): Promise<void> {
  const settings = await loadSettings();
  if (settings.weeklySummaryNotification && deps.now() - scheduledTime <= MAX_LATENESS_MS) await showWeeklyNotice(settings, deps);
  await scheduleWeeklyNotice(settings, deps);
}

/**
 * At start-up: an alarm whose time passed while the browser or the worker was away is handled now
 * (browsers do not promise to fire it), then the next one is set.
 */
async function catchUp(settings: Settings, deps: WeeklyNotificationDeps): Promise<void> {
  const existing: Browser.alarms.Alarm | undefined = await browser.alarms.get(WEEKLY_ALARM);
  if (existing && existing.scheduledTime <= deps.now()) await onAlarm(deps, existing.scheduledTime);
  else await scheduleWeeklyNotice(settings, deps);
}
