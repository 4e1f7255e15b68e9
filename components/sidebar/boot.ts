import { send } from '@/lib/messaging';
import { markOnce } from '@/lib/perf';
import { readStoredSelection, type ViewSelection } from '@/lib/views';
import type { PinnedAnswer } from './pinned';

export type EarlyPinned = { selection: ViewSelection; answer: Promise<PinnedAnswer> };

let early: Promise<EarlyPinned> | undefined;

/**
 * Asks the background for the pinned numbers as the page script starts, before React renders:
 * one storage read (the CRM's view and period, the prefs) and the request. The first render
 * takes the answer from here instead of asking again.
 */
export function askEarly(source: string): void {
  early = readStoredSelection(source).then((selection) => {
    markOnce('kpi-lens:pinned-asked');
    return { selection, answer: send({ type: 'view/pinned', ...selection }) };
  });
  early.catch(() => (early = undefined));
}

/** The early answer, once, if it was asked for this selection key. */
export async function takeEarly(key: (selection: ViewSelection) => string, wanted: string): Promise<Promise<PinnedAnswer> | undefined> {
  const pending = early;
  if (!pending) return undefined;
  early = undefined;
  const got = await pending.catch(() => undefined);
  return got && key(got.selection) === wanted ? got.answer : undefined;
}
