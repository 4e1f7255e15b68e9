import type { CrmAdapter } from '../types';
import { PIPEDRIVE_LABEL, pipedriveGet, type PipedriveContext } from './client';
import { decodeCursor } from '../cursor';
import { detectPipedrive } from './detect';
import type { MapContext } from './map-common';
import { fetchObject, PIPEDRIVE_OBJECTS } from './objects';
import { cursorStateSchema } from './paging';
import { readCarry } from './fetch-history';
import { meSchema } from './schemas';
import { CrmError } from '../errors';

export { describePipedriveConnection, detectPipedrive, PIPEDRIVE_TOKEN_API_BASE, type PipedriveConnection } from './detect';
export { PIPEDRIVE_OBJECTS } from './objects';
export type { PipedriveContext } from './client';

function mapContext(ctx: PipedriveContext): MapContext {
  const appUrl = (ctx.appUrl ?? new URL(ctx.baseUrl).origin).replace(/\/+$/, '');
  return { source: ctx.source, appUrl, timeZone: ctx.timeZone };
}

/**
 * Pipedrive through its REST API: v2 for deals, activities, organizations,
 * pipelines, stages and products (cursor paging, `updated_since`), v1 for
 * users, leads, goals and call logs. Signs in with the rep's session from a
 * Pipedrive tab, or an API token in `x-api-token`.
 */
export const pipedriveAdapter = {
  id: 'pipedrive',
  label: PIPEDRIVE_LABEL,
  detect: detectPipedrive,
  // The smallest plan allows 20 requests per 2-second window per token; stay under half of that.
  requestsPerSecond: 8,
  objects: PIPEDRIVE_OBJECTS,
  async fetchPage(ctx: PipedriveContext, object: string, cursor: string | null, since: number | null, carried?: string | null) {
    // Deals whose stage history the last run could not afford start this run's queue (fetch-history.ts).
    const carriedPending = object === 'deals' ? readCarry(carried) : [];
    const state = decodeCursor(cursor, cursorStateSchema, PIPEDRIVE_LABEL) ?? {
      phase: 0,
      since,
      ...(carriedPending.length ? { pending: carriedPending } : {}),
    };
    return fetchObject(ctx, mapContext(ctx), object, state);
  },
  async whoAmI(ctx: PipedriveContext) {
    const { body } = await pipedriveGet(ctx, 'v1', '/users/me');
    const me = meSchema.safeParse(body);
    if (!me.success) throw new CrmError('bad-response', 'Pipedrive did not say who is signed in', 'Reload your Pipedrive tab and try again.');
    return { ownerId: me.data.data.id, name: me.data.data.name?.trim() || `User ${me.data.data.id}` };
  },
} satisfies CrmAdapter;
