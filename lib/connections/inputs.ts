import { detectBitrix24, parseWebhookUrl } from '../adapters/bitrix24/detect';
import { CLOSE_API_BASE, CLOSE_APP_URL } from '../adapters/close/detect';
import { HUBSPOT_API_BASE } from '../adapters/hubspot/detect';
import { detectKommo } from '../adapters/kommo/detect';
import { detectPipedrive, PIPEDRIVE_TOKEN_API_BASE } from '../adapters/pipedrive/detect';
import { detectSalesforce } from '../adapters/salesforce/detect';
import type { AdapterAuth, DetectedCrm } from '../adapters/types';
import { CRM_CATALOG, permissionsFor, type ConnectableCrm, type ConnectField, type ConnectMethod, type PermissionRequest } from './catalog';

/** What the rep typed in the connect form (the OAuth code comes separately, see salesforce-oauth.ts). */
export type ConnectInput = {
  crm: ConnectableCrm;
  method: ConnectMethod;
  account?: string;
  token?: string;
  webhookUrl?: string;
  clientId?: string;
  /** Salesforce: the connected app's consumer secret, only where the app requires it. */
  clientSecret?: string;
  loginUrl?: string;
  /** TEST builds only: the CRM's API served by a fake on loopback. Ignored everywhere else. */
  apiBase?: string;
};

/**
 * A connection before the CRM was asked anything: where its API is and how to
 * sign in. `account` is missing where only the CRM can tell it (a Pipedrive
 * token without a company domain, a HubSpot portal, a Salesforce OAuth org).
 */
export type ConnectionPlan = {
  crm: ConnectableCrm;
  method: ConnectMethod;
  account?: string;
  apiBase: string;
  appUrl: string;
  auth: AdapterAuth;
  /** `https://host` of the account, where host access is asked per account. */
  accountOrigin?: string;
};

export type PlanResult = { ok: true; plan: ConnectionPlan } | { ok: false; field: ConnectField | 'method' | 'apiBase' };

const SF_LOGIN_DEFAULT = 'https://login.salesforce.com';

/** A bare host or a URL, as reps paste either. */
function asUrl(text: string | undefined): URL | null {
  const value = text?.trim();
  if (!value) return null;
  try {
    return new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return null;
  }
}

export function pipedriveAccount(text: string | undefined): DetectedCrm | null {
  const value = text?.trim().toLowerCase();
  if (!value) return null;
  const url = /^[a-z0-9-]+$/.test(value) ? asUrl(`${value}.pipedrive.com`) : asUrl(value);
  return url ? detectPipedrive(url) : null;
}

/** `acme`, `acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com` or any Lightning URL of the org. */
export function salesforceOrg(text: string | undefined): DetectedCrm | null {
  const value = text?.trim().toLowerCase();
  if (!value) return null;
  const url = /^[a-z0-9-]+$/.test(value) ? asUrl(`${value}.my.salesforce.com`) : asUrl(value);
  return url ? detectSalesforce(url) : null;
}

export function kommoAccount(text: string | undefined): DetectedCrm | null {
  const url = asUrl(text?.toLowerCase());
  return url ? detectKommo(url) : null;
}

export function bitrixPortal(text: string | undefined): DetectedCrm | null {
  const url = asUrl(text?.toLowerCase());
  return url ? detectBitrix24(url) : null;
}

/**
 * Salesforce's login hosts (production, sandbox) or the org's My Domain, in the
 * commercial cloud, Government Cloud Plus (`*.my.salesforce.mil`) or China
 * (`*.my.sfcrmproducts.cn`); all under the host access asked for.
 */
export function salesforceLoginUrl(text: string | undefined): string | null {
  if (!text?.trim()) return SF_LOGIN_DEFAULT;
  const url = asUrl(text);
  if (!url || url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  const myDomain = ['.my.salesforce.com', '.my.salesforce.mil', '.my.sfcrmproducts.cn'].some(
    (suffix) => host.endsWith(suffix) && detectSalesforce(new URL(`https://${host}`)) !== null,
  );
  return host === 'login.salesforce.com' || host === 'test.salesforce.com' || myDomain ? url.origin : null;
}

/** A pasted credential: one line of visible ASCII, no spaces (a copy with a line break or a label is refused). */
export function cleanToken(text: string | undefined, max: number): string | null {
  const value = text?.trim();
  return value && value.length <= max && /^[\x21-\x7e]+$/.test(value) ? value : null;
}

/** TEST builds: an API on loopback only, so even a test build never points a CRM connection elsewhere. */
export function loopbackApiBase(text: string | undefined): string | null {
  const url = asUrl(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Turns the form into a plan, field by field; the first field that cannot be
 * used is named so the form can point at it. Pure: nothing is asked of the CRM.
 */
export function planConnection(input: ConnectInput, options: { allowTestApiBase: boolean }): PlanResult {
  const entry = CRM_CATALOG[input.crm];
  if (!entry?.methods.includes(input.method)) return { ok: false, field: 'method' };
  const planned = basePlan(input);
  if (!planned.ok || !options.allowTestApiBase || input.apiBase === undefined || input.apiBase.trim() === '') return planned;
  const apiBase = loopbackApiBase(input.apiBase);
  return apiBase ? { ok: true, plan: { ...planned.plan, apiBase } } : { ok: false, field: 'apiBase' };
}

function basePlan(input: ConnectInput): PlanResult {
  const { crm, method } = input;
  const fail = (field: ConnectField): PlanResult => ({ ok: false, field });
  const plan = (detected: DetectedCrm, auth: AdapterAuth, extra: Partial<ConnectionPlan> = {}): PlanResult => ({
    ok: true,
    plan: { crm, method, account: detected.account, apiBase: detected.apiBase, appUrl: detected.appUrl, auth, ...extra },
  });
  switch (crm) {
    case 'pipedrive': {
      const detected = pipedriveAccount(input.account);
      if (method === 'session') return detected ? plan(detected, { kind: 'session' }) : fail('account');
      const token = cleanToken(input.token, 500);
      if (!token) return fail('token');
      if (input.account?.trim() && !detected) return fail('account');
      if (detected) return plan(detected, { kind: 'token', token });
      return { ok: true, plan: { crm, method, apiBase: PIPEDRIVE_TOKEN_API_BASE, appUrl: 'https://app.pipedrive.com', auth: { kind: 'token', token } } };
    }
    case 'salesforce': {
      if (method === 'oauth') {
        if (!cleanToken(input.clientId, 500)) return fail('clientId');
        if (input.clientSecret?.trim() && !cleanToken(input.clientSecret, 500)) return fail('clientSecret');
        const loginUrl = salesforceLoginUrl(input.loginUrl);
        // The API host is known once Salesforce answers the sign-in (its instance URL); the login host names the cloud.
        return loginUrl
          ? { ok: true, plan: { crm, method, apiBase: loginUrl, appUrl: loginUrl, auth: { kind: 'session' }, accountOrigin: loginUrl } }
          : fail('loginUrl');
      }
      const detected = salesforceOrg(input.account);
      return detected ? plan(detected, { kind: 'session' }, { accountOrigin: new URL(detected.apiBase).origin }) : fail('account');
    }
    case 'hubspot': {
      const token = cleanToken(input.token, 4000);
      return token
        ? { ok: true, plan: { crm, method, apiBase: HUBSPOT_API_BASE, appUrl: 'https://app.hubspot.com', auth: { kind: 'bearer', token } } }
        : fail('token');
    }
    case 'close': {
      const key = cleanToken(input.token, 500);
      // Close serves every organization from one host: the account is the host (as detectClose says).
      return key
        ? {
            ok: true,
            plan: {
              crm,
              method,
              account: 'app.close.com',
              apiBase: CLOSE_API_BASE,
              appUrl: CLOSE_APP_URL,
              auth: { kind: 'basic', username: key, password: '' },
            },
          }
        : fail('token');
    }
    case 'kommo': {
      const detected = kommoAccount(input.account);
      if (!detected) return fail('account');
      if (method === 'session') return plan(detected, { kind: 'session' }, { accountOrigin: detected.appUrl });
      const token = cleanToken(input.token, 4000);
      return token ? plan(detected, { kind: 'bearer', token }, { accountOrigin: detected.appUrl }) : fail('token');
    }
    case 'bitrix24': {
      if (method === 'session') {
        const detected = bitrixPortal(input.account);
        return detected ? plan(detected, { kind: 'session' }, { accountOrigin: detected.appUrl }) : fail('account');
      }
      const hook = parseWebhookUrl(input.webhookUrl ?? '');
      const portal = hook ? detectBitrix24(new URL(hook.appUrl)) : null;
      if (!hook || !portal) return fail('webhookUrl');
      return {
        ok: true,
        plan: { crm, method, account: portal.account, apiBase: hook.baseUrl, appUrl: portal.appUrl, auth: { kind: 'webhook' }, accountOrigin: portal.appUrl },
      };
    }
  }
}

/**
 * The permissions to ask for this plan: the CRM's hosts (or the account's
 * host) and the method's extra permission. A TEST build pointed at a loopback
 * fake asks for that origin instead, which such builds already hold, so an
 * automated browser never meets a permission prompt it cannot answer.
 */
export function permissionsForPlan(plan: ConnectionPlan, testApiBase: boolean): PermissionRequest {
  const request = permissionsFor(plan.crm, plan.method, plan.accountOrigin);
  if (!testApiBase) return request;
  const api = new URL(plan.apiBase);
  // Match patterns name no port: `http://127.0.0.1/*` is every port of the loopback host.
  return { ...request, origins: [`${api.protocol}//${api.hostname}/*`] };
}
