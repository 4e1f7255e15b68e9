import { DAY_MS } from '../period/units';
import type { DemoContext } from './context';
import type { DealTrack } from './deals';

/** Idle this long, and past its expected close, a deal is dead: it belongs on a clean-up list. */
export const DEAD_AFTER_DAYS = 60;

/**
 * Makes sure the signed-in rep has a dead deal to clean up, as every real pipeline
 * does: when none of theirs is open and idle for two months, the most recent deal they
 * cleared out after it went dark (that long ago or more) was forgotten instead, and
 * is still open. Deals that went dark are random; this keeps the clean-up list of the
 * first view from being empty by chance.
 */
export function keepOneForgotten(ctx: DemoContext, tracks: readonly DealTrack[], ownerId: string): void {
  const deadline = ctx.asOf - DEAD_AFTER_DAYS * DAY_MS;
  const mine = tracks.filter((track) => track.rep.id === ownerId);
  const isDead = (track: DealTrack) =>
    track.timeline.stalled && track.timeline.activeUntil <= deadline && track.deal.expectedCloseAt !== undefined && track.deal.expectedCloseAt < deadline;
  if (mine.some(isDead)) return;
  const cleared = mine
    .filter((track) => track.timeline.wentDark && track.timeline.activeUntil <= deadline && track.timeline.expectedCloseAt < deadline)
    .sort((a, b) => b.timeline.activeUntil - a.timeline.activeUntil)[0];
  if (!cleared) return;
  const { deal, timeline } = cleared;
  cleared.timeline = { ...timeline, status: 'open', closedAt: undefined, stalled: true, wentDark: false };
  deal.status = 'open';
  delete deal.closedAt;
  delete deal.lostReason;
}
