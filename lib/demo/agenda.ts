import { anyTime, DAY, HOUR } from './calendar';
import { speaksRussian } from './company';
import type { DemoContext } from './context';
import type { DealTrack } from './deals';
import { makeActivity, type ActivityDraft, type ActivityKind } from './activity-make';
import type { RepProfile } from './org';
import type { Rng } from './random';

/**
 * The signed-in rep's day, whatever the hour of asOf: calls and emails already
 * done today, a demo booked today, and the next steps still on the calendar. A new
 * user opening the demo sees "today" and "this week" filled, even at 8 a.m. on a
 * Monday or on a Sunday.
 */
export function agendaActivities(ctx: DemoContext, rng: Rng, rep: RepProfile, deals: readonly DealTrack[], out: ActivityDraft[]): void {
  const { asOf, cal } = ctx;
  const today = cal.day(cal.dayIndexAt(asOf));
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

  // Done so far today: since 8:00, or, before the working day has begun, in the last
  // two hours (an early bird clearing email), so "today" is never empty.
  const workStart = cal.atHour(cal.dayIndexAt(asOf), 8);
  const doneFrom = asOf > cal.atHour(cal.dayIndexAt(asOf), 9) ? workStart : Math.max(today.start, asOf - 2 * HOUR);
  if (asOf > today.start) {
    const count = rng.int(3, 5);
    for (let i = 0; i < count; i += 1) {
      const kind = rng.weighted<ActivityKind>([['call', 55], ['email', 35], ['task', 10]]);
      const track = rng.pick(open);
      const from = Math.max(doneFrom, track.deal.createdAt ?? doneFrom);
      add(kind, anyTime(rng, from, asOf), true, track);
    }
  }

  // A demo booked today, held in the next few working days.
  const demoDeal = rng.pick(open);
  const demo = add('demo', cal.workTimeFrom(rng, asOf + rng.int(1, 4) * DAY), false, demoDeal);
  const bookedFrom = Math.max(today.start, demoDeal.deal.createdAt ?? today.start);
  demo.createdAt = anyTime(rng, bookedFrom, asOf);
  demo.updatedAt = demo.createdAt;

  // What is left on today's calendar (or tomorrow's, after hours).
  const workEnd = cal.atHour(cal.dayIndexAt(asOf), 18);
  const laterToday = workEnd - asOf > HOUR;
  for (let i = 0; i < 2; i += 1) {
    const at = laterToday ? anyTime(rng, asOf + HOUR / 2, workEnd - HOUR / 2) : cal.workTimeFrom(rng, today.end);
    const track = rng.pick(open);
    const scheduled = add(rng.weighted<ActivityKind>([['call', 50], ['meeting', 50]]), at, false, track);
    const bookedAt = Math.max(scheduled.occurredAt - 5 * DAY, asOf - 3 * DAY, track.deal.createdAt ?? 0);
    scheduled.createdAt = Math.min(asOf, bookedAt);
    scheduled.updatedAt = scheduled.createdAt;
  }
}
