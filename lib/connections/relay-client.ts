import type { FetchLike } from '../adapters/types';
import { RELAY_BITRIX_SESSID, RELAY_FETCH, type RelayFetchMessage, type RelaySessidMessage } from './relay-protocol';

/** How the background reaches CRM tabs: the tabs showing an origin (best first), and a message to one of them. */
export type RelayTransport = {
  tabsFor(origin: string): Promise<number[]>;
  send(tabId: number, message: RelayFetchMessage | RelaySessidMessage): Promise<unknown>;
};

export type Relay = {
  /** Is a tab of the CRM open to make the requests? */
  available(): Promise<boolean>;
  /** A fetch made by the CRM's own page, with the rep's session. */
  fetch: FetchLike;
  /** Bitrix24's page session token, where the open page has one. */
  bitrixSessid(): Promise<string | null>;
};

const NULL_BODY = new Set([101, 204, 205, 304]);

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => (out[name] = value));
  return out;
}

function isFetchReply(reply: unknown): reply is { ok: true; status: number; headers: Record<string, string>; body: string } | { ok: false; error: string } {
  if (typeof reply !== 'object' || reply === null) return false;
  const r = reply as Record<string, unknown>;
  if (r.ok === false) return typeof r.error === 'string';
  return r.ok === true && typeof r.status === 'number' && typeof r.body === 'string' && typeof r.headers === 'object' && r.headers !== null;
}

/**
 * The background's half of the relay for one CRM origin. Tabs are tried in
 * turn: one without the content script (opened before access was granted, or
 * being reloaded) is skipped. The reply becomes a Response, so adapters read
 * relayed answers exactly like direct ones.
 */
export function relayFor(origin: string, transport: RelayTransport): Relay {
  async function ask(message: RelayFetchMessage | RelaySessidMessage): Promise<unknown> {
    for (const tabId of await transport.tabsFor(origin)) {
      let reply: unknown;
      try {
        reply = await transport.send(tabId, message);
      } catch {
        continue;
      }
      if (reply !== undefined && reply !== null) return reply;
    }
    throw new Error(`no open tab of ${origin} answered`);
  }

  return {
    available: async () => (await transport.tabsFor(origin)).length > 0,
    fetch: async (input, init) => {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'POST') throw new Error(`the relay makes GET and POST requests only, not ${method}`);
      if (init?.body !== undefined && init.body !== null && typeof init.body !== 'string') throw new Error('the relay sends text bodies only');
      const message: RelayFetchMessage = { type: RELAY_FETCH, url: input, method, headers: headerRecord(init?.headers), body: init?.body ?? undefined };
      const reply = await ask(message);
      if (!isFetchReply(reply)) throw new Error('the CRM tab answered something that is not a relay reply');
      if (!reply.ok) throw new Error(reply.error);
      if (!Number.isInteger(reply.status) || reply.status < 200 || reply.status > 599) throw new Error(`the CRM tab reported HTTP ${reply.status}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(reply.headers)) if (typeof value === 'string') headers.set(name, value);
      return new Response(NULL_BODY.has(reply.status) ? null : reply.body, { status: reply.status, headers });
    },
    bitrixSessid: async () => {
      const reply = (await ask({ type: RELAY_BITRIX_SESSID })) as { ok?: unknown; sessid?: unknown };
      return reply.ok === true && typeof reply.sessid === 'string' ? reply.sessid : null;
    },
  };
}
