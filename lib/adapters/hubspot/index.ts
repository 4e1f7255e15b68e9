import { decodeCursor } from '../cursor';
import { CrmError } from '../errors';
import type { CrmAdapter } from '../types';
import { HUBSPOT_LABEL, hubspotRequest, type HubspotContext } from './client';
import { detectHubspot } from './detect';
import { cursorSchema, fetchHubspotPage } from './fetch';
import type { MapContext } from './map-common';
import { HUBSPOT_OBJECTS, HUBSPOT_OBJECTS_DETAIL } from './objects';
import { z } from '../../model/zod';

export { describeHubspotConnection, detectHubspot, HUBSPOT_API_BASE, type HubspotConnection } from './detect';
export { readAccountInfo } from './account';
export type { HubspotContext } from './client';

function mapContext(ctx: HubspotContext): MapContext {
  return {
    source: ctx.source,
    appUrl: (ctx.appUrl ?? 'https://app.hubspot.com').replace(/\/+$/, ''),
    portalId: ctx.portalId,
    timeZone: ctx.timeZone,
    currency: ctx.currency,
  };
}

const tokenInfo = z.lazy(() => z.object({ user_id: z.number().int(), user: z.string().nullish() }));
const ownerSchema = z.lazy(() =>
  z.object({ id: z.string().min(1).max(200), firstName: z.string().nullish(), lastName: z.string().nullish(), email: z.string().nullish() }),
);

/**
 * HubSpot CRM v3 with a private app token: full syncs through the list
 * endpoints (`after` paging), incremental ones through the search API on the
 * last-modified property, windowed under the 10,000-result cap; then, per CRM
 * object, the archived list, whose ids the sync deletes locally.
 */
export const hubspotAdapter = {
  id: 'hubspot',
  label: HUBSPOT_LABEL,
  detect: detectHubspot,
  // Private apps get 100 requests per 10 s; the search API allows about 5 per second per account.
  requestsPerSecond: 4,
  objects: HUBSPOT_OBJECTS,
  async fetchPage(ctx: HubspotContext, object, cursor, since) {
    const spec = HUBSPOT_OBJECTS_DETAIL.find((o) => o.name === object);
    if (!spec)
      throw new CrmError('bad-response', `HubSpot has no object "${object.slice(0, 50)}" in KPI Lens`, 'Update KPI Lens; this is a bug if it repeats.');
    const runSince = spec.incremental ? since : null;
    const state = cursor === null ? { since: runSince } : decodeCursor(cursor, cursorSchema, 'HubSpot')!;
    return fetchHubspotPage(ctx, mapContext(ctx), spec, state, runSince);
  },
  /**
   * The signed-in user behind an OAuth access token (`/oauth/v1/access-tokens/{token}`
   * gives its user id), as an owner (`/crm/v3/owners/{userId}?idProperty=userId`).
   * Private app tokens belong to no user: HubSpot refuses the lookup and the rep
   * picks their owner in KPI Lens options instead.
   */
  async whoAmI(ctx: HubspotContext) {
    if (ctx.auth.kind !== 'bearer') throw new CrmError('auth', 'HubSpot needs a token', 'Paste a HubSpot token in KPI Lens options.');
    const { body } = await hubspotRequest(ctx, 'GET', `/oauth/v1/access-tokens/${encodeURIComponent(ctx.auth.token)}`);
    const info = tokenInfo.safeParse(body);
    if (!info.success) throw new CrmError('bad-response', 'HubSpot did not say who the token belongs to', 'Pick yourself as the owner in KPI Lens options.');
    const { body: raw } = await hubspotRequest(ctx, 'GET', `/crm/v3/owners/${info.data.user_id}?idProperty=userId`);
    const owner = ownerSchema.safeParse(raw);
    if (!owner.success)
      throw new CrmError(
        'bad-response',
        'Your HubSpot user is not a deal owner',
        'Ask your HubSpot admin to make your user an owner, or pick an owner in KPI Lens options.',
      );
    const o = owner.data;
    return { ownerId: o.id, name: [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || info.data.user || o.id };
  },
} satisfies CrmAdapter;
