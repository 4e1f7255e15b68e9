import { CrmError, isCrmError } from '../adapters/errors';
import { readAccountInfo } from '../adapters/hubspot/account';
import { pipedriveGet } from '../adapters/pipedrive/client';
import { detectSalesforce } from '../adapters/salesforce/detect';
import { exchangeCode } from '../adapters/salesforce/oauth';
import type { AdapterContext, CrmAdapter } from '../adapters/types';
import { z } from '../model/zod';
import { guardedFetch } from './addresses';
import { CRM_CATALOG } from './catalog';
import { prepareContext, type ContextDeps } from './context';
import { planConnection, type ConnectInput, type ConnectionPlan } from './inputs';
import type { OAuthCode } from './salesforce-oauth';
import { sourceOf, type Connection } from './types';

/** What went wrong, said so the rep can act; `field` points at the form field to fix. */
export type ConnectProblem = { kind: string; message: string; userAction: string; field?: string };
export type CrmUser = { ownerId: string; name: string };

export type TestOutcome = { ok: true; user?: CrmUser } | { ok: false; problem: ConnectProblem };
export type ConnectOutcome = { ok: true; connection: Connection; user?: CrmUser; problem?: ConnectProblem } | { ok: false; problem: ConnectProblem };

export type ConnectDeps = Omit<ContextDeps, 'load' | 'update'> & {
  adapterFor: (crm: Connection['crm']) => CrmAdapter | undefined;
  now: () => number;
  allowTestApiBase: boolean;
};

export function problemOf(error: unknown): ConnectProblem {
  if (isCrmError(error)) return { kind: error.kind, message: error.message, userAction: error.userAction };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error), userAction: 'Try again; if it repeats, reload the extension.' };
}

/**
 * "Test": asks the CRM who is signed in, through the very context the sync
 * uses. HubSpot private app tokens belong to no user, so for HubSpot reading
 * the account proves the token and the user is found only where HubSpot says.
 */
export async function testConnection(adapter: CrmAdapter, source: string, deps: ContextDeps): Promise<TestOutcome> {
  try {
    const ctx = await prepareContext(source, deps);
    if (!adapter.whoAmI) return { ok: true };
    if (adapter.id === 'hubspot') return { ok: true, user: await adapter.whoAmI(ctx).catch(() => undefined) };
    return { ok: true, user: await adapter.whoAmI(ctx) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

const pipedriveMe = z.lazy(() =>
  z.object({
    data: z.object({
      company_domain: z
        .string()
        .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i)
        .nullish(),
    }),
  }),
);

/** Facts only the CRM can tell, for credentials that do not name the account themselves. */
async function learnAccount(plan: ConnectionPlan, deps: ConnectDeps, testApiBase: boolean): Promise<ConnectionPlan> {
  const ctx: AdapterContext = {
    fetch: guardedFetch(deps.fetch, plan.crm, deps.addresses),
    now: deps.now,
    baseUrl: plan.apiBase,
    appUrl: plan.appUrl,
    auth: plan.auth,
    source: `${plan.crm}:?`,
    timeZone: deps.timeZone,
  };
  if (plan.crm === 'pipedrive' && !plan.account) {
    const me = pipedriveMe.safeParse((await pipedriveGet(ctx, 'v1', '/users/me')).body);
    const domain = me.success ? me.data.data.company_domain?.toLowerCase() : undefined;
    if (!domain)
      throw new CrmError(
        'bad-response',
        'Pipedrive did not say which company the token belongs to',
        'Enter your company domain (the part before .pipedrive.com) as well.',
      );
    const appUrl = `https://${domain}.pipedrive.com`;
    return { ...plan, account: domain, appUrl, apiBase: testApiBase ? plan.apiBase : `${appUrl}/api` };
  }
  if (plan.crm === 'hubspot') {
    const info = await readAccountInfo(ctx);
    return { ...plan, account: info.portalId, appUrl: info.appUrl ?? plan.appUrl };
  }
  return plan;
}

async function signInWithOAuth(plan: ConnectionPlan, input: ConnectInput, code: OAuthCode, deps: ConnectDeps, testApiBase: boolean): Promise<Connection> {
  const loginUrl = plan.apiBase;
  const clientSecret = input.clientSecret?.trim() || undefined;
  const tokens = await exchangeCode(guardedFetch(deps.fetch, 'salesforce', deps.addresses), {
    loginUrl,
    clientId: input.clientId!.trim(),
    clientSecret,
    redirectUri: code.redirectUri,
    code: code.code,
    codeVerifier: code.codeVerifier,
  });
  const instance = new URL(tokens.instance_url);
  const org = detectSalesforce(instance);
  const account = org?.account ?? instance.hostname.split('.')[0]!;
  return {
    source: sourceOf('salesforce', account),
    crm: 'salesforce',
    account,
    apiBase: testApiBase ? loginUrl : (org?.apiBase ?? instance.origin),
    appUrl: org?.appUrl ?? instance.origin,
    auth: { kind: 'bearer', token: tokens.access_token },
    oauth: { clientId: input.clientId!.trim(), ...(clientSecret ? { clientSecret } : {}), loginUrl, refreshToken: tokens.refresh_token },
    connectedAt: deps.now(),
  };
}

/**
 * Connects a CRM from the options: reads the form, asks the CRM what only it
 * can tell (the account behind a token, Salesforce's tokens for an OAuth code)
 * and tests the credentials through the sync's own context. A credential that
 * does not work is not kept. A browser-session connection is kept even when
 * the test cannot run yet (no CRM tab open): the outcome says what to do.
 */
export async function resolveConnection(input: ConnectInput, code: OAuthCode | undefined, deps: ConnectDeps): Promise<ConnectOutcome> {
  const planned = planConnection(input, { allowTestApiBase: deps.allowTestApiBase });
  if (!planned.ok) {
    const what = planned.field === 'apiBase' ? 'API base URL' : planned.field;
    return {
      ok: false,
      problem: {
        kind: 'input',
        message: `The ${what} is not usable for ${CRM_CATALOG[input.crm]?.label ?? input.crm}`,
        userAction: 'Check what you entered and try again.',
        field: planned.field,
      },
    };
  }
  const testApiBase = deps.allowTestApiBase && Boolean(input.apiBase?.trim());
  let connection: Connection;
  try {
    if (planned.plan.method === 'oauth') {
      if (!code)
        return {
          ok: false,
          problem: {
            kind: 'input',
            message: 'The Salesforce sign-in did not finish',
            userAction: 'Click Connect and sign in to Salesforce in the window that opens.',
          },
        };
      connection = await signInWithOAuth(planned.plan, input, code, deps, testApiBase);
    } else {
      const plan = await learnAccount(planned.plan, deps, testApiBase);
      connection = {
        source: sourceOf(plan.crm, plan.account!),
        crm: plan.crm,
        account: plan.account!,
        apiBase: plan.apiBase,
        appUrl: plan.appUrl,
        auth: plan.auth,
        connectedAt: deps.now(),
      };
    }
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const adapter = deps.adapterFor(connection.crm);
  if (!adapter) return { ok: false, problem: { kind: 'internal', message: `KPI Lens cannot read ${connection.crm}`, userAction: 'Update KPI Lens.' } };
  let candidate = connection;
  const test = await testConnection(adapter, connection.source, {
    ...deps,
    load: async () => candidate,
    update: async (_source, change) => {
      candidate = change(candidate);
    },
  });
  if (test.ok) return { ok: true, connection: candidate, user: test.user };
  if (connection.auth.kind === 'session') return { ok: true, connection: candidate, problem: test.problem };
  return { ok: false, problem: test.problem };
}
