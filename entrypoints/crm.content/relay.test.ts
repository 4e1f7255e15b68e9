// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isCrmError, requestJson } from '@/lib/adapters';
import { relayFor, RELAY_FETCH, RELAY_MAX_BODY_BYTES, type RelayFetchMessage } from '@/lib/connections';
import { answerRelay, readBitrixSessid, readCapped, type RelayEnv } from './relay';

const ID = 'kpi-lens-extension-id';
const ORIGIN = 'https://acme.pipedrive.com';
const background = { id: ID };

type Seen = { url: string; init?: RequestInit };
function env(answer: (url: string, init?: RequestInit) => Response, seen: Seen[] = []): RelayEnv {
  return {
    runtimeId: ID,
    pageOrigin: ORIGIN,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), init });
      return answer(String(input), init);
    }) as typeof fetch,
    document,
  };
}
const get = (url: string, extra: Partial<RelayFetchMessage> = {}): RelayFetchMessage => ({
  type: RELAY_FETCH,
  url,
  method: 'GET',
  headers: { accept: 'application/json' },
  ...extra,
});

describe('the fetch relay in a CRM tab', () => {
  it('makes same-origin requests with the page session and returns status, rate-limit headers and body only', async () => {
    const seen: Seen[] = [];
    const headers = {
      'content-type': 'application/json',
      'x-ratelimit-remaining': '7',
      'x-daily-ratelimit-token-remaining': '9000',
      'set-cookie': 'sid=secret',
      'x-internal': 'no',
    };
    const reply = await answerRelay(
      get(`${ORIGIN}/api/v2/deals?limit=10`),
      background,
      env(() => new Response('{"data":[]}', { status: 200, headers }), seen),
    );
    expect(reply).toEqual({
      ok: true,
      status: 200,
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '7', 'x-daily-ratelimit-token-remaining': '9000' },
      body: '{"data":[]}',
    });
    expect(seen).toEqual([
      {
        url: `${ORIGIN}/api/v2/deals?limit=10`,
        init: { method: 'GET', headers: { accept: 'application/json' }, body: undefined, credentials: 'same-origin', redirect: 'manual' },
      },
    ]);
  });

  it.each([
    ['another origin', `https://evil.example/steal`],
    ['a look-alike host', `https://acme.pipedrive.com.evil.example/api`],
    ['another scheme', `http://acme.pipedrive.com/api`],
    ['another port', `https://acme.pipedrive.com:8443/api`],
    ['not a URL', `::::`],
  ])('refuses %s without making any request', async (_name, url) => {
    const seen: Seen[] = [];
    const reply = await answerRelay(
      get(url),
      background,
      env(() => new Response('{}'), seen),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(seen).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a content script in a tab', { id: ID, tab: { id: 4 } }],
    ['a sender without an id', {}],
  ])('obeys only the background, not %s', async (_name, sender) => {
    const seen: Seen[] = [];
    expect(
      await answerRelay(
        get(`${ORIGIN}/api/v1/users/me`),
        sender,
        env(() => new Response('{}'), seen),
      ),
    ).toEqual({ ok: false, error: 'refused: only KPI Lens itself may use the relay' });
    expect(seen).toEqual([]);
  });

  it('ignores messages that are not the relay’s, and refuses malformed relay requests', async () => {
    expect(
      answerRelay(
        { type: 'sidebar/toggle' },
        background,
        env(() => new Response('')),
      ),
    ).toBeUndefined();
    expect(
      answerRelay(
        'relay/fetch',
        background,
        env(() => new Response('')),
      ),
    ).toBeUndefined();
    expect(
      await answerRelay(
        { ...get(`${ORIGIN}/api`), method: 'DELETE' },
        background,
        env(() => new Response('')),
      ),
    ).toEqual({ ok: false, error: 'refused: not a relay request' });
    expect(
      await answerRelay(
        { ...get(`${ORIGIN}/api`), headers: { a: 1 } },
        background,
        env(() => new Response('')),
      ),
    ).toEqual({ ok: false, error: 'refused: not a relay request' });
  });

  it('refuses an answer redirected to another origin', async () => {
    const redirected = new Response('<html>login</html>');
    Object.defineProperty(redirected, 'url', { value: 'https://login.example/' });
    expect(
      await answerRelay(
        get(`${ORIGIN}/api/v2/deals`),
        background,
        env(() => redirected),
      ),
    ).toEqual({ ok: false, error: 'refused: the request was redirected to another origin' });
  });

  it('follows no redirect, not even one the browser keeps opaque', async () => {
    const seen: Seen[] = [];
    const opaque = { type: 'opaqueredirect', status: 0, url: '', headers: new Headers(), body: null } as unknown as Response;
    const refused = { ok: false, error: 'refused: the CRM answered with a redirect, which the relay does not follow' };
    expect(
      await answerRelay(
        get(`${ORIGIN}/api/v2/deals`),
        background,
        env(() => opaque, seen),
      ),
    ).toEqual(refused);
    expect(
      await answerRelay(
        get(`${ORIGIN}/api/v2/deals`),
        background,
        env(() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }), seen),
      ),
    ).toEqual(refused);
    expect(seen.map((request) => request.init?.redirect)).toEqual(['manual', 'manual']);
  });

  it('caps the body: counted while streaming, and refused at once when announced too large', async () => {
    expect(await readCapped(new Response('x'.repeat(100)), 100)).toBe('x'.repeat(100));
    expect(await readCapped(new Response('x'.repeat(101)), 100)).toBeNull();
    expect(await readCapped(new Response('ж'.repeat(50)), 100)).toBe('ж'.repeat(50)); // 2 bytes each: exactly 100
    const huge = new Response('{}', { headers: { 'content-length': String(RELAY_MAX_BODY_BYTES + 1) } });
    expect(
      await answerRelay(
        get(`${ORIGIN}/api/v2/deals`),
        background,
        env(() => huge),
      ),
    ).toEqual({ ok: false, error: 'the answer is larger than 20 MB' });
  });

  it('reads a Bitrix24 page’s sessid from its forms or its inline scripts', () => {
    const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const script = "<script>BX.message({'LANGUAGE_ID':'ru','bitrix_sessid':'0123456789abcdef0123456789abcdef'});</script>";
    expect(readBitrixSessid(page(script))).toBe('0123456789abcdef0123456789abcdef');
    expect(readBitrixSessid(page(`${script}<form><input type="hidden" name="sessid" value="fedcba9876543210"></form>`))).toBe('fedcba9876543210');
    expect(readBitrixSessid(page('<script src="/x.js"></script><input name="sessid" value="short">'))).toBeNull();
  });
});

describe('the background’s relay client', () => {
  const tabEnv = (answer: (url: string, init?: RequestInit) => Response) => env(answer);

  it('round-trips through a tab: adapters read a relayed 429 like a direct one', async () => {
    const tab = tabEnv(() => new Response('', { status: 429, headers: { 'retry-after': '7' } }));
    const relay = relayFor(ORIGIN, { tabsFor: async () => [1], send: async (_id, message) => answerRelay(message, background, tab) });
    const error = await requestJson(
      { fetch: relay.fetch, now: () => 0, baseUrl: `${ORIGIN}/api`, auth: { kind: 'session' }, source: 'pipedrive:acme', timeZone: 'UTC' },
      `${ORIGIN}/api/v2/deals`,
      { crmLabel: 'Pipedrive', now: 0 },
    ).catch((e: unknown) => e);
    expect(isCrmError(error) && { kind: error.kind, retryAfterMs: error.retryAfterMs }).toEqual({ kind: 'rate-limit', retryAfterMs: 7000 });
  });

  it('passes POST bodies and headers, and answers 204 with no body', async () => {
    const seen: Seen[] = [];
    const tab = env(() => new Response(null, { status: 204 }), seen);
    const relay = relayFor(ORIGIN, { tabsFor: async () => [1], send: async (_id, message) => answerRelay(message, background, tab) });
    const response = await relay.fetch(`${ORIGIN}/rest/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"halt":0}' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"halt":0}' });
  });

  it('skips tabs without the relay and fails when no tab answers', async () => {
    const tab = tabEnv(() => new Response('{"ok":1}'));
    const asked: number[] = [];
    const relay = relayFor(ORIGIN, {
      tabsFor: async () => [3, 4, 5],
      send: async (id, message) => {
        asked.push(id);
        if (id === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (id === 4) return undefined;
        return answerRelay(message, background, tab);
      },
    });
    expect(await (await relay.fetch(`${ORIGIN}/api/v1/users/me`)).json()).toEqual({ ok: 1 });
    expect(asked).toEqual([3, 4, 5]);
    const none = relayFor(ORIGIN, { tabsFor: async () => [], send: async () => undefined });
    expect(await none.available()).toBe(false);
    await expect(none.fetch(`${ORIGIN}/api/v1/users/me`)).rejects.toThrow('no open tab of https://acme.pipedrive.com answered');
  });

  it('turns a refusal in the tab into a failed request', async () => {
    const relay = relayFor(ORIGIN, {
      tabsFor: async () => [1],
      send: async (_id, message) =>
        answerRelay(
          message,
          background,
          tabEnv(() => new Response('')),
        ),
    });
    await expect(relay.fetch('https://evil.example/x')).rejects.toThrow(/^refused/);
    await expect(relay.fetch(`${ORIGIN}/x`, { method: 'PUT' })).rejects.toThrow('GET and POST');
  });
});
