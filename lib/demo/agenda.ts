import { DAY_MS } from '../period/units';
import { anyTime, HOUR, workDayShareBefore } from './calendar';
import { speaksRussian } from './company';
import type { DemoContext } from './context';
import type { DealTrack } from './deals';
import { makeActivity, type ActivityDraft, type ActivityKind } from './activity-make';
import type { RepProfile } from './org';
import type { Rng } from './random';

/** Working days the rep's usual day is read from. */
const USUAL_DAYS = 20;
const COUNTED: ReadonlySet<string> = new Set(['call', 'email', 'meeting']);

/**
 * The signed-in rep's day, as it would look at asOf's hour: on a working day, about
 * the share of her usual calls, emails and meetings that fits the hours gone (none
 * before 8:00, all of it by the evening), a demo booked once the day has begun, and
 * the next steps still on the calendar. On a weekend or holiday, at most an email or
 * two. The rest of the data is random; this makes the first look at "today" typical.
 */
export function agendaActivities(ctx: DemoContext, rng: Rng, rep: RepProfile, deals: readonly DealTrack[], out: ActivityDraft[]): void {
  const { asOf, cal } = ctx;
  const index = cal.dayIndexAt(asOf);
  const today = cal.day(index);
  // Prefer deals opened before today; nothing is ever logged on a deal before it existed.
  const live = deals.filter((track) => track.rep.id === rep.id && track.deal.status === 'open' && !track.timeline.stalled);
  const older = live.filter((track) => (track.deal.createdAt ?? 0) < today.start);
  const open = older.length ? older : live;
  if (open.length === 0) return;
  const add = (kind: ActivityKind, at: number, done: boolean, track: DealTrack) => {
    const company = { name: track.company.name, russian: speaksRussian(track.company) };
    const draft = makeActivity(rng, kind, rep, at, done, company, { dealId: track.deal.externalId });
    out.push(draft);
    return draft;
  };
  const doneToday = (kinds: readonly ActivityKind[], count: number, from: number) => {
    for (let i = 0; i < count; i += 1) {
      const track = rng.pick(open);
      const start = Math.max(from, track.deal.createdAt ?? from);
      if (start < asOf) add(rng.pick(kinds), anyTime(rng, start, asOf), true, track);
    }
  };

  const hour = 24 - (today.end - asOf) / HOUR;
  if (today.working) {
    const { usual, already } = usualDay(ctx, rep, out, index);
    const expected = Math.round(usual * workDayShareBefore(hour) * rng.between(0.85, 1.1));
    doneToday(['call', 'call', 'email', 'email', 'meeting'], expected - already, cal.atHour(index, 8));
  } else if (hour >= 10) {
    doneToday(['email'], rng.int(0, 2), cal.atHour(index, 10));
  }

  // A demo booked today, held in the next few working days.
  if (today.working && hour >= 9) {
    const demoDeal = rng.pick(open);
    const demo = add('demo', cal.workTimeFrom(rng, asOf + rng.int(1, 4) * DAY_MS), false, demoDeal);
    const bookedFrom = Math.max(cal.atHour(index, 8), demoDeal.deal.createdAt ?? today.start);
    demo.createdAt = bookedFrom < asOf ? anyTime(rng, bookedFrom, asOf) : asOf;
    demo.updatedAt = demo.createdAt;
  }

  // What is left on today's calendar (or the next working day's, after hours).
  const workEnd = cal.atHour(index, 18);
  const laterToday = today.working && workEnd - asOf > HOUR;
  for (let i = 0; i < 2; i += 1) {
    const at = laterToday ? anyTime(rng, Math.max(asOf + HOUR / 2, cal.atHour(index, 8)), workEnd - HOUR / 2) : cal.workTimeFrom(rng, today.end);
    const track = rng.pick(open);
    const scheduled = add(
      rng.weighted<ActivityKind>([
        ['call', 50],
        ['meeting', 50],
      ]),
      at,
      false,
      track,
    );
    const bookedAt = Math.max(scheduled.occurredAt - 5 * DAY_MS, asOf - 3 * DAY_MS, track.deal.createdAt ?? 0);
    scheduled.createdAt = Math.min(asOf, bookedAt);
    scheduled.updatedAt = scheduled.createdAt;
  }
}

/** The rep's calls, emails and meetings done per working day over the last weeks, and those done today so far. */
function usualDay(ctx: DemoContext, rep: RepProfile, drafts: readonly ActivityDraft[], todayIndex: number): { usual: number; already: number } {
  const { cal, asOf } = ctx;
  let first = todayIndex;
  for (let working = 0; first > 0 && working < USUAL_DAYS;) {
    first -= 1;
    if (cal.day(first).working) working += 1;
  }
  const from = cal.day(first).start;
  const todayStart = cal.day(todayIndex).start;
  const workingDays = cal.days.slice(first, todayIndex).filter((day) => day.working).length;
  let before = 0;
  let already = 0;
  for (const draft of drafts) {
    if (draft.ownerId !== rep.id || !draft.done || !COUNTED.has(draft.type) || draft.occurredAt < from || draft.occurredAt > asOf) continue;
    if (draft.occurredAt < todayStart) before += 1;
    else already += 1;
  }
  return { usual: workingDays > 0 ? before / workingDays : 0, already };
}
