/**
 * Shared by the demo's tests (not shipped code paths): one generated data set per
 * test file, and an Intl-based reading of local time that does not reuse the
 * generator's own calendar.
 */
import { generateDemoData } from './generate';
import type { DemoDataSet, DemoOptions } from './types';

/** Friday 2025-03-14, 14:30 in Berlin (UTC+1 before the clocks change on March 30). */
export const AS_OF = Date.UTC(2025, 2, 14, 13, 30);
export const SEED = 20250314;
export const TIME_ZONE = 'Europe/Berlin';

const cache = new Map<string, DemoDataSet>();

export function demo(options: Partial<DemoOptions> = {}): DemoDataSet {
  const full: DemoOptions = { seed: SEED, asOf: AS_OF, ...options };
  const key = JSON.stringify(full);
  let data = cache.get(key);
  if (!data) {
    data = generateDemoData(full);
    cache.set(key, data);
  }
  return data;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local date, weekday and hour of an instant in a zone. */
export function local(ms: number, timeZone: string): { weekday: string; hour: number; date: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { weekday: get('weekday'), hour: Number(get('hour')), date: `${get('year')}-${get('month')}-${get('day')}` };
}

export const groupCount = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
