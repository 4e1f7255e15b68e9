import { z } from '../../model/zod';
import type { Params } from './client';
import { closeTime } from './map-common';

/**
 * Paging past Close's maximum `_skip`.
 *
 * Close pages lists with `_skip`/`_limit` and refuses a `_skip` past a maximum
 * that "varies per resource" with a 400 (developer.close.com, Pagination →
 * Deep Pagination; the answer reads "The skip you set is larger than the
 * maximum skip for this resource (max_skip = 250000)"). Its advice: "use the
 * date_created field as a range, and make multiple requests while incrementing
 * or decrementing the date". So a chain reads a window of `date_created`; after
 * WINDOW_ITEMS items (or at once when Close says the skip is too large) it
 * narrows the window to start where its last page ended and pages it from
 * `_skip=0` again. The window travels in the cursor, so a sync killed between
 * pages resumes in the same window at the same skip.
 *
 * Activities list sorted by `date_created` (the only date Close lets a list
 * filter on unless it sorts by another), in a direction Close does not
 * document; opportunities are asked for `_order_by=date_created`. The direction
 * is read from the pages themselves: a window narrows only along an order the
 * items actually showed, and a page that is in neither order stops narrowing
 * (the chain goes on with `_skip` alone, as before).
 *
 * Boundaries are whole seconds, inclusive of the boundary second: the items of
 * that second are read again (an upsert, harmless), so neither a coarser filter
 * on Close's side nor microseconds lost in a millisecond clock can skip one.
 */

/** Items a window reads before it narrows: 50 pages of 100, far below any maximum skip Close names, and cheap for its offsets. */
export const WINDOW_ITEMS = 5_000;

const SECOND = 1000;

export const windowSchema = z.lazy(() =>
  z
    .object({
      /** date_created at or after (ms, a whole second). */
      from: z.number().int().optional(),
      /** date_created before (ms, a whole second). */
      to: z.number().int().optional(),
      /** The order the items showed: oldest first, newest first, or none seen yet. */
      order: z.enum(['asc', 'desc']).optional(),
      /** A page was in neither order: narrowing is off for this chain. */
      unordered: z.literal(true).optional(),
      /** The date_created (ms) of the last dated item read in this window. */
      last: z.number().int().optional(),
    })
    .strict(),
);
export type DateWindow = z.infer<typeof windowSchema>;

/**
 * The request's `date_created` bounds: the window's, tightened by the chain's
 * own lower bound on the same field (an incremental activity chain asks from
 * `since` minus its look-back).
 */
export function windowParams(window: DateWindow | undefined, floor: number | undefined): Params {
  const from = Math.max(window?.from ?? -Infinity, floor ?? -Infinity);
  const params: Params = {};
  if (Number.isFinite(from)) params.date_created__gte = new Date(from).toISOString();
  if (window?.to !== undefined) params.date_created__lt = new Date(window.to).toISOString();
  return params;
}

type Direction = 'asc' | 'desc' | 'flat' | 'mixed';

function directionOf(times: readonly number[]): Direction {
  let up = false;
  let down = false;
  for (let i = 1; i < times.length; i += 1) {
    if (times[i]! > times[i - 1]!) up = true;
    if (times[i]! < times[i - 1]!) down = true;
  }
  if (up && down) return 'mixed';
  return up ? 'asc' : down ? 'desc' : 'flat';
}

const createdOf = (raw: unknown): number | undefined =>
  raw && typeof raw === 'object'
    ? closeTime(typeof (raw as { date_created?: unknown }).date_created === 'string' ? (raw as { date_created: string }).date_created : undefined)
    : undefined;

/**
 * The window after a page: what order it showed (joined with the last item of
 * the previous page, so a page of one item still counts), and the date it
 * ended on. A page against the order seen so far switches narrowing off.
 */
export function observe(window: DateWindow, items: readonly unknown[]): DateWindow {
  const times = items.map(createdOf).filter((t): t is number => t !== undefined);
  if (times.length === 0 || window.unordered) return window;
  const direction = directionOf(window.last === undefined ? times : [window.last, ...times]);
  const last = times[times.length - 1]!;
  if (direction === 'mixed' || (window.order && direction !== 'flat' && direction !== window.order)) return { ...window, unordered: true, last };
  return { ...window, order: direction === 'flat' ? window.order : direction, last };
}

/**
 * The next window, starting where this one's reading ended, or undefined when
 * it cannot move: no order seen, a page out of order, or a boundary second
 * that is the window's own edge (a second with more items than a window holds;
 * the chain then goes on with `_skip`).
 */
export function narrow(window: DateWindow): DateWindow | undefined {
  if (window.unordered || !window.order || window.last === undefined) return undefined;
  if (window.order === 'asc') {
    const from = Math.floor(window.last / SECOND) * SECOND;
    if (window.from !== undefined && from <= window.from) return undefined;
    return { from, to: window.to, order: 'asc' };
  }
  const to = Math.floor(window.last / SECOND) * SECOND + SECOND;
  if (window.to !== undefined && to >= window.to) return undefined;
  return { from: window.from, to, order: 'desc' };
}

/** Close's 400 for a `_skip` past its maximum, and the maximum when it names it. */
export function skipLimitOf(errorText: string): { maxSkip?: number } | undefined {
  if (!/max(imum)?[ _]skip/i.test(errorText)) return undefined;
  const named = /max_skip\s*=\s*(\d+)/i.exec(errorText)?.[1];
  return { maxSkip: named === undefined ? undefined : Number(named) };
}
