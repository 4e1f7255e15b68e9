import { describeIssues } from '../../model';
import { z } from '../../model/zod';
import { CrmError } from '../errors';
import { mapItems, parseTimestamp } from '../map';
import { noProgress } from '../pager';
import { unreadableHistoryNote } from '../stage-visits';
import type { FetchedPage } from '../types';
import { API_VERSION, SALESFORCE_LABEL, SalesforceError, salesforceGet, type SalesforceContext } from './client';
import type { MapContext } from './map-common';
import { OPPORTUNITY_PIPELINE_ID } from './map-opportunity';
import { queryResultSchema } from './schemas';
import { quotaForecastType, readPeriods } from './quotas';
import { buildDeletedQuery, buildQuery, soqlDateTime, soqlId, type SoqlObject } from './soql';

/**
 * Where a chain of pages stands: the pass (0 = changed records, 1 = deleted
 * ones via queryAll), Salesforce's `nextRecordsUrl`, the `since` the chain
 * started with, and the last SystemModstamp read, from which the pass restarts
 * if the query locator expired (Salesforce keeps it about 15 minutes).
 */
export const cursorSchema = z.lazy(() =>
  z.object({
    phase: z.union([z.literal(0), z.literal(1)]).default(0),
    next: z.string().startsWith('/services/data/').max(2000).optional(),
    since: z.number().nullable().default(null),
    last: z.number().optional(),
    /** Quotas: the forecast type read (quotas.ts), '' when the org does not tell; absent until the first page. */
    fType: z
      .string()
      .regex(/^([a-zA-Z0-9]{15,18})?$/)
      .optional(),
  }),
);
export type SalesforceCursor = z.infer<typeof cursorSchema>;

const idOnly = z.lazy(() => z.object({ Id: z.string().min(1).max(200) }));

function periodIdOf(raw: unknown): string[] {
  const id = raw && typeof raw === 'object' ? (raw as { PeriodId?: unknown }).PeriodId : undefined;
  return typeof id === 'string' ? [id] : [];
}

function queryPath(soql: string, all: boolean): string {
  return `/services/data/${API_VERSION}/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
}

async function runQuery(ctx: SalesforceContext, spec: SoqlObject, state: SalesforceCursor) {
  const fromMs = state.last ?? state.since;
  const from = fromMs === null || fromMs === undefined ? null : soqlDateTime(fromMs);
  const conditions = state.fType ? [`ForecastingTypeId = ${soqlId(state.fType)}`] : [];
  const fresh = () =>
    state.phase === 1
      ? queryPath(buildDeletedQuery(spec, from ?? soqlDateTime(0)), true)
      : queryPath(buildQuery(spec, from, ctx.multiCurrency === true, conditions), spec.archivedToo === true);
  try {
    return await salesforceGet(ctx, state.next ?? fresh());
  } catch (error) {
    if (state.next && error instanceof SalesforceError && error.errorCode === 'INVALID_QUERY_LOCATOR') return salesforceGet(ctx, fresh());
    throw error;
  }
}

export async function fetchSoqlPage(ctx: SalesforceContext, mctx: MapContext, spec: SoqlObject, given: SalesforceCursor): Promise<FetchedPage> {
  let response;
  let state = given;
  try {
    // Quotas of one revenue forecast type only, chosen once per chain (quotas.ts).
    if (spec.name === 'quotas' && state.phase === 0 && state.fType === undefined) state = { ...state, fType: await quotaForecastType(ctx) };
    response = await runQuery(ctx, spec, state);
  } catch (error) {
    // An org without the feature (no Collaborative Forecasts) simply has no such records.
    if (spec.optional && error instanceof SalesforceError && error.kind === 'forbidden') return { records: {}, rejects: [], nextCursor: null };
    throw error;
  }
  const parsed = queryResultSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new CrmError(
      'bad-response',
      `${SALESFORCE_LABEL}'s ${spec.sobject} query answer is not shaped as documented: ${describeIssues(parsed.error)}`,
      'If this repeats, report it to KPI Lens with the sync log.',
    );
  }
  const { records: raws, done, nextRecordsUrl, totalSize } = parsed.data;
  let last = state.last;
  for (const raw of raws) {
    const stampMs = parseTimestamp((raw as { SystemModstamp?: unknown } | null)?.SystemModstamp);
    if (stampMs !== undefined && (last === undefined || stampMs > last)) last = stampMs;
  }
  const page: FetchedPage = { records: {}, rejects: [], nextCursor: null, totalEstimate: totalSize ?? undefined, budget: response.budget };
  if (state.phase === 1) {
    const ids = raws.flatMap((raw) => {
      const r = idOnly.safeParse(raw);
      return r.success ? [r.data.Id] : [];
    });
    page.deleted = ids.length ? { [spec.produces[spec.produces.length - 1] ?? 'deal']: ids } : undefined;
  } else {
    const periods =
      spec.name === 'quotas'
        ? await readPeriods(
            ctx,
            raws.flatMap((raw) => periodIdOf(raw)),
          )
        : undefined;
    const unreadableHistory: unknown[] = [];
    const mapped = mapItems(raws, (raw) => spec.map(raw, { ...mctx, ...(periods ? { periods } : {}), unreadableHistory }));
    page.records = mapped.records;
    page.rejects = [...mapped.rejects, ...unreadableHistoryNote(SALESFORCE_LABEL, unreadableHistory)];
    if (spec.name === 'stages' && !state.next && state.last === undefined) {
      // Salesforce stages are org-wide, so every opportunity sits in one pipeline.
      page.records.pipeline = [{ source: mctx.source, externalId: OPPORTUNITY_PIPELINE_ID, updatedAt: last ?? 0, name: 'Opportunities', order: 0 }];
    }
  }
  let next: SalesforceCursor | null = null;
  if (!done && !nextRecordsUrl)
    throw noProgress(SALESFORCE_LABEL, `${spec.sobject} records`, 'said more records follow (done: false) but gave no nextRecordsUrl');
  if (!done && nextRecordsUrl) next = { ...state, next: nextRecordsUrl, last };
  else if (state.phase === 0 && spec.tracksDeletes && state.since !== null) next = { phase: 1, since: state.since };
  page.nextCursor = next ? JSON.stringify(next) : null;
  // `last` (the newest stamp read) rides along for a restart; the request itself is the phase and nextRecordsUrl.
  if (next) page.pageKey = JSON.stringify({ phase: next.phase, since: next.since, next: next.next ?? null });
  return page;
}
