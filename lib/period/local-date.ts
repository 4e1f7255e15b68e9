import { TZDate } from '@date-fns/tz';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Midnight at the start of a calendar date (`YYYY-MM-DD`) in a time zone, in ms.
 * Date-only CRM fields (expected close dates, quota periods) become instants
 * this way. Returns undefined for anything that is not a real date.
 */
export function localDateToInstant(date: string, timeZone: string): number | undefined {
  const match = LOCAL_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new TZDate(year, month - 1, day, timeZone);
  // Reject rollovers such as 2017-02-30 becoming March 2nd.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return undefined;
  return local.getTime();
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function instantToLocalDate(ms: number, timeZone: string): string {
  const local = new TZDate(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
