import { browser } from 'wxt/browser';
import { describeFailure } from '@/lib/db';
import { admit, type Reply, type RequestType } from '@/lib/messaging';
import type { Handlers } from './handlers';

/** Every runtime message passes `admit` (shape + sender) before a handler sees it. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    const verdict = admit(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!verdict.ok) return Promise.resolve({ ok: false, error: verdict.error } satisfies Reply<RequestType>);
    return handlers.handle(verdict.request, sender).then(
      (value) => ({ ok: true, value }),
      // A full disk or a database that failed to open or upgrade is said with what the rep can do.
      (error: unknown) => ({ ok: false, error: describeFailure(error) }),
    );
  });
}
