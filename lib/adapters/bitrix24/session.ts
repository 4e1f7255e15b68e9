/**
 * REST calls with the page session instead of a webhook. A portal page runs
 * the REST API for its signed-in user when the request carries the page's
 * session cookie and the session's CSRF token `sessid` (the page exposes it as
 * `BX.bitrix_sessid()` and in its `sessid` form fields; the content script reads
 * it there and hands it to the background). Pure: it only builds the API root.
 */
export function bitrixSessionBaseUrl(portalOrigin: string, sessid: string): string {
  const origin = new URL(portalOrigin).origin;
  if (!/^[A-Za-z0-9]{8,128}$/.test(sessid)) throw new Error('a Bitrix24 sessid is 8 to 128 letters and digits');
  return `${origin}/rest/?sessid=${sessid}`;
}
