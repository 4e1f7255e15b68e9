import { SANDBOX_OBJECTS } from '../../lib/adapters/sandbox';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../../lib/model';

export type SandboxDataset = { [K in RecordType]?: readonly CanonicalRecord[] } & { currentOwnerId: string; currentOwnerName: string };

/** Faults the tests switch on to see the sync engine cope. */
export type SandboxFaults = {
  /** Answer 429 with this Retry-After (seconds) to every Nth API request. */
  rateLimitEvery?: number;
  retryAfterSeconds?: number;
  /** Answer with a page of garbage for this object once. */
  garbageOnce?: string;
  /** Answer 401 (expired session) to everything. */
  expiredSession?: boolean;
  /** Delay each API answer (ms), so a test can kill the browser mid-sync. */
  delayMs?: number;
  /**
   * Records deleted in the CRM: left out of every page, and listed as `deleted` on the first page of
   * an incremental request (`updated_since`), as CRMs report deletions to an incremental sync.
   */
  deleted?: { [K in RecordType]?: readonly string[] };
};

type Sorted = { records: CanonicalRecord[]; byType: RecordType };

/**
 * The sandbox CRM's paged API over a fixed data set, as a plain
 * `Request → Response` function: the HTTP server serves it, and unit tests pass
 * it as the adapter's `fetch`. Pages are ordered by (updatedAt, externalId);
 * the cursor is the offset in that order.
 */
export function createSandboxApi(dataset: SandboxDataset, faults: SandboxFaults = {}) {
  const sorted = new Map<string, Sorted>();
  for (const type of RECORD_TYPES) {
    const gone = new Set(faults.deleted?.[type] ?? []);
    const records = [...(dataset[type] ?? [])]
      .filter((record) => !gone.has(record.externalId))
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.externalId < b.externalId ? -1 : 1));
    sorted.set(SANDBOX_OBJECTS[type], { records, byType: type });
  }
  let requests = 0;
  let garbageServed = false;

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    requests += 1;
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (faults.expiredSession) return json({ error: 'session expired' }, 401);
    if (faults.rateLimitEvery && requests % faults.rateLimitEvery === 0) {
      return json({ error: 'too many requests' }, 429, { 'retry-after': String(faults.retryAfterSeconds ?? 1) });
    }
    const path = url.pathname.replace(/^\/api\/v1\/?/, '');
    if (path === 'me') return json({ id: dataset.currentOwnerId, name: dataset.currentOwnerName });
    const object = sorted.get(path);
    if (!object) return json({ error: `no such object: ${path}` }, 404);
    if (faults.garbageOnce === path && !garbageServed) {
      garbageServed = true;
      return new Response('<html>Gateway timeout</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    }
    const since = Number(url.searchParams.get('updated_since') ?? Number.NaN);
    const limit = Math.max(1, Math.min(2000, Number(url.searchParams.get('limit') ?? 500)));
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const eligible = Number.isFinite(since) ? object.records.filter((record) => record.updatedAt >= since) : object.records;
    const page = eligible.slice(offset, offset + limit).map(({ source: _source, ...raw }) => raw);
    const next = offset + limit < eligible.length ? String(offset + limit) : null;
    const deleted = Number.isFinite(since) && offset === 0 ? (faults.deleted?.[object.byType] ?? []) : [];
    return json({ data: page, next_cursor: next, total: eligible.length, ...(deleted.length ? { deleted } : {}) });
  };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
