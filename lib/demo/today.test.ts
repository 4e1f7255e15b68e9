import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { demo, local } from './test-support';

const HOUR = 3_600_000;

/**
 * "Today", "this week" and "this month" relative to asOf must have data whatever
 * asOf is: a Monday morning right after a DST change, a Sunday, the first hour of
 * a month, in several time zones.
 */
const CASES = [
  { label: 'Friday afternoon, Berlin', asOf: Date.UTC(2025, 2, 14, 13, 30), timeZone: 'Europe/Berlin' },
  { label: 'Monday 08:15 after the DST change, Berlin', asOf: Date.UTC(2025, 2, 31, 6, 15), timeZone: 'Europe/Berlin' },
  { label: 'Sunday noon, New York', asOf: Date.UTC(2024, 10, 3, 17, 0), timeZone: 'America/New_York' },
  { label: '00:30 on the 1st of the month, Moscow', asOf: Date.UTC(2025, 5, 30, 21, 30), timeZone: 'Europe/Moscow' },
  { label: 'late evening on New Year’s Eve, Tokyo', asOf: Date.UTC(2025, 11, 31, 13, 0), timeZone: 'Asia/Tokyo' },
  { label: 'Wednesday 11:00 on the 2nd, Los Angeles', asOf: Date.UTC(2025, 6, 2, 18, 0), timeZone: 'America/Los_Angeles' },
  { label: 'Saturday 03:00, Berlin', asOf: Date.UTC(2025, 4, 17, 1, 0), timeZone: 'Europe/Berlin' },
] as const;

describe.each(CASES)('data around asOf: $label', ({ asOf, timeZone }) => {
  const data = demo({ asOf, timeZone, scale: 0.25 });
  const me = data.currentOwnerId;
  const today = local(asOf, timeZone).date;
  const dayStart = localDateToInstant(today, timeZone) ?? NaN;
  const monthStart = localDateToInstant(`${today.slice(0, 7)}-01`, timeZone) ?? NaN;
  const mine = data.activities.filter((activity) => activity.ownerId === me);

  const { weekday, hour } = local(asOf, timeZone);
  const workingDay = weekday !== 'Sat' && weekday !== 'Sun' && !today.endsWith('-01-01') && !today.endsWith('-12-25') && !today.endsWith('-12-26');
  const doneToday = mine.filter((a) => a.done && a.occurredAt >= dayStart && a.occurredAt <= asOf);

  it('has the rep’s work of today as the hour allows: a working day’s share once it has begun, little at night or on a day off', () => {
    // A quarter of the volume at scale 0.25: by 10:00 a rep has done one thing at least.
    if (workingDay && hour >= 10) expect(doneToday.length).toBeGreaterThanOrEqual(1);
    if (!workingDay || hour < 7) expect(doneToday.filter((a) => a.type === 'call' || a.type === 'meeting').length).toBeLessThanOrEqual(2);
    const bookedToday = mine.filter((a) => a.subtype === 'demo' && (a.createdAt ?? -1) >= dayStart && (a.createdAt ?? Infinity) <= asOf);
    if (workingDay && hour >= 9) expect(bookedToday.length).toBeGreaterThanOrEqual(1);
    // Next steps on the calendar, whatever the hour.
    const ahead = mine.filter((a) => !a.done && a.occurredAt > asOf && a.occurredAt < asOf + 4 * 24 * HOUR);
    expect(ahead.length).toBeGreaterThanOrEqual(2);
  });

  it('has this week’s and this month’s work for the rep once a working day of them has passed, and deals and leads this month for the team', () => {
    const weekStart = dayStart - (weekday === 'Sun' ? 6 : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekday)) * 24 * HOUR;
    if (asOf - weekStart >= 24 * HOUR) expect(mine.some((a) => a.done && a.occurredAt >= weekStart && a.occurredAt <= asOf)).toBe(true);
    if (asOf - monthStart >= 24 * HOUR) expect(mine.some((a) => a.done && a.occurredAt >= monthStart && a.occurredAt <= asOf)).toBe(true);
    if (asOf - monthStart > 2 * 24 * HOUR) {
      expect(data.deals.some((deal) => (deal.createdAt ?? 0) >= monthStart)).toBe(true);
      expect(data.leads.some((lead) => lead.createdAt >= monthStart)).toBe(true);
    }
  });

  it('keeps done work at or before asOf and planned work after it', () => {
    expect(data.activities.filter((a) => a.done && a.occurredAt > asOf)).toEqual([]);
    expect(data.activities.filter((a) => !a.done && a.occurredAt <= asOf)).toEqual([]);
    expect(data.deals.filter((deal) => (deal.closedAt ?? 0) > asOf || (deal.createdAt ?? 0) > asOf)).toEqual([]);
  });

  it('covers the 12 months before this one', () => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 13, 1)).toISOString().slice(0, 10);
    const windowStart = localDateToInstant(first, timeZone) ?? NaN;
    const months = new Set(
      data.deals.filter((d) => d.status === 'won' && (d.closedAt ?? 0) >= windowStart).map((d) => local(d.closedAt ?? 0, timeZone).date.slice(0, 7)),
    );
    const expected = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 13 + i, 1)).toISOString().slice(0, 7));
    expect(expected.filter((month) => !months.has(month))).toEqual([]);
  });
});
