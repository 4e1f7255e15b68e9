import { describeIssues, type RecordType } from '../../model';
import { parseTimestamp } from '../map';
import type { FetchedPage, Reject } from '../types';
import { hubspotRequest, type HubspotContext } from './client';
import type { HubspotCursor } from './fetch';
import { pageLimit, parseList } from './list';
import type { HubspotObject } from './objects';
import { archivedObjectSchema } from './schemas';

/** HubSpot's largest page for CRM object lists. */
const MAX_PAGE = 100;

function rawId(raw: unknown): string | undefined {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : undefined;
}

/**
 * The second pass of a CRM object: what the rep deleted. HubSpot keeps a
 * deleted object archived (restorable for 90 days) and the search API never
 * returns it, so the changed-records pass cannot see a deletion; the list
 * endpoint with `archived=true` does. That list has no date filter, so every
 * run pages through the whole archive; an incremental run reports only the
 * objects archived at or after its `since` (earlier ones were removed by an
 * earlier run; one without a readable `archivedAt` is reported anyway, since
 * removing a record that is already gone is harmless), a full run all of
 * them. The ids are the externalIds the mappers give live records, and the
 * sync removes them in the same step as the cursor. An object HubSpot restores
 * leaves the archive and, modified by the restore, comes back through the
 * changed-records pass of the next run.
 */
export async function archivedPage(ctx: HubspotContext, spec: HubspotObject, state: HubspotCursor): Promise<FetchedPage> {
  const recordType: RecordType | undefined = spec.produces[0];
  if (!recordType) return { records: {}, rejects: [], nextCursor: null };
  const type = spec.type ?? spec.name;
  const query = new URLSearchParams({ limit: String(pageLimit(ctx, MAX_PAGE)), archived: 'true' });
  if (state.after) query.set('after', state.after);
  const { body, budget } = await hubspotRequest(ctx, 'GET', `/crm/v3/objects/${type}?${query}`);
  const list = parseList(body, `archived ${type}`);
  const deleted: string[] = [];
  const rejects: Reject[] = [];
  for (const raw of list.results) {
    const item = archivedObjectSchema.safeParse(raw);
    if (!item.success) {
      const reason = `an archived HubSpot ${type} item is not as documented (${describeIssues(item.error)}): the record stays in KPI Lens until HubSpot lists it readably`;
      rejects.push({ recordType, externalId: rawId(raw), raw, reason });
      continue;
    }
    const { id, archived, archivedAt } = item.data;
    if (archived === false) {
      // Deleting a record HubSpot says is live would lose it; keep it and say so.
      rejects.push({ recordType, externalId: id, raw, reason: `HubSpot listed ${type} ${id} among the archived ones but marked it live: kept` });
      continue;
    }
    const at = parseTimestamp(archivedAt);
    if (state.since !== null && at !== undefined && at < state.since) continue;
    deleted.push(id);
  }
  const after = list.paging?.next?.after;
  const next: HubspotCursor | null = after ? { ...state, after } : null;
  return { records: {}, rejects, deleted: deleted.length ? { [recordType]: deleted } : undefined, nextCursor: next ? JSON.stringify(next) : null, budget };
}
