/**
 * Contract every CRM adapter implements (lib/adapters/<crm>/). Adapters are
 * pure of the browser: `fetch` is injected, so the same code runs in the
 * background service worker, in Node (the CLI) and in tests.
 */
import type { RecordByType, RecordType } from '../model';
import type { CrmId } from './hosts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type AdapterAuth =
  /** The rep's own web session: same-origin requests with the CRM's cookies. */
  | { kind: 'session' }
  /** A personal API token sent in a header the CRM names (Pipedrive: `x-api-token`). */
  | { kind: 'token'; token: string }
  /** `Authorization: Bearer` (Salesforce session id or OAuth token, HubSpot private app, amoCRM long-lived token). */
  | { kind: 'bearer'; token: string }
  /** HTTP Basic (Close: the API key as user name, empty password). */
  | { kind: 'basic'; username: string; password: string }
  /** The credentials are part of the base URL (Bitrix24 inbound webhook). */
  | { kind: 'webhook' };

export type AdapterContext = {
  fetch: FetchLike;
  /**
   * The clock (ms since the epoch), given like `fetch`: adapters read no clock
   * of their own, so Retry-After dates, daily budgets and backoff are measured
   * on the caller's time (the engine's, a test's fake one).
   */
  now: () => number;
  /** API root, e.g. `https://acme.pipedrive.com/api` or a Bitrix24 webhook URL. */
  baseUrl: string;
  /** Where record links point, e.g. `https://acme.pipedrive.com`. Defaults to baseUrl's origin. */
  appUrl?: string;
  auth: AdapterAuth;
  /** The `source` every mapped record gets, e.g. `pipedrive:acme`. */
  source: string;
  /** Date-only values (expected close dates) become midnight in this zone. */
  timeZone: string;
  /** Records per request; adapters clamp it to what the CRM allows. */
  pageSize?: number;
};

/** One kind of CRM object synced in its own cursor chain (e.g. `deals`, `activities`). */
export type ObjectSpec = {
  name: string;
  /** The canonical record types its pages produce. */
  produces: readonly RecordType[];
  /** Supports `since` (records updated at or after a time). */
  incremental: boolean;
};

/** A raw item that could not become a valid record; it goes to quarantine, never silently away. */
export type Reject = {
  recordType: RecordType | 'unknown';
  externalId?: string;
  raw: unknown;
  reason: string;
};

export type RecordBatch = { [K in RecordType]?: RecordByType[K][] };

export type ApiBudget = {
  /** What the CRM calls it, e.g. `daily token budget`, `API requests (24 h)`. */
  label: string;
  remaining?: number;
  limit?: number;
  resetsAt?: number;
};

export type FetchedPage = {
  records: RecordBatch;
  rejects: Reject[];
  /** Records the CRM reports as deleted (by externalId); the sync removes them locally. */
  deleted?: { [K in RecordType]?: string[] };
  /** Opaque; null when the object is done. */
  nextCursor: string | null;
  /**
   * What identifies the next request, where `nextCursor` also carries running
   * state that changes from page to page (the newest timestamp read): the
   * engine's pager guard (pager.ts) compares these. Defaults to `nextCursor`.
   */
  pageKey?: string;
  /** The CRM's total for the object, where it tells. */
  totalEstimate?: number;
  budget?: ApiBudget;
  /**
   * On an object's last page (`nextCursor` null): work left for the object's
   * next run (Pipedrive: deals whose stage history a per-run budget left
   * unread), handed back as `carried` with that run's first page. Absent:
   * nothing is left.
   */
  carry?: string;
};

export type DetectedCrm = {
  crm: CrmId;
  /** Account/portal/org key, e.g. `acme` for acme.pipedrive.com. */
  account: string;
  /** The API root to use with the rep's session from this page. */
  apiBase: string;
  appUrl: string;
};

export type CrmAdapter = {
  id: CrmId;
  label: string;
  /** Pure: is this URL a page of this CRM, and which account? */
  detect(url: URL): DetectedCrm | null;
  /** The CRM's documented request rate; the sync engine spaces requests to stay under it. */
  requestsPerSecond?: number;
  /** Sync order: objects others refer to come first. */
  objects: readonly ObjectSpec[];
  /**
   * Fetches one page of one object after `cursor` (null = from the start),
   * limited to records updated since `since` (ms) when incremental. Throws a
   * `CrmError` on failure; never returns unvalidated records. `carried` is
   * what the object's previous run left (FetchedPage.carry), given with the
   * first page of a chain only.
   */
  fetchPage(ctx: AdapterContext, object: string, cursor: string | null, since: number | null, carried?: string | null): Promise<FetchedPage>;
  /** The signed-in user, so the personal view knows whose numbers to show. */
  whoAmI?(ctx: AdapterContext): Promise<{ ownerId: string; name: string }>;
};
