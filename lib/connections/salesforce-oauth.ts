import { buildAuthorizeUrl, codeChallengeS256, createCodeVerifier, refreshAccessToken, type SalesforceTokens } from '../adapters/salesforce/oauth';
import type { FetchLike } from '../adapters/types';
import type { OAuthGrant } from './types';

/** What the options page needs to run the sign-in: the browser's auth window, its redirect URL, randomness. */
export type OAuthDeps = {
  launch: (url: string) => Promise<string | undefined>;
  redirectUri: string;
  randomBytes: (n: number) => Uint8Array;
};

/** The code Salesforce sent back, with what exchanging it needs. */
export type OAuthCode = { code: string; codeVerifier: string; redirectUri: string };

export class OAuthCancelled extends Error {
  override readonly name = 'OAuthCancelled';
}

/**
 * Runs the OAuth 2.0 authorization-code flow with PKCE in the browser's auth
 * window: the rep signs in to Salesforce and allows the connected app, and the
 * code comes back on the extension's redirect URL. The `state` must come back
 * unchanged (it ties the answer to this request); the verifier never leaves
 * this machine except to Salesforce's token endpoint.
 */
export async function authorizeSalesforce(p: { loginUrl: string; clientId: string }, deps: OAuthDeps): Promise<OAuthCode> {
  const codeVerifier = createCodeVerifier(deps.randomBytes(64));
  const state = Array.from(deps.randomBytes(16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const url = buildAuthorizeUrl({
    loginUrl: p.loginUrl,
    clientId: p.clientId,
    redirectUri: deps.redirectUri,
    codeChallenge: await codeChallengeS256(codeVerifier),
    state,
  });
  const answer = await deps.launch(url);
  if (!answer) throw new OAuthCancelled('the Salesforce sign-in window was closed');
  const back = new URL(answer);
  const params = back.searchParams;
  if (params.get('error')) throw new Error(`Salesforce refused the sign-in: ${params.get('error_description') ?? params.get('error')}`);
  if (params.get('state') !== state) throw new Error('the Salesforce sign-in came back for another request; try again');
  const code = params.get('code');
  if (!code) throw new Error('Salesforce sent no authorization code');
  return { code, codeVerifier, redirectUri: deps.redirectUri };
}

/**
 * A fetch for an OAuth connection: when Salesforce refuses the access token
 * (401: it expired), gets a new one with the refresh token once, keeps it, and
 * repeats the request with it. Without a refresh token, or when the refresh is
 * refused too, the 401 goes to the adapter, which reports it as a sign-in problem.
 */
export function refreshingFetch(base: FetchLike, grant: OAuthGrant, onRefreshed: (tokens: SalesforceTokens) => Promise<void>): FetchLike {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 401 || !grant.refreshToken) return response;
    let tokens: SalesforceTokens;
    try {
      tokens = await refreshAccessToken(base, {
        loginUrl: grant.loginUrl,
        clientId: grant.clientId,
        clientSecret: grant.clientSecret,
        refreshToken: grant.refreshToken,
      });
    } catch {
      return response;
    }
    await onRefreshed(tokens);
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${tokens.access_token}`);
    return base(input, { ...init, headers });
  };
}
