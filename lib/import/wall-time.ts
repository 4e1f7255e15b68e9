import { tzOffset } from '@date-fns/tz';

const BUCKET_MS = 15 * 60_000;
const MAX_CACHED = 100_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset (ms) at an instant. Every real zone changes offset at
 * a quarter hour of UTC, so the offset is looked up once per quarter hour and
 * cached: an import of a million timestamps asks Intl a few thousand times.
 */
function offsetAt(timeZone: string, instant: number): number {
  const bucket = Math.floor(instant / BUCKET_MS);
  let zone = offsets.get(timeZone);
  if (zone === undefined || zone.size >= MAX_CACHED) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(bucket * BUCKET_MS)) * 60_000;
    zone.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant a wall-clock time in a zone names. Two passes settle the offset
 * on either side of a DST change; a time skipped by spring-forward lands after
 * the gap (02:30 becomes 03:30), as TZDate does. Undefined for dates that do
 * not exist (2017-02-30) or a zone Intl does not know.
 */
export function wallTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  timeZone: string,
): number | undefined {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const early = wall - offsetAt(timeZone, wall);
  const settled = wall - offsetAt(timeZone, early);
  // Neither names the wall time when it falls in a spring-forward gap: take the later one, past the gap.
  const instant = names(settled, wall, timeZone) ? settled : names(early, wall, timeZone) ? early : Math.max(early, settled);
  return Number.isFinite(instant) ? instant : undefined;
}

/** Whether the instant shows that wall-clock time in the zone. */
function names(instant: number, wall: number, timeZone: string): boolean {
  return instant + offsetAt(timeZone, instant) === wall;
}
