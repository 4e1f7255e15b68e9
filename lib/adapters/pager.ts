import { CrmError } from './errors';

/**
 * The one guard every pager goes through, so that no CRM, broken or hostile,
 * can keep KPI Lens paging forever. A chain of pages (one object's pass in one
 * run, or a loop inside one request such as a page of deals' line items) stops
 * with a clear CrmError when the CRM
 * - names a position it already sent in this chain (a repeated cursor, an
 *   offset that does not move, a loop A → B → A), or
 * - keeps saying "more" past a page count far above any real account.
 * Adapters add the one check only they can make, through `noProgress`: a page
 * that says "more" but brought nothing, or an offset that went backwards.
 *
 * The sync engine runs this guard on every page an adapter returns (its trail
 * is kept with the object's sync state, so it survives a restart); adapters
 * run it for their own inner loops through `Pager`.
 */

/** Pages per chain: 100 records a page makes ten million records, far above any real CRM account. */
export const MAX_PAGES = 100_000;
/** Positions remembered per chain, to tell a loop from progress (older ones are caught by the page cap). */
export const REMEMBERED_POSITIONS = 64;

/** A chain's pages so far and the last positions it asked for (hashed, so long cursors stay small in storage). */
export type PagerTrail = { pages: number; recent: string[] };

const RETRY_ACTION = 'KPI Lens stopped reading this data for this run; the rest still syncs. If this repeats, report it to KPI Lens with the sync log.';

function stuck(crmLabel: string, what: string, detail: string): CrmError {
  return new CrmError('bad-response', `${crmLabel} ${detail} while KPI Lens read ${what}: its paging does not end`, RETRY_ACTION);
}

/** A page that says there is more, yet cannot move the chain forward (no items, an offset that went back). */
export function noProgress(crmLabel: string, what: string, detail: string): CrmError {
  return stuck(crmLabel, what, `sent a page that ${detail}`);
}

/** cyrb53: a fast 53-bit string hash; positions are compared by it, never trusted for anything else. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * One more page of a chain: `next` is the position the following request will
 * ask for. Returns the chain's trail after this page, or throws when the CRM
 * repeats a position or passes the page cap.
 */
export function advancePager(trail: PagerTrail | undefined, next: string, crmLabel: string, what: string, maxPages = MAX_PAGES): PagerTrail {
  const pages = (trail?.pages ?? 0) + 1;
  const recent = trail?.recent ?? [];
  const key = hash(next);
  if (recent.includes(key)) throw stuck(crmLabel, what, 'sent a page position it had already sent');
  if (pages >= maxPages) throw stuck(crmLabel, what, `still said there was more after ${pages.toLocaleString('en')} pages`);
  return { pages, recent: [...recent.slice(-(REMEMBERED_POSITIONS - 1)), key] };
}

/**
 * The same guard for a loop inside one request: `next(token)` says whether to
 * ask for another page (a token means "more"; none means done) and throws when
 * the CRM repeats itself or passes `maxPages`.
 */
export class Pager {
  private trail: PagerTrail | undefined;

  constructor(
    private readonly crmLabel: string,
    private readonly what: string,
    private readonly maxPages = MAX_PAGES,
  ) {}

  next(token: string | number | null | undefined): boolean {
    if (token === null || token === undefined || token === '') return false;
    this.trail = advancePager(this.trail, String(token), this.crmLabel, this.what, this.maxPages);
    return true;
  }
}
