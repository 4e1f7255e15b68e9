import { describeIssues } from '../../model';
import { CrmError } from '../errors';
import { HUBSPOT_LABEL, type HubspotContext } from './client';
import { listSchema } from './schemas';

/** Records per request: the context's page size, clamped to what the endpoint allows. */
export function pageLimit(ctx: HubspotContext, max: number): number {
  const n = ctx.pageSize;
  return n === undefined || !Number.isFinite(n) ? max : Math.max(1, Math.min(max, Math.floor(n)));
}

/** A `results` + `paging.next.after` answer (lists, searches, owners); anything else is a bad response. */
export function parseList(body: unknown, what: string) {
  const parsed = listSchema.safeParse(body);
  if (!parsed.success)
    throw new CrmError(
      'bad-response',
      `${HUBSPOT_LABEL}'s ${what} answer is not shaped as documented: ${describeIssues(parsed.error)}`,
      'If this repeats, report it to KPI Lens with the sync log.',
    );
  return parsed.data;
}
