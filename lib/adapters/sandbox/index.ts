import { CrmError } from '../errors';
import { requestJson } from '../http';
import { mapItems } from '../map';
import { RECORD_TYPES, type RecordType } from '../../model';
import { z } from '../../model/zod';
import type { AdapterContext, CrmAdapter, DetectedCrm, FetchedPage, ObjectSpec } from '../types';

/**
 * The local sandbox CRM (test/sandbox-crm) that `npm run demo` and the
 * end-to-end tests read. It serves canonical-shaped records over a small paged
 * API, so the real sync engine, database and sidebar run against it. Only
 * development and test builds can reach it (host permissions for localhost).
 */
const LABEL = 'Sandbox CRM';

/** API object name for each record type. */
export const SANDBOX_OBJECTS: Record<RecordType, string> = {
  owner: 'owners',
  team: 'teams',
  pipeline: 'pipelines',
  stage: 'stages',
  product: 'products',
  customer: 'customers',
  deal: 'deals',
  activity: 'activities',
  lead: 'leads',
  mrrMovement: 'mrr-movements',
  spend: 'spend',
  quota: 'quotas',
  target: 'targets',
};

/** Small reference data first, then the plan (quotas, targets), then the big tables, activities last. */
const SYNC_ORDER: readonly RecordType[] = [
  'owner',
  'team',
  'pipeline',
  'stage',
  'product',
  'quota',
  'target',
  'spend',
  'customer',
  'deal',
  'lead',
  'mrrMovement',
  'activity',
];
const objects: ObjectSpec[] = SYNC_ORDER.map((type) => ({ name: SANDBOX_OBJECTS[type], produces: [type], incremental: true }));
const typeOfObject = new Map(RECORD_TYPES.map((type) => [SANDBOX_OBJECTS[type], type]));

const pageSchema = z.lazy(() =>
  z.object({
    data: z.array(z.unknown()),
    next_cursor: z.string().nullable(),
    total: z.number().int().nonnegative().optional(),
    deleted: z.array(z.string()).optional(),
  }),
);

export function detectSandbox(url: URL): DetectedCrm | null {
  if (url.protocol !== 'http:' || (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')) return null;
  return { crm: 'sandbox', account: `${url.hostname}:${url.port || '80'}`, apiBase: `${url.origin}/api/v1`, appUrl: url.origin };
}

async function fetchPage(ctx: AdapterContext, object: string, cursor: string | null, since: number | null): Promise<FetchedPage> {
  const type = typeOfObject.get(object);
  if (!type) throw new CrmError('bad-response', `${LABEL} has no object ${object}`, 'This is a bug in KPI Lens.');
  const url = new URL(`${ctx.baseUrl}/${object}`);
  url.searchParams.set('limit', String(Math.min(ctx.pageSize ?? 1000, 2000)));
  if (cursor) url.searchParams.set('cursor', cursor);
  if (since !== null) url.searchParams.set('updated_since', String(since));
  const { status, body } = await requestJson(ctx, url.toString(), { crmLabel: LABEL, credentials: 'include' });
  if (status !== 200) throw new CrmError('bad-response', `${LABEL} answered HTTP ${status} for ${object}`, 'Restart the sandbox CRM.', undefined, status);
  const page = pageSchema.safeParse(body);
  if (!page.success) throw new CrmError('bad-response', `${LABEL} sent a ${object} page KPI Lens cannot read`, 'Restart the sandbox CRM.');
  const mapped = mapItems(page.data.data, (raw) => ({ type, candidate: withSource(raw, ctx.source) }));
  return {
    ...mapped,
    nextCursor: page.data.next_cursor,
    totalEstimate: page.data.total,
    deleted: page.data.deleted?.length ? { [type]: page.data.deleted } : undefined,
  };
}

function withSource(raw: unknown, source: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return { ...(raw as Record<string, unknown>), source };
}

async function whoAmI(ctx: AdapterContext): Promise<{ ownerId: string; name: string }> {
  const { body } = await requestJson(ctx, `${ctx.baseUrl}/me`, { crmLabel: LABEL, credentials: 'include' });
  const me = z.object({ id: z.string(), name: z.string() }).safeParse(body);
  if (!me.success) throw new CrmError('bad-response', `${LABEL} did not say who is signed in`, 'Restart the sandbox CRM.');
  return { ownerId: me.data.id, name: me.data.name };
}

export const sandboxAdapter: CrmAdapter = {
  id: 'sandbox',
  label: LABEL,
  detect: detectSandbox,
  objects,
  fetchPage,
  whoAmI,
};
