import { z } from '../../model/zod';
import { CrmError } from '../errors';
import { credentialFetch } from '../http';
import type { FetchLike } from '../types';

/**
 * OAuth 2.0 web server flow with PKCE for a Salesforce connected app, as pure
 * helpers: the caller supplies randomness, the redirect handling and `fetch`.
 * Login host: `https://login.salesforce.com`, `https://test.salesforce.com`
 * (sandboxes) or the org's My Domain.
 */
const VERIFIER_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** A PKCE code verifier (RFC 7636: 43–128 unreserved characters) from random bytes, e.g. crypto.getRandomValues(new Uint8Array(64)). */
export function createCodeVerifier(random: Uint8Array): string {
  if (random.length < 43 || random.length > 128) throw new RangeError('a code verifier needs 43 to 128 random bytes');
  return Array.from(random, (byte) => VERIFIER_CHARS[byte % VERIFIER_CHARS.length]).join('');
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `code_challenge` for method S256: BASE64URL(SHA-256(verifier)), with Web Crypto. */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export type AuthorizeParams = { loginUrl: string; clientId: string; redirectUri: string; codeChallenge: string; state: string; scope?: string };

export function buildAuthorizeUrl(p: AuthorizeParams): string {
  const url = new URL('/services/oauth2/authorize', p.loginUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
    state: p.state,
    scope: p.scope ?? 'api refresh_token',
  }).toString();
  return url.toString();
}

const tokenSchema = z.lazy(() =>
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1).optional(),
    instance_url: z
      .string()
      .url()
      .refine((u) => u.startsWith('https://'), 'expected an https instance URL'),
    id: z.string().optional(),
    issued_at: z.string().optional(),
    token_type: z.string().optional(),
    scope: z.string().optional(),
  }),
);
export type SalesforceTokens = z.infer<typeof tokenSchema>;

async function tokenRequest(fetch: FetchLike, loginUrl: string, form: Record<string, string>): Promise<SalesforceTokens> {
  let response: Response;
  try {
    // The body holds the code or refresh token (and a client secret): a 307 must not repeat it elsewhere.
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    };
    response = await credentialFetch(fetch, new URL('/services/oauth2/token', loginUrl).toString(), init, 'Salesforce sign-in');
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmError(
      'transient',
      `Salesforce sign-in could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      'Check the network connection and try again.',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: unknown; error_description?: unknown } | undefined) ?? {};
    const detail = [error.error, error.error_description]
      .filter((v) => typeof v === 'string')
      .join(': ')
      .slice(0, 300);
    throw new CrmError(
      'auth',
      `Salesforce refused the sign-in${detail ? ` (${detail})` : ''}`,
      'Connect Salesforce again from KPI Lens options.',
      undefined,
      response.status,
    );
  }
  const parsed = tokenSchema.safeParse(body);
  if (!parsed.success)
    throw new CrmError('bad-response', 'Salesforce answered the sign-in without usable tokens', 'Connect Salesforce again from KPI Lens options.');
  return parsed.data;
}

/**
 * The connected app's consumer secret, where the admin left "Require Secret
 * for Web Server Flow" (and "… for Refresh Token Flow") on, as Salesforce
 * recommends; without it such an app refuses both exchanges. PKCE is sent either way.
 */
function withSecret(form: Record<string, string>, clientSecret: string | undefined): Record<string, string> {
  return clientSecret ? { ...form, client_secret: clientSecret } : form;
}

/** Exchanges the authorization code (with the PKCE verifier, and the consumer secret where the app requires it) for tokens. */
export function exchangeCode(
  fetch: FetchLike,
  p: { loginUrl: string; clientId: string; clientSecret?: string; redirectUri: string; code: string; codeVerifier: string },
): Promise<SalesforceTokens> {
  return tokenRequest(
    fetch,
    p.loginUrl,
    withSecret(
      { grant_type: 'authorization_code', code: p.code, client_id: p.clientId, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier },
      p.clientSecret,
    ),
  );
}

/** A new access token from the refresh token (with the consumer secret where the app requires it). */
export function refreshAccessToken(
  fetch: FetchLike,
  p: { loginUrl: string; clientId: string; clientSecret?: string; refreshToken: string },
): Promise<SalesforceTokens> {
  return tokenRequest(fetch, p.loginUrl, withSecret({ grant_type: 'refresh_token', refresh_token: p.refreshToken, client_id: p.clientId }, p.clientSecret));
}
