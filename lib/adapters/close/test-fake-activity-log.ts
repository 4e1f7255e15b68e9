import { fakeFetch, type FakeReply } from '../kommo/test-fake-fetch';
import { callItem } from './test-fixtures';

/**
 * A Close organisation with as many calls as a test wants (a million is fine:
 * items are made only for the pages asked), listed the way Close lists them:
 * sorted by `date_created` (newest first by default), filtered by
 * `date_created__gte/__gt/__lte/__lt`, paged by `_skip`/`_limit` (at most 100),
 * and refusing a `_skip` past the resource's maximum with the 400 Close sends
 * ("The skip you set is larger than the maximum skip for this resource
 * (max_skip = 250000)", as quoted in airbytehq/airbyte#20959). Test data only.
 */
export type ActivityLogOptions = {
  count: number;
  maxSkip: number;
  order?: 'asc' | 'desc';
  /** date_created of item i in microseconds; never decreasing in i. */
  createdUs?: (i: number) => number;
};

const START_US = Date.UTC(2019, 0, 1) * 1000;
/** Seven calls share each exact timestamp; groups are 2.100013 s apart, so seconds hold one group or two. */
export const defaultCreatedUs = (i: number): number => START_US + Math.floor(i / 7) * 2_100_013;

/** Close's timestamp form: microseconds and an explicit offset (`2013-02-20T06:34:33.637000+00:00`). */
export function closeStamp(us: number): string {
  const ms = Math.floor(us / 1000);
  return `${new Date(ms).toISOString().slice(0, 23)}${String(us % 1000).padStart(3, '0')}+00:00`;
}

export const callId = (i: number): string => `acti_${i.toString(36).padStart(6, '0')}`;
export const callIndex = (id: string): number => parseInt(id.slice(5), 36);

export function fakeActivityLog(options: ActivityLogOptions) {
  const createdUs = options.createdUs ?? defaultCreatedUs;
  const order = options.order ?? 'desc';
  let count = options.count;
  let requests = 0;
  let refused = 0;
  let deepestSkip = 0;

  /** First index whose date_created is at least `us` (items are sorted by time). */
  const lowerBound = (us: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (createdUs(mid) < us) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const instantUs = (value: string | null): number | undefined => {
    if (value === null) return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new Error(`not an instant: ${value}`);
    return ms * 1000;
  };

  const list = (url: URL): FakeReply => {
    requests += 1;
    const q = url.searchParams;
    const skip = Number(q.get('_skip') ?? 0);
    const limit = Math.min(Number(q.get('_limit') ?? 100), 100);
    if (skip > options.maxSkip) {
      refused += 1;
      return {
        status: 400,
        body: { error: `The skip you set is larger than the maximum skip for this resource (max_skip = ${options.maxSkip}). Please refine your search query.` },
      };
    }
    deepestSkip = Math.max(deepestSkip, skip);
    let lo = 0;
    let hi = count;
    const gte = instantUs(q.get('date_created__gte'));
    const gt = instantUs(q.get('date_created__gt'));
    const lte = instantUs(q.get('date_created__lte'));
    const lt = instantUs(q.get('date_created__lt'));
    if (gte !== undefined) lo = Math.max(lo, lowerBound(gte));
    if (gt !== undefined) lo = Math.max(lo, lowerBound(gt + 1));
    if (lt !== undefined) hi = Math.min(hi, lowerBound(lt));
    if (lte !== undefined) hi = Math.min(hi, lowerBound(lte + 1));
    const matching = Math.max(0, hi - lo);
    const indices: number[] = [];
    for (let k = skip; k < Math.min(skip + limit, matching); k += 1) indices.push(order === 'asc' ? lo + k : hi - 1 - k);
    const data = indices.map((i) => {
      const at = closeStamp(createdUs(i));
      return { ...callItem, id: callId(i), date_created: at, date_updated: at, activity_at: at };
    });
    return { body: { data, has_more: skip + data.length < matching } };
  };

  const { fetch } = fakeFetch((url) => (url.pathname.endsWith('/activity/call/') ? list(url) : { status: 404, body: { error: 'not found' } }));
  return {
    fetch,
    /** Calls logged while a sync pages: they are the newest. */
    log: (more: number) => (count += more),
    stats: () => ({ count, requests, refused, deepestSkip }),
  };
}
