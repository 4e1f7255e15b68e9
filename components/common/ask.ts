import { browser } from 'wxt/browser';
import type { Reply, RequestType, Responses } from '../../lib/messaging/protocol';

/** Sends a request to the background and unwraps its reply: the value, or the background's error thrown. */
export async function askBackground<T extends RequestType>(message: { type: T } & Record<string, unknown>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('the KPI Lens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
