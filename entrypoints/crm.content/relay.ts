import { browser } from 'wxt/browser';
import { isRelayedHeader, RELAY_BITRIX_SESSID, RELAY_FETCH, RELAY_MAX_BODY_BYTES, type RelayFetchReply, type RelaySessidReply } from '@/lib/connections';

type Sender = { id?: string; tab?: unknown };
export type RelayEnv = { runtimeId: string; pageOrigin: string; fetch: typeof fetch; document?: Document };

/**
 * The CRM tab's half of the fetch relay (see lib/connections/relay-protocol.ts):
 * makes a same-origin request with the page's session for the background and
 * returns status, the rate-limit headers and the body text. Obeys only the
 * background (this extension, not from a tab), and only for URLs of this page's
 * own origin, so no one can use the rep's session to reach anything else.
 * Returns undefined for messages that are not the relay's.
 */
export function answerRelay(message: unknown, sender: Sender, env: RelayEnv): Promise<RelayFetchReply | RelaySessidReply> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (type !== RELAY_FETCH && type !== RELAY_BITRIX_SESSID) return undefined;
  if (sender.id !== env.runtimeId || sender.tab !== undefined) return Promise.resolve({ ok: false, error: 'refused: only KPI Lens itself may use the relay' });
  if (type === RELAY_BITRIX_SESSID) return Promise.resolve({ ok: true, sessid: env.document ? readBitrixSessid(env.document) : null });
  return relayFetch(message as Record<string, unknown>, env);
}

async function relayFetch(message: Record<string, unknown>, env: RelayEnv): Promise<RelayFetchReply> {
  const { url, method, headers, body } = message;
  if (typeof url !== 'string' || (method !== 'GET' && method !== 'POST') || (body !== undefined && typeof body !== 'string') || !isStringRecord(headers)) {
    return { ok: false, error: 'refused: not a relay request' };
  }
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, error: 'refused: not a URL' };
  }
  if (target.origin !== env.pageOrigin) return { ok: false, error: `refused: ${target.origin} is not the origin of this page` };
  try {
    // Redirects are not followed: the request stays on this origin, as the background's own requests do.
    const response = await env.fetch(target.href, { method, headers, body, credentials: 'same-origin', redirect: 'manual' });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
      return { ok: false, error: 'refused: the CRM answered with a redirect, which the relay does not follow' };
    if (response.url && new URL(response.url).origin !== env.pageOrigin) return { ok: false, error: 'refused: the request was redirected to another origin' };
    const text = await readCapped(response, RELAY_MAX_BODY_BYTES);
    if (text === null) return { ok: false, error: `the answer is larger than ${RELAY_MAX_BODY_BYTES / 1024 / 1024} MB` };
    const kept: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (isRelayedHeader(name)) kept[name.toLowerCase()] = value;
    });
    return { ok: true, status: response.status, headers: kept, body: text };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}

/** The body as text, or null once it passes `cap` bytes (counted as it streams in, never buffered past the cap). */
export async function readCapped(response: Response, cap: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > cap) return null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * A Bitrix24 page's session token (`sessid`): its forms carry it in a hidden
 * field, and its inline scripts set `bitrix_sessid`. The REST API accepts the
 * page session only with it.
 */
export function readBitrixSessid(doc: Document): string | null {
  const field = doc.querySelector<HTMLInputElement>('input[name="sessid"]')?.value;
  if (field && /^[A-Za-z0-9]{8,128}$/.test(field)) return field;
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const match = /["']?bitrix_sessid["']?\s*:\s*["']([A-Za-z0-9]{8,128})["']/.exec(script.textContent ?? '');
    if (match) return match[1]!;
  }
  return null;
}

/** Starts answering the background's relay requests in this tab; returns the stop function. */
export function startRelay(): () => void {
  // Firefox gives content scripts the page's own fetch as `content.fetch`; Chromium's fetch already is.
  const pageFetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? globalThis.fetch.bind(globalThis);
  const env: RelayEnv = { runtimeId: browser.runtime.id, pageOrigin: location.origin, fetch: pageFetch, document };
  const listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    const answer = answerRelay(message, sender, env);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
