import { browser } from 'wxt/browser';
import type { Reply, RequestInputOf, RequestType, Responses } from './protocol';

/**
 * The one way a KPI Lens page or content script asks the background. The request is typed by the
 * protocol the background validates (protocol.ts, requests/*.ts): what `T` may carry is that
 * schema's input, and the answer is `Responses[T]`. The background answers `{ ok, value }` or
 * `{ ok: false, error }`; the value comes back, the error is thrown as it was said, and a
 * background that cannot be reached or says nothing is a clear error naming the request.
 *
 * Only types are imported from the protocol: the sidebar's first paint and the content scripts
 * never load zod for this.
 */
export async function send<T extends RequestType>(request: { type: T } & RequestInputOf<T>): Promise<Responses[T]> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  } catch (failure) {
    throw new Error(`KPI Lens's background did not answer ${request.type}: ${failure instanceof Error ? failure.message : String(failure)}`, {
      cause: failure,
    });
  }
  if (typeof reply !== 'object' || reply === null) throw new Error(`KPI Lens's background did not answer ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
