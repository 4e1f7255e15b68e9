import { requestSchema, type Request } from './protocol';

/** What the browser tells a receiver about who sent a message (a subset of runtime.MessageSender). */
export type SenderInfo = { id?: string; url?: string; tab?: { id?: number } };

/** Requests a CRM page's content script may make. Everything else needs an extension page. */
// `frame/*`: the sidebar frame's state of the sender's own page (the handler reads the CRM from the sender).
// `table/*` come from the table picker, injected only when the rep asks; the handlers also check the tab.
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'page/opened',
  'frame/state',
  'frame/toggle',
  'frame/resize',
  'table/setup',
  'table/remember',
  'table/rows',
]);

export type Admission = { ok: true; request: Request; fromExtensionPage: boolean } | { ok: false; error: string };

/**
 * Validates a message and its sender. Refused: messages from other extensions,
 * shapes that do not match the protocol, and privileged requests (export,
 * delete, sync, demo) from a content script, which runs in a page the CRM and
 * its scripts control.
 */
export function admit(message: unknown, sender: SenderInfo, extensionId: string, extensionOrigin: string): Admission {
  if (sender.id !== extensionId) return { ok: false, error: 'refused: message from another extension or a web page' };
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: 'refused: not a KPI Lens message' };
  const fromExtensionPage = isExtensionPage(sender, extensionOrigin);
  if (!fromExtensionPage && !CONTENT_SCRIPT_REQUESTS.has(parsed.data.type)) {
    return { ok: false, error: `refused: ${parsed.data.type} is only for KPI Lens pages` };
  }
  return { ok: true, request: parsed.data, fromExtensionPage };
}

/**
 * `extensionOrigin` is `runtime.getURL('')`, e.g. `chrome-extension://<id>/`.
 * Compared as a prefix: URL.origin is the opaque "null" for extension schemes,
 * which would make every such URL look alike.
 */
function isExtensionPage(sender: SenderInfo, extensionOrigin: string): boolean {
  if (sender.url === undefined) return sender.tab === undefined;
  return extensionOrigin.endsWith('/') && sender.url.startsWith(extensionOrigin);
}
