import { DAY_MS } from '../period/units';
import { addMonths } from './calendar';
import type { DemoContext } from './context';
import { layoutDeal } from './deal-timeline';
import { applyTimeline, toUsdMinor, type DealTrack } from './deals';
import type { RepProfile } from './org';
import { monthStart, repQuota, type QuotaPlan } from './quota-plan';
import type { Rng } from './random';

/**
 * Below this share of their usual month a rep pushes deals over the line; above the high mark they
 * let some slip. Whatever their level, nobody is content below 45 % of quota, nor bothers to sign
 * more than 125 % of it this month when the customer would rather sign next month.
 */
const LOW = 0.75;
const HIGH = 1.3;
const QUOTA_RANGE: readonly [number, number] = [0.45, 1.25];
/** How far a close moves: a deal due within 45 days after the month can be pulled in, one slips up to 20 days. */
const PULL_WINDOW = 45 * DAY_MS;
const SLIP_DAYS = 20;
/** Nobody signs a deal opened the day before. */
const MIN_AGE = 2 * DAY_MS;
/** The usual month of a rep is never set below or above these shares of quota. */
const LEVEL_RANGE: readonly [number, number] = [0.5, 1.2];

export type ClosingRules = {
  /** May a deal slip past asOf (and so be open again)? Yes for New Business: nothing depends on it yet. */
  reopen: boolean;
  /** Whether a deal may close at `to` instead; called before a move. */
  movable?: (track: DealTrack, to: number) => boolean;
  /** Told after a deal moved from `from` to `to` (records that follow the close move with it). */
  moved?: (track: DealTrack, from: number, to: number) => void;
};

type Won = { track: DealTrack; amount: number };
type Month = { start: number; end: number; current: boolean; low: number; high: number };

/**
 * How reps manage their closes: a rep well behind their usual month gets a deal due
 * in the next weeks signed before the month ends (a discount, a push); a rep far
 * ahead lets deals slip into the next month. Real pipelines show both (the
 * end-of-month spike). It keeps a rep's monthly attainment near their own level
 * instead of swinging from 0 % to 300 % on a few big deals; a rep's level is what
 * they sell over the window against their quota, so the spread between reps stays
 * theirs. The current month comes first, measured against the part of it that has
 * passed: it is the month the demo opens on, and earlier months may not take the
 * deals it has closed.
 */
export function manageClosings(
  ctx: DemoContext,
  rng: Rng,
  reps: readonly RepProfile[],
  tracks: readonly DealTrack[],
  plan: QuotaPlan,
  rules: ClosingRules,
): void {
  const byRep = new Map<string, Won[]>();
  for (const track of tracks) {
    if (track.timeline.outcome !== 'won' || track.deal.status === 'lost') continue;
    const amount = track.deal.convertedAmount ?? track.deal.amount;
    if (!amount) continue;
    const list = byRep.get(track.rep.id) ?? [];
    list.push({ track, amount: toUsdMinor(amount.minor, amount.currency) });
    byRep.set(track.rep.id, list);
  }
  for (const rep of reps) {
    const won = byRep.get(rep.id);
    if (won) manageRep(ctx, rng, rep, won, plan, rules);
  }
}

function manageRep(ctx: DemoContext, rng: Rng, rep: RepProfile, won: Won[], plan: QuotaPlan, rules: ClosingRules): void {
  const { asOf } = ctx;
  const closedIn = (start: number, end: number) =>
    won.filter(({ track }) => track.deal.status === 'won' && (track.deal.closedAt as number) >= start && (track.deal.closedAt as number) < end);
  const sum = (list: readonly Won[]) => list.reduce((total, item) => total + item.amount, 0);

  const currentStart = monthStart(ctx, ctx.currentMonth);
  let quota = 0;
  for (let month = ctx.firstMonth; month < ctx.currentMonth; month = addMonths(month, 1)) quota += repQuota(plan, rep, month);
  if (quota <= 0) return;
  const level = Math.min(LEVEL_RANGE[1], Math.max(LEVEL_RANGE[0], sum(closedIn(ctx.windowStart, currentStart)) / quota));
  const locked = new Set<Won>();

  const move = (item: Won, to: number) => {
    const { track } = item;
    const from = track.timeline.plannedEnd;
    if (locked.has(item) || to - (track.deal.createdAt ?? 0) < MIN_AGE || (to > asOf && !rules.reopen)) return false;
    if (rules.movable && !rules.movable(track, to)) return false;
    applyTimeline(track, layoutDeal(ctx, rng, track.pipeline, track.deal.createdAt ?? 0, 'won', to));
    rules.moved?.(track, from, to);
    return true;
  };

  const manageMonth = ({ start, end, current, low, high }: Month) => {
    let sales = sum(closedIn(start, end));
    const due = current ? asOf : end;
    if (sales < low) {
      // Deals due soon after, nearest first, signed in the month's last days (before asOf in the current month).
      const soon = won
        .filter(({ track }) => track.timeline.plannedEnd >= due && track.timeline.plannedEnd < due + PULL_WINDOW)
        .sort((a, b) => a.track.timeline.plannedEnd - b.track.timeline.plannedEnd);
      const pull = (item: Won) => {
        const from = Math.max(start, due - 5 * DAY_MS, (item.track.deal.createdAt ?? 0) + MIN_AGE);
        if (from >= due) return false;
        // Signed in working hours, or not at all (workTime falls back to any time when none is left).
        const to = ctx.cal.workTime(rng, from, due - 1);
        return ctx.cal.day(ctx.cal.dayIndexAt(to)).working && move(item, to);
      };
      for (const item of soon) {
        if (sales >= low) break;
        if (sales + item.amount <= high && pull(item)) sales += item.amount;
      }
      // Still short, and every deal left overshoots: one that lands nearer the goal than the
      // shortfall is (never past twice the goal) beats an empty month. Ratios, not logs: exact.
      const goal = (low + high) / 2;
      const distance = (total: number) => (total <= 0 ? Infinity : Math.max(total / goal, goal / total));
      const nearest = soon
        .filter((item) => item.track.timeline.plannedEnd >= due && sales + item.amount <= 2 * goal && distance(sales + item.amount) < distance(sales))
        .sort((a, b) => distance(sales + a.amount) - distance(sales + b.amount))[0];
      if (sales < low && nearest && pull(nearest)) sales += nearest.amount;
    } else if (sales > high) {
      // The month's closes, latest first, slip into the first weeks of the next month.
      const late = closedIn(start, end).sort((a, b) => (b.track.deal.closedAt as number) - (a.track.deal.closedAt as number));
      for (const item of late) {
        if (sales <= high) break;
        if (sales - item.amount < low) continue;
        // The current month is settled first: a deal slipping into it is still open at asOf.
        let to = ctx.cal.workTimeFrom(rng, end + rng.int(0, SLIP_DAYS) * DAY_MS);
        if (to >= currentStart && to <= asOf) to = ctx.cal.workTimeFrom(rng, asOf + rng.int(1, SLIP_DAYS) * DAY_MS);
        if (move(item, to)) sales -= item.amount;
      }
    }
  };

  const monthOf = (month: string): Month => {
    const start = monthStart(ctx, month);
    const end = monthStart(ctx, addMonths(month, 1));
    const current = month === ctx.currentMonth;
    const elapsed = current ? Math.max(0, Math.min(1, (asOf - start) / (end - start))) : 1;
    const quota = repQuota(plan, rep, month) * elapsed;
    const low = Math.max(LOW * level, QUOTA_RANGE[0]) * quota;
    const high = Math.min(HIGH * level, QUOTA_RANGE[1]) * quota;
    return { start, end, current, low, high };
  };
  const now = monthOf(ctx.currentMonth);
  if (now.high > 0) manageMonth(now);
  for (const item of closedIn(now.start, now.end)) locked.add(item);
  for (let month = ctx.firstMonth; month < ctx.currentMonth; month = addMonths(month, 1)) {
    const past = monthOf(month);
    if (past.high > 0) manageMonth(past);
  }
}
