import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { CrmError } from '../errors';
import { buildAuthorizeUrl, codeChallengeS256, createCodeVerifier, exchangeCode, refreshAccessToken } from './oauth';

describe('Salesforce OAuth 2.0 + PKCE helpers', () => {
  it('computes the S256 challenge of RFC 7636, appendix B', async () => {
    await expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of unreserved characters from the random bytes given', () => {
    const verifier = createCodeVerifier(new Uint8Array(64).map((_, i) => i * 7));
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(() => createCodeVerifier(new Uint8Array(10))).toThrow(RangeError);
  });

  it('builds the authorize URL with the challenge and S256', () => {
    const url = new URL(
      buildAuthorizeUrl({
        loginUrl: 'https://login.salesforce.com',
        clientId: 'cid',
        redirectUri: 'https://ext.example/cb',
        codeChallenge: 'abc',
        state: 's1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'https://ext.example/cb',
      code_challenge: 'abc',
      code_challenge_method: 'S256',
      state: 's1',
      scope: 'api refresh_token',
    });
  });

  it('exchanges the code with the verifier and refreshes', async () => {
    const bodies: string[] = [];
    const fetch = async (_: string, init?: RequestInit) => {
      bodies.push(String(init?.body));
      return jsonResponse({ access_token: 'at', refresh_token: 'rt', instance_url: 'https://acme.my.salesforce.com', token_type: 'Bearer' });
    };
    const tokens = await exchangeCode(fetch, {
      loginUrl: 'https://login.salesforce.com',
      clientId: 'cid',
      redirectUri: 'https://ext.example/cb',
      code: 'c0de',
      codeVerifier: 'v',
    });
    expect(tokens).toMatchObject({ access_token: 'at', instance_url: 'https://acme.my.salesforce.com' });
    expect(Object.fromEntries(new URLSearchParams(bodies[0]))).toMatchObject({ grant_type: 'authorization_code', code: 'c0de', code_verifier: 'v' });
    await refreshAccessToken(fetch, { loginUrl: 'https://login.salesforce.com', clientId: 'cid', refreshToken: 'rt' });
    expect(Object.fromEntries(new URLSearchParams(bodies[1]))).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt' });
  });

  it('sends the consumer secret where the connected app requires it, in the code and the refresh exchange alike', async () => {
    const bodies: Record<string, string>[] = [];
    const fetch = async (_: string, init?: RequestInit) => {
      bodies.push(Object.fromEntries(new URLSearchParams(String(init?.body))));
      return jsonResponse({ access_token: 'at', refresh_token: 'rt', instance_url: 'https://acme.my.salesforce.com' });
    };
    await exchangeCode(fetch, {
      loginUrl: 'https://login.salesforce.com',
      clientId: 'cid',
      clientSecret: 's3cr3t',
      redirectUri: 'https://ext.example/cb',
      code: 'c0de',
      codeVerifier: 'v',
    });
    await refreshAccessToken(fetch, { loginUrl: 'https://login.salesforce.com', clientId: 'cid', clientSecret: 's3cr3t', refreshToken: 'rt' });
    await refreshAccessToken(fetch, { loginUrl: 'https://login.salesforce.com', clientId: 'cid', refreshToken: 'rt' });
    expect(bodies.map((body) => body.client_secret)).toEqual(['s3cr3t', 's3cr3t', undefined]);
    expect(bodies[0]).toMatchObject({ code_verifier: 'v', client_secret: 's3cr3t' }); // PKCE and the secret together
  });

  it('a refused grant is an auth error; tokens with an http instance are refused', async () => {
    const refused = async () => jsonResponse({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, 400);
    const error = await refreshAccessToken(refused, { loginUrl: 'https://login.salesforce.com', clientId: 'cid', refreshToken: 'old' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CrmError);
    expect([(error as CrmError).kind, (error as CrmError).message]).toEqual([
      'auth',
      'Salesforce refused the sign-in (invalid_grant: expired access/refresh token)',
    ]);
    const insecure = async () => jsonResponse({ access_token: 'at', instance_url: 'http://acme.my.salesforce.com' });
    const bad = await refreshAccessToken(insecure, { loginUrl: 'https://login.salesforce.com', clientId: 'cid', refreshToken: 'rt' }).catch((e: unknown) => e);
    expect((bad as CrmError).kind).toBe('bad-response');
  });
});
