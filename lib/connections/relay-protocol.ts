/**
 * The fetch relay between the background and a CRM tab's content script
 * (entrypoints/crm.content/relay.ts). Some CRMs (Pipedrive, amoCRM/Kommo,
 * Bitrix24) accept the rep's session only on same-origin requests made from
 * their own pages; the background asks an open tab of the CRM to make the
 * request and hand back the answer. Types and limits only: the content script
 * imports this file and must stay tiny (no zod).
 */
export const RELAY_FETCH = 'relay/fetch';
export const RELAY_BITRIX_SESSID = 'relay/bitrix-sessid';

/** Larger answers are refused rather than held twice in memory and passed between processes. */
export const RELAY_MAX_BODY_BYTES = 20 * 1024 * 1024;

export type RelayFetchMessage = {
  type: typeof RELAY_FETCH;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
};

export type RelaySessidMessage = { type: typeof RELAY_BITRIX_SESSID };

export type RelayFetchReply = { ok: true; status: number; headers: Record<string, string>; body: string } | { ok: false; error: string };

export type RelaySessidReply = { ok: true; sessid: string | null } | { ok: false; error: string };

/**
 * Response headers the adapters read (content type, rate limits, budgets);
 * nothing else of the CRM's answer leaves the tab.
 */
export function isRelayedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'content-type' ||
    lower === 'retry-after' ||
    lower === 'ratelimit' ||
    lower.startsWith('x-ratelimit') ||
    lower.startsWith('x-daily-ratelimit') ||
    lower.startsWith('ratelimit-')
  );
}
