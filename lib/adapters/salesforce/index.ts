import { decodeCursor } from '../cursor';
import { z } from '../../model/zod';
import { CrmError } from '../errors';
import type { CrmAdapter } from '../types';
import { API_VERSION, SALESFORCE_LABEL, salesforceGet, type SalesforceContext } from './client';
import { detectSalesforce } from './detect';
import { cursorSchema, fetchSoqlPage } from './fetch';
import type { MapContext } from './map-common';
import { SALESFORCE_OBJECTS, SOQL_OBJECTS } from './soql';

export { describeSalesforceConnection, detectSalesforce, type SalesforceConnection } from './detect';
export { readOrgSettings } from './org';
export { buildAuthorizeUrl, createCodeVerifier, codeChallengeS256, exchangeCode, refreshAccessToken, type SalesforceTokens } from './oauth';
export { SalesforceError, type SalesforceContext } from './client';

function mapContext(ctx: SalesforceContext): MapContext {
  return {
    source: ctx.source,
    appUrl: (ctx.appUrl ?? new URL(ctx.baseUrl).origin).replace(/\/+$/, ''),
    timeZone: ctx.timeZone,
    currency: ctx.currency,
    multiCurrency: ctx.multiCurrency === true,
    forecastPeriod: ctx.forecastPeriod ?? 'month',
  };
}

const chatterMe = z.lazy(() => z.object({ id: z.string().min(1).max(200), name: z.string().nullish() }));

/**
 * Salesforce through the REST API (SOQL query with nextRecordsUrl paging,
 * incremental by SystemModstamp, deletions through queryAll), with the rep's
 * Lightning session id or an OAuth token as a Bearer token.
 */
export const salesforceAdapter = {
  id: 'salesforce',
  label: SALESFORCE_LABEL,
  detect: detectSalesforce,
  // Salesforce limits requests per 24 hours (the allocation), not per second; keep a polite pace.
  requestsPerSecond: 5,
  objects: SALESFORCE_OBJECTS,
  async fetchPage(ctx: SalesforceContext, object, cursor, since) {
    const spec = SOQL_OBJECTS.find((o) => o.name === object);
    if (!spec)
      throw new CrmError('bad-response', `Salesforce has no object "${object.slice(0, 50)}" in KPI Lens`, 'Update KPI Lens; this is a bug if it repeats.');
    let state;
    if (cursor === null) state = { phase: 0 as const, since };
    else state = decodeCursor(cursor, cursorSchema, 'Salesforce')!;
    return fetchSoqlPage(ctx, mapContext(ctx), spec, state);
  },
  /** The signed-in user (Chatter's `users/me`, which answers for the session's own user). */
  async whoAmI(ctx: SalesforceContext) {
    const { body } = await salesforceGet(ctx, `/services/data/${API_VERSION}/chatter/users/me`);
    const me = chatterMe.safeParse(body);
    if (me.success) return { ownerId: me.data.id, name: me.data.name?.trim() || me.data.id };
    throw new CrmError('bad-response', 'Salesforce did not say who is signed in', 'Reload your Salesforce tab and try again.');
  },
} satisfies CrmAdapter;
